"""Which language an unfenced code block is written in.

Pygments' `guess_lexer` alone is unreliable on short snippets (it calls most Python "Text only" and
much JavaScript "Python"), so rules decide first: markup (`<?php`, an HTML tag), a shell prompt or
a run of shell commands, PowerShell's cmdlets and `$variables`, Terraform's top-level blocks
(`hcl`), a JSON document, SQL keywords, YAML's key shape, Rust's declarations, the `end`-closed
languages (Ruby, Elixir, Lua); then the C family and the JVM (C#, Java, Kotlin, PHP, Swift, C, C++)
by signals only each has, Go, and last Python and JavaScript/TypeScript signals counted line by
line. Pygments breaks a tie or names what no rule knows. Names are the lower-case fence labels
Pygments and highlight.js take (`csharp`, not `c#`). Measured on the fixtures' code blocks plus the
seed with `bench/text_score.py`.
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
          r"^\s*(?:for|with) .+:\s*$", r"\b\w+=\w"]  # `\b`: linear on a long word
JAVASCRIPT = [r"^\s*(?:export\s+)?(?:const|let|var)\s", r"\bfunction\b", r"=>", r";\s*$",
              r"^\s*//", r"\bconsole\.", r"===|!==", r"\b(?:null|undefined)\b", r"\brequire\(",
              r"^\s*import .* from ['\"]", r"\{\s*$", r"^\s*\}", r"\bawait\b", r"\bexport\b"]
TYPESCRIPT = [r":\s*(?:string|number|boolean|any|void|unknown|never)\b", r"^\s*(?:export\s+)?"
              r"interface\s", r"^\s*(?:export\s+)?type\s+\w+\s*=", r"\bas const\b",
              r"\bimport type\b", r"\b(?:public|private|readonly)\s", r"<\w+(?:\[\])?>\(",
              r"^\s*import\s*\{[^}]*\btype\s+\w", r"^\s*(?:export\s+)?(?:const|let|var)\s+\w+\s*:"
              r"\s*[\w.]+(?:<[^>]*>)?(?:\[\])*\s*="]  # `import { x, type T }`, `const a: T[] =`
PROMPT = re.compile(r"^\s*(?:\$|>>>) \S")  # a shell or Python session: output lines follow
COMMANDS = (r"sudo|pip3?|pipx|npm|npx|yarn|pnpm|git|docker|kubectl|curl|wget|apt-get|"
            r"aws|gcloud|az|cd|ls|mkdir|python3?|deno|bun|rustup|ssh|"
            r"scp|chmod|chown|grep|jq|terraform|helm|uv|poetry|conda|sqlite3|psql|"
            r"systemctl|unzip|mv|cp|rm|openssl|gh|ollama|huggingface-cli")
# Programs that are English words too: `make sure…`, `go on sale at 10 a.m.`, `source code…`.
ENGLISH_COMMANDS = r"go|make|source|cat|cargo|brew|apt|node|export|echo|tar"
VERBS = r"install|clone|run|build|init|push|pull|apply|get|create|deploy|exec|login|add|start|up"
# A known program, then somewhere a flag, a path, an `=`, a pipe or a verb; an English-word
# program needs its first argument to be one (`make install`, `go run ./cmd`, `cat notes.txt`).
COMMAND = re.compile(rf"^\s*(?:(?:{COMMANDS})\s+(?:\S+\s+)*?(?:-{{1,2}}\w|\S*[/.=:]\S|\||"
                     rf"{VERBS})|(?:{ENGLISH_COMMANDS})\s+(?:-{{1,2}}\w|\S*=\S|[\w.~-]*/[\w./-]*[a-z]|"
                     r"\$[A-Za-z_{]|[<>|]|(?:install|build|run|test|clean|lint|check|fmt|vet|mod|init|get)"
                     r"\b|[\w-]+\.[a-z]{1,4}(?:\s|$)))")
# A command line with no prompt and maybe a program no list knows (`qctl sync --all`): a
# program name, then argument tokens only, no sentence punctuation. That shape alone is weak
# (`make sure it runs` has it), so the line also needs a sign only commands have: a flag,
# `sudo`, `./`, a pipe or `&&`, or a known program that is no English word.
COMMAND_SHAPE = re.compile(r"^\s*(?:\./|~/)?[a-z][\w.+/-]*(?:\s+(?:\"[^\"]*\"|'[^']*'|[^\s\"']+))"
                           r"{1,15}\s*$")
COMMAND_SIGN = re.compile(r"\s-{1,2}[A-Za-z][\w-]*(?:=\S*)?(?:\s|$)|\s\|\s|\s&&\s|"
                          r"^\s*(?:sudo\s|\./|~/)")
SENTENCE_MARK = re.compile(r"[A-Za-z][,;:!?]\s|[A-Za-z]{2}[.!?]\s*$|[“”‘’]")
KNOWN_PROGRAMS = set(COMMANDS.split("|")) | {
    "journalctl", "rsync", "sed", "awk", "xargs", "mvn", "gradle", "dotnet", "composer",
    "bundle", "rake", "pytest", "dnf", "yum", "pacman", "apk", "mysql", "crontab", "tmux",
    "ansible", "vagrant", "pulumi", "podman", "ssh-keygen", "nginx", "redis-cli"}
# `SET statement_timeout = '5s';` opens many a query as its session setting.
SQL = re.compile(r"^\s*(?:(?:SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH|EXPLAIN)\b|"
                 r"SET\s+[\w.]+\s*(?:=|TO\s).*;\s*$|BEGIN\s*;)")
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
                  "c": "c", "c++": "cpp", "html": "html", "css": "css", "php": "php",
                  "html+php": "php", "kotlin": "kotlin", "c#": "csharp", "swift": "swift",
                  "scala": "scala", "lua": "lua", "perl": "perl", "elixir": "elixir",
                  "dart": "dart", "xml": "xml", "toml": "toml", "docker": "dockerfile",
                  "powershell": "powershell", "scss": "scss", "haskell": "haskell"}
# An HTML element at the start of a line (`<div class="x">`, `</ul>`, `<!DOCTYPE html>`, a
# custom `<fw-track>`); a key name (`<Esc>`, `<afile>`) or an address (`<ana@example.com>`) is
# none.
HTML_ELEMENTS = ("html|head|body|div|span|p|a|img|ul|ol|li|table|thead|tbody|tr|td|th|form|"
                 "input|button|label|select|option|textarea|script|style|link|meta|section|"
                 "article|header|footer|nav|main|aside|h[1-6]|pre|code|iframe|video|audio|"
                 "source|canvas|svg|path|br|hr|em|strong|small|template|noscript|picture|"
                 "figure|figcaption|blockquote|dl|dt|dd|details|summary|dialog|title")
HTML_TAG = re.compile(rf"^\s*<(?:!DOCTYPE\s+html|/?(?:{HTML_ELEMENTS}|[a-z]+(?:-[a-z0-9]+)+)"
                      r"(?:\s[^<>]*)?/?>)")
# A Dockerfile opens with `FROM image` and is instructions; a style sheet is selectors that
# name a class, an id, an at-rule or an HTML element, over `property: value;` lines.
DOCKER_LINE = re.compile(r"^(?:FROM|RUN|COPY|ADD|WORKDIR|ENV|ARG|EXPOSE|CMD|ENTRYPOINT|USER|"
                         r"LABEL|VOLUME|HEALTHCHECK)\s+\S")
CSS_SELECTOR = re.compile(rf"^\s*(?:[.#@:*\[]|(?:{HTML_ELEMENTS})\b)[^{{}};]*\{{\s*$")
CSS_DECLARATION = r"-{0,2}[a-z][a-z-]*\s*:\s*[^;{}]+;"
CSS_LINE = re.compile(rf"^\s*(?:{CSS_DECLARATION}|\}}|/\*.*\*/|[.#][^{{}}]*\{{\s*(?:"
                      rf"{CSS_DECLARATION}\s*)*\}})\s*$")  # `.card { padding: 0; }` too
# Signals only one language of the C family and the JVM has: imports and namespaces, how a
# class names its base, attributes and annotations, typed members, library calls. Shared
# shapes (`public void f()`, `new T(`, `#if`) name none. Counted like Python and JavaScript.
C_FAMILY = {
    "csharp": [r"^\s*using\s+(?:static\s+)?[A-Z]\w*(?:\.\w+)*\s*;", r"^\s*namespace\s+[A-Z][\w.]*",
               r"\bclass\s+\w+(?:<[^>]*>)?\s*:\s*[A-Z]",
               # `[SerializeField] int x;`, `[Route("api")]`; not a bare `[Unit]` section
               r"^\s*\[[A-Z]\w*(?:\(.*\))?\]\s*\S|^\s*\[[A-Z]\w*\(.*\)\]\s*$",
               r"\{\s*get;", r"\bConsole\.Write", r"^\s*#(?:region|endregion)\b",
               r"\bstring\s+\w+\s*[=;,)]", r"\basync\s+Task\b"],
    "java": [r"^\s*import\s+(?:static\s+)?[a-z]\w*(?:\.\w+)+(?:\.\*)?\s*;",
             r"^\s*package\s+[a-z][\w.]*\s*;", r"\bSystem\.(?:out|err)\.", r"^\s*@Override\b",
             r"\bpublic\s+static\s+void\s+main\b", r"\bString(?:\[\])?\s+\w+\s*[=;,)]",
             r"\bboolean\s+\w", r"\)\s*throws\s+[A-Z]"],
    "kotlin": [r"^\s*(?:(?:private|public|internal|protected|override|open|suspend|inline)\s+)*"
               r"fun\s", r"^\s*(?:(?:private|public|internal|override|const)\s+)*val\s+\w+",
               r"^\s*(?:data|sealed|enum|open|inner|value)\s+class\s",
               r"^\s*import\s+[a-z]\w*(?:\.[a-z]\w*)*\.[A-Z]\w*\s*$", r"\bit\.\w",
               r"\b(?:listOf|mapOf|mutableListOf|println)\(", r"^\s*object\s+[A-Z]\w*\s*[:{]"],
    "php": [r"^\s*<\?php", r"\$this->", r"^\s*(?:(?:public|private|protected|static|final)\s+)+"
            r"function\s", r"^\s*\$\w+\s*=[^=]", r"^\s*(?:namespace|use)\s+[A-Z]\w*(?:\\\w+)+;",
            r"^\s*declare\(strict_types"],
    "swift": [r"^\s*import\s+(?:SwiftUI|UIKit|Foundation|Combine|XCTest)\s*$",
              r"\b(?:guard|if)\s+let\b", r"\bfunc\s+\w+\s*\(.*\)\s*(?:async\s+)?(?:throws\s+)?->",
              r"^\s*@(?:State|Published|Binding|MainActor)\b", r"\bstruct\s+\w+\s*:\s*View\b",
              r"\"[^\"]*\\\([^\"]*\)[^\"]*\"",  # string interpolation `"\(item.name)"`
              r"\btry\s+await\b", r"[=(\[,:]\s*\.[a-z]\w*\b(?!\s*\()"],  # `= .default`
    "c": [r"^\s*#include\s*[<\"][\w/]+\.h[>\"]", r"\bprintf\(", r"\b(?:malloc|free|sizeof)\(",
          r"^\s*int\s+main\s*\(", r"\bNULL\b", r"^\s*(?:typedef\s+)?struct\s+\w+\s*\{"],
    "cpp": [r"^\s*#include\s*<\w+>", r"\bstd::", r"^\s*template\s*<", r"\bcout\s*<<",
            r"\bnullptr\b", r"^\s*using\s+namespace\s"],
}
# What JavaScript and Python have and the C family has not, to keep their blocks theirs.
SCRIPT_ONLY = [r"^\s*(?:export\s+)?(?:const|let)\s", r"\bconsole\.",
               r"^\s*import\s.*\sfrom\s+['\"]", r"^\s*export\s", r"\brequire\(", r"===|!==",
               r"\bundefined\b", r":\s*(?:string|number|boolean|any|unknown)\b",
               r"^\s*def\s\w+\(.*\):\s*$",
               r"^\s*from\s[\w.]+\simport\s", r"\bself\.", r"\b(?:None|True|False)\b",
               r"^\s*(?:elif|except)\b"]
# PowerShell: a `Verb-Noun` cmdlet of an approved verb (`Get-Date`, `Export-Csv`) and a
# `$variable`; two such lines at least (PHP has `$x =` but no cmdlets).
CMDLET = (r"(?:Get|Set|New|Remove|Invoke|Write|Export|Import|Start|Stop|Add|Select|Where|"
          r"ForEach|Out|Test|Copy|Move|ConvertTo|ConvertFrom|Read|Format|Measure|Sort|Group|"
          r"Register|Install|Update|Clear|Enable|Disable|Wait|Resolve|Join|Split|Restart)"
          r"-[A-Z][A-Za-z]+")
POWERSHELL = re.compile(rf"(?:^|[\s(|]){CMDLET}\b")
PS_VARIABLE = re.compile(r"\$[A-Za-z_]\w*")
# Terraform and other HCL: a top-level block `resource "type" "name" {`, `variable "x" {`.
HCL_BLOCK = re.compile(r'^(?:resource|data|module|variable|output|provider|terraform|locals)'
                       r'(?:\s+"[^"]+"){0,2}\s*\{\s*$')
# Languages whose blocks close with `end`. Ruby by `def name` with no colon, `class Name`,
# `do |x|`, `@field`; Elixir by `defmodule`; Lua by `local`.
END_LINE = re.compile(r"^\s*end\s*$", re.M)
RUBY = [r"^\s*def\s+(?:self\.)?\w+[?!]?(?:\(.*\))?\s*$",
        r"^\s*class\s+[A-Z]\w*(?:\s*<\s*[A-Z][\w:]*)?\s*$",
        r"^\s*module\s+[A-Z]\w*\s*$", r"\bdo\s*(?:\|[^|]*\|)?\s*$", r"^\s*require\s+['\"]",
        r"\bputs\s", r"^\s*attr_(?:reader|accessor|writer)\b", r"@\w+", r"(?:^|\s):\w+"]


def language(block: list[str]) -> str | None:
    """The block's language in lower case (`python`, `bash`, `sql`…), None when unsure."""
    code = [line for line in block if line.strip()]
    if not code:
        return None
    text = "\n".join(block)
    if code[0].lstrip().startswith(">>> "):
        return "python"
    if markup := _markup(code):
        return markup
    if config := _config(code):
        return config
    if _is_powershell(code):
        return "powershell"
    if any(HCL_BLOCK.match(line) for line in code) and \
            not any(line.rstrip().endswith(";") for line in code):
        return "hcl"
    if SHELL.match(code[0]) or all(is_command(line) or line.lstrip().startswith("#")
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
    if closed := _end_closed(code):
        return closed
    if family := _c_family(code):
        return family
    if GO.search(text) and "->" not in text:
        return "go"
    return _by_signals(code) or _by_pygments(text)


def is_command(line: str) -> bool:
    """A shell command line with no prompt (`sudo systemctl stop app`, `acmectl sync --all`)."""
    if COMMAND.match(line):
        return True
    if not COMMAND_SHAPE.match(line) or SENTENCE_MARK.search(line):
        return False
    program = line.split()[0]
    return bool(COMMAND_SIGN.search(line)) or program in KNOWN_PROGRAMS


def _is_powershell(code: list[str]) -> bool:
    """Two lines with a cmdlet or a `$variable`, one of them a cmdlet, and no `;` ends."""
    cmdlets = sum(bool(POWERSHELL.search(line)) for line in code)
    signs = sum(bool(POWERSHELL.search(line) or PS_VARIABLE.search(line)) for line in code)
    return cmdlets >= 1 and signs >= 2 and \
        not any(line.rstrip().endswith(";") or line.lstrip().startswith("$ ") for line in code)


def _markup(code: list[str]) -> str | None:
    """PHP from its opening tag, XML from its declaration, HTML when its lines are tags."""
    first = code[0].lstrip()
    if first.startswith("<?php"):
        return "php"
    if first.startswith("<?xml"):
        return "xml"
    tags = sum(bool(HTML_TAG.match(line)) for line in code)
    return "html" if HTML_TAG.match(first) and tags * 2 >= len(code) else None


def _config(code: list[str]) -> str | None:
    """A Dockerfile or a CSS style sheet, told by the shape of every line."""
    lines = [line for line in code if not line.lstrip().startswith("#")]
    if lines and lines[0].startswith("FROM ") and all(DOCKER_LINE.match(line) or
                                                      line[:1] in (" ", "\t") for line in lines):
        return "dockerfile"
    selectors = sum(bool(CSS_SELECTOR.match(line)) for line in code)
    if selectors and all(CSS_SELECTOR.match(line) or CSS_LINE.match(line) for line in code):
        return "css"
    return None


def _end_closed(code: list[str]) -> str | None:
    """Ruby, Elixir or Lua: blocks closed by a bare `end` line."""
    text = "\n".join(code)
    if not END_LINE.search(text):
        return None
    if re.search(r"^\s*defmodule\s", text, re.M):
        return "elixir"
    if re.search(r"^\s*local\s+\w|\bfunction\b", text, re.M):
        return "lua"  # Ruby has neither `local` nor `function`
    return "ruby" if _count(RUBY, code) >= 2 else None


def _c_family(code: list[str]) -> str | None:
    """The one language of the C family or the JVM with two signals or more and more signals
    than any other, and more than JavaScript's or Python's own."""
    scores = {name: _count(patterns, code) for name, patterns in C_FAMILY.items()}
    ranked = sorted(scores.values(), reverse=True)
    best = max(scores, key=lambda name: scores[name])
    if ranked[0] < 2 or ranked[0] == ranked[1] or ranked[0] <= _count(SCRIPT_ONLY, code):
        return None
    return best


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
