"""Which language an unfenced code block is written in.

Pygments' `guess_lexer` alone is unreliable on short snippets (it calls most Python "Text only"
and much JavaScript "Python"), so rules decide first: a shell prompt, a JSON document, SQL
keywords, YAML's key shape, Go's and Rust's declarations; then Python and
JavaScript/TypeScript signals are counted line by line. Pygments breaks a tie or names what no
rule knows. Measured on the fixtures' code blocks plus the seed with `bench/text_score.py`.
"""

from __future__ import annotations

import json
import re

import yaml
from pygments.lexers import guess_lexer
from pygments.util import ClassNotFound

PYTHON = [r"^\s*def \w+\(", r"^\s*(?:from [\w.]+ )?import [\w.]+", r"^\s*class \w+.*:\s*$",
          r":\s*$", r"\bself\.", r"\bprint\(", r"\b(?:None|True|False)\b", r"^\s*elif\b",
          r"^\s*#", r"\bf[\"']", r"\blambda\b", r"^\s*@\w", r"^\s*>>>", r"\bdef\b",
          r"^\s*(?:for|with) .+:\s*$", r"\w+=\w"]
JAVASCRIPT = [r"^\s*(?:export\s+)?(?:const|let|var)\s", r"\bfunction\b", r"=>", r";\s*$",
              r"^\s*//", r"\bconsole\.", r"===|!==", r"\b(?:null|undefined)\b", r"\brequire\(",
              r"^\s*import .* from ['\"]", r"\{\s*$", r"^\s*\}", r"\bawait\b", r"\bexport\b"]
TYPESCRIPT = [r":\s*(?:string|number|boolean|any|void|unknown|never)\b", r"^\s*(?:export\s+)?"
              r"interface\s", r"^\s*(?:export\s+)?type\s+\w+\s*=", r"\bas const\b",
              r"\bimport type\b", r"\b(?:public|private|readonly)\s", r"<\w+(?:\[\])?>\(",
              r"^\s*import\s*\{[^}]*\btype\s+\w", r"^\s*(?:export\s+)?(?:const|let|var)\s+\w+\s*:"
              r"\s*[\w.]+(?:<[^>]*>)?(?:\[\])*\s*="]  # `import { x, type T }`, `const a: T[] =`
PROMPT = re.compile(r"^\s*(?:\$|>>>) \S")  # a shell or Python session: output lines follow
COMMANDS = (r"sudo|pip3?|pipx|npm|npx|yarn|pnpm|git|docker|kubectl|curl|wget|brew|apt|apt-get|"
            r"aws|gcloud|az|cd|ls|mkdir|export|python3?|node|deno|bun|go|cargo|rustup|make|ssh|"
            r"scp|chmod|chown|cat|echo|grep|jq|terraform|helm|uv|poetry|conda|sqlite3|psql|"
            r"systemctl|tar|unzip|mv|cp|rm|source|openssl|gh|ollama|huggingface-cli")
COMMAND = re.compile(rf"^\s*(?:{COMMANDS})\s+(?:\S+\s+)*?(?:-{{1,2}}\w|\S*[/.=:]\S|\||"
                     r"install|clone|run|build|init|push|pull|apply|get|create|deploy|exec|"
                     r"login|add|start|up)")
SQL = re.compile(r"^\s*(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH)\b")
SHELL = re.compile(r"^\s*(?:\$ |#!/bin/(?:ba|z)?sh|#!/usr/bin/env (?:ba|z)?sh)")
FLOW_VALUE = re.compile(r"^\s*(?:- +)?[\w.-]+:\s+\{[^{}]*\}\s*$")
# Declarations only Go or Rust has, at the start of a line: `package main`, `func (g T) Check(`;
# `pub fn predict(`, `impl Tree {`, `use std::io;`. `text_code` starts blocks at them too.
GO_DECLARATION = r"package\s+\w+\s*$|func\s+(?:\([^)]*\)\s*)?\w+\s*\("
RUST_DECLARATION = (r"(?:pub(?:\([\w:]+\))?\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+\w+\s*"
                    r"(?:<[^>]*>)?\s*\(|impl\b.*\{\s*$|use\s+\w+(?:::[\w{}*, ]+)+;\s*$")
# Go also by `err != nil`, Rust by `let mut`. A Swift `func f() -> T` is neither, so Go needs
# no `->`.
GO = re.compile(rf"^\s*(?:{GO_DECLARATION})|\berr\s*!=\s*nil\b", re.M)
RUST = re.compile(rf"^\s*(?:{RUST_DECLARATION}|let\s+mut\s+\w)", re.M)
PYGMENTS_NAMES = {"python": "python", "python 2.x": "python", "javascript": "javascript",
                  "typescript": "typescript", "sql": "sql", "bash": "bash", "json": "json",
                  "yaml": "yaml", "go": "go", "rust": "rust", "java": "java", "ruby": "ruby",
                  "c": "c", "c++": "cpp", "html": "html", "css": "css", "php": "php"}


def language(block: list[str]) -> str | None:
    """The block's language in lower case (`python`, `bash`, `sql`…), None when unsure."""
    code = [line for line in block if line.strip()]
    if not code:
        return None
    text = "\n".join(block)
    if code[0].lstrip().startswith(">>> "):
        return "python"
    if SHELL.match(code[0]) or all(COMMAND.match(line) or line.lstrip().startswith("#")
                                   for line in code):
        return "bash"
    if _is_json(text):
        return "json"
    if SQL.match(code[0]):
        return "sql"
    if _is_yaml(code, text):
        return "yaml"
    if RUST.search(text):
        return "rust"
    if GO.search(text) and "->" not in text:
        return "go"
    return _by_signals(code) or _by_pygments(text)


def _is_json(text: str) -> bool:
    stripped = text.strip()
    if stripped[:1] not in "{[":
        return False
    try:
        json.loads(stripped)
    except ValueError:
        return bool(re.search(r"^\s*\"[^\"]+\"\s*:", stripped, re.M)) and \
            not re.search(r"[;=]\s*$|\bdef\b|\bfunction\b", stripped, re.M)
    return True


def _is_yaml(code: list[str], text: str) -> bool:
    """Keys and list items only, parsing to a mapping or list."""
    shaped = [re.match(r"^\s*(?:- +)?(?:[\w.-]+:(?:\s+.*)?|[\w\"'./${}-].*)$", line)
              for line in code if not line.lstrip().startswith("#")]
    keys = sum(bool(re.match(r"^\s*(?:- +)?[\w.-]+:(?:\s|$)", line)) for line in code)
    # a line ending in `;`, `)` or a brace is code, unless it is a key with a flow mapping
    # (`- pause: {duration: 5m}`)
    ends_like_code = [line for line in code if re.search(r"[;(){}]\s*$", line)
                      and not FLOW_VALUE.match(line)]
    if not all(shaped) or keys < 2 or ends_like_code:
        return False
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError:
        return False
    return isinstance(loaded, dict | list)


def _by_signals(code: list[str]) -> str | None:
    python = _count(PYTHON, code)
    script = _count(JAVASCRIPT, code)
    if python == script == 0:
        return None
    if script > python:
        return "typescript" if _count(TYPESCRIPT, code) else "javascript"
    if python > script:
        return "python"
    return None


def _count(patterns: list[str], code: list[str]) -> int:
    return sum(1 for line in code for pattern in patterns if re.search(pattern, line))


def _by_pygments(text: str) -> str | None:
    try:
        name = guess_lexer(text).name.lower()
    except ClassNotFound:
        return None
    return PYGMENTS_NAMES.get(name)
