"""Unfenced code in text dumps: where a block starts and stops, kept byte for byte.

Copying a page drops the `<pre>` around code, so code arrives as plain lines among paragraphs.
A block starts at a line only code has (`import x`, `def f(`, `const x =`, `SELECT`, `$ cmd`,
`{`, a declaration such as `using System;`, `public class T : Base`, `fun f(a: Int)`, `<?php`,
an HTML tag, a line ending in `{`), or at a run of two shell commands with no prompt. It grows
over lines that are code-shaped, indented or inside an open bracket (commands too, in a command
run), carries blank lines and comments along only when more code follows, and stops where prose
resumes. It ends at its last code line. The language is told by `text_code_lang`.

Code detection runs before headings are looked for: `# As Anthropic…` inside a block is a
comment, not a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.readers.text_code_lang import (
    CMDLET,
    COMMAND,
    DOCKER_LINE,
    GO_DECLARATION,
    HTML_TAG,
    PROMPT,
    RUST_DECLARATION,
    is_command,
    language,
)

PYTHON_START = re.compile(
    r"^\s*(?:import\s+[\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+)*\s*$|from\s+[\w.]+\s+import\s+\S|"
    r"(?:async\s+)?def\s+\w+\s*\(|class\s+\w+\s*(?:\(.*\))?\s*:|@[\w.]+(?:\(.*\))?\s*$|"
    r">>>\s|if\s+__name__\s*==)")
JS_START = re.compile(
    r"^\s*(?:(?:export\s+)?(?:const|let|var)\s+[\w{}\[\], $]+\s*(?::\s*[\w<>\[\]| ]+)?=|"
    r"(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*[\w$]*\s*\(|"
    r"import\s+.+\s+from\s+['\"]|import\s+['\"]|"
    r"(?:export\s+)?(?:interface|enum)\s+[A-Z]\w*(?:<[^>]*>)?(?:\s+extends\s+[\w.<>, ]+)?"
    r"\s*\{?\s*$|"  # `interface Props {`; not `interface definition files`
    r"(?:export\s+)?type\s+\w+\s*=|console\.\w+\(|module\.exports|"
    r"(?:await\s+)?fetch\(|document\.\w+|window\.\w+)")
SQL_START = re.compile(
    r"^\s*(?:SELECT(?:\s|$)|INSERT\s+INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|"
    r"CREATE\s+(?:OR\s+REPLACE\s+)?(?:TEMP\s+)?(?:TABLE|VIEW|INDEX|UNIQUE|FUNCTION)\s|"
    r"ALTER\s+TABLE\s|DROP\s+(?:TABLE|VIEW|INDEX)\s|WITH\s+\w+\s+AS\s*\(|EXPLAIN\s|BEGIN\s*;|"
    r"SET\s+[\w.]+\s*(?:=|TO\s).*;\s*$)")  # `SET statement_timeout = '5s';` above a query
SQL_MORE = re.compile(r"^\s*(?:FROM|WHERE|AND|OR|JOIN|LEFT|RIGHT|INNER|OUTER|FULL|CROSS|"
                      r"GROUP\s+BY|ORDER\s+BY|HAVING|LIMIT|OFFSET|ON|VALUES|SET|UNION|"
                      r"RETURNING|CASE|WHEN|THEN|ELSE|END|SELECT)\b")
# Lines that open Go or Rust: their declarations, and `import (`, `type T struct {`,
# `pub struct T {`, which name no language on their own (C and Swift have look-alikes).
GO_START = re.compile(rf"^\s*(?:{GO_DECLARATION}|import\s*\(\s*$|"
                      r"type\s+\w+\s+(?:struct|interface)\s*\{)")
RUST_START = re.compile(rf"^\s*(?:{RUST_DECLARATION}|"
                        r"(?:pub\s+)?(?:struct|enum|trait)\s+\w+.*\{\s*$)")
# Declarations of the C family, the JVM languages, PHP and Ruby, which no sentence starts with.
# A bare `class Router` counts (Ruby); a function needs its parameter list's shape
# (`fun f(a: Int)`), a modifier (`public function f(`) or a primitive type (`void Start()`).
MODIFIER = (r"(?:public|private|protected|internal|static|final|abstract|sealed|open|data|"
            r"partial|readonly|export|default|inner|override|virtual|async|suspend|inline|enum|"
            r"value|case)")
ACCESS = (r"(?:public|private|protected|internal|static|final|abstract|override|virtual|async|"
          r"sealed|synchronized)")
PRIMITIVE = r"(?:void|int|bool|boolean|char|float|double|long|short|byte|string|auto|unsigned)"
DECLARATIONS = (
    r"using\s+(?:static\s+)?[A-Z]\w*(?:\.\w+)*(?:\s*=\s*[\w.]+)?\s*;",  # using System.Text;
    r"import\s+(?:static\s+)?[a-z]\w*(?:\.\w+)+(?:\.\*)?\s*;",  # import java.util.List;
    r"package\s+[a-z]\w*(?:\.\w+)+\s*;?",  # package com.acme.app;
    r"namespace\s+[A-Z][\w.\\]*\s*[;{]?",  # namespace App\Models;
    r"#include\s*[<\"][\w./]+[>\"]",  # #include <stdio.h>
    r"template\s*<.*>",  # template <typename T>
    r"<\?php\b.*",
    rf"(?:{MODIFIER}\s+)*(?:class|interface|struct|record|trait|object|enum)\s+[A-Z]\w*"
    r"(?:<[^>]*>)?(?:\s*[(:<{].*|\s+(?:extends|implements)\s.*)?",  # data class T(, class T : U
    rf"(?:{MODIFIER}\s+)*fun\s+(?:<[^>]*>\s*)?(?:\w+\.)?\w+\s*\((?:[^():]*:[^()]*)?\).*",
    rf"(?:{ACCESS}\s+)+function\s+&?\w+\s*\(.*",  # public function f(
    rf"(?:{ACCESS}\s+)*{PRIMITIVE}\s+\*?\w+\s*\([^()]*\)\s*(?:const\s*)?\{{?",  # void Start()
    rf"(?:{ACCESS}\s+)+[A-Z]\w*(?:<[^<>]*>)?(?:\[\])*\??\s+\w+\s*\([^()]*\)"
    r"\s*(?:throws\s+[\w., ]+)?\{?",  # private static String name(int id) {
    r"def\s+(?:self\.)?\w+[?!]?(?:\s*\(.*\))?",  # Ruby: def route, def add(item)
    rf"(?:{MODIFIER}\s+)*val\s+\w+\s*(?::\s*[\w<>?, .]+)?=\s*\S.*",  # Kotlin, Scala: val x = 1
)
DECLARATION = re.compile(rf"^\s*(?:{'|'.join(DECLARATIONS)})\s*$")
# A Dockerfile's first line, `FROM python:3.12-slim AS build`, and its other instructions
DOCKER_FROM = re.compile(r"^FROM\s+[\w./:@${}-]+(?:\s+AS\s+\w+)?\s*$")
# A line that opens a braced block (`body {`, `if (ok) {`, `object Cache {`): only code does.
BRACE_OPEN = re.compile(r"^\s*[^\s{}][^{}]*\{\s*$")
# What a code viewer prints above a block: a file name tab (`main.go`) and a `Copy` button.
# Both are the page's; a file name states the block's language.
FILE_LABEL = re.compile(r"^\s*[\w./-]*\w\.(\w{1,5})\s*$")
COPY_BUTTON = re.compile(r"^\s*(?:copy(?: code| to clipboard)?|copied!?)\s*$", re.I)
EXTENSIONS = {"go": "go", "rs": "rust", "py": "python", "js": "javascript", "mjs": "javascript",
              "jsx": "javascript", "ts": "typescript", "tsx": "typescript", "sql": "sql",
              "sh": "bash", "bash": "bash", "yaml": "yaml", "yml": "yaml", "json": "json",
              "rb": "ruby", "java": "java", "c": "c", "cpp": "cpp", "css": "css", "html": "html",
              "php": "php", "kt": "kotlin", "kts": "kotlin", "cs": "csharp", "swift": "swift",
              "hpp": "cpp", "cc": "cpp", "scala": "scala", "lua": "lua"}
# A code viewer's language tab (`Kotlin`, `C#`, `Shell`) states the language as well.
LANGUAGE_TABS = {"python": "python", "javascript": "javascript", "js": "javascript",
                 "typescript": "typescript", "ts": "typescript", "bash": "bash", "shell": "bash",
                 "sh": "bash", "zsh": "bash", "sql": "sql", "yaml": "yaml", "json": "json",
                 "go": "go", "golang": "go", "rust": "rust", "ruby": "ruby", "java": "java",
                 "kotlin": "kotlin", "c#": "csharp", "csharp": "csharp", "c++": "cpp",
                 "cpp": "cpp", "php": "php", "html": "html", "css": "css", "swift": "swift",
                 "scala": "scala", "dockerfile": "dockerfile", "xml": "xml", "toml": "toml"}
TAB_COPY = re.compile(r"\s*copy(?: code)?$", re.I)
MAX_LABELS = 2
JSON_OPEN = re.compile(r"^\s*[\[{]\s*$")
JSON_PAIR = re.compile(r"^\s*\"[^\"]+\"\s*:\s*\S")
YAML_KEY = re.compile(r"^\s*(?:- )?[a-z_][\w.-]*:(?:\s+\S.*)?$")
YAML_LINE = re.compile(r"^\s*(?:- +)?[a-z_][\w.-]*:(?:\s+\S.*)?$|^\s+- +\S")
YAML_COMMENT = re.compile(r"^\s*# [a-z]")  # `# sensors are polled…`, not `# Heading`
YAML_WINDOW = 5  # lines: three YAML lines, with at most two blanks or comments among them
# `}`, `);`, and the words that close Ruby, Lua and shell blocks
CLOSER = re.compile(r"^\s*(?:[)\]}]+\s*[);,]*|end|fi|done|esac)\s*$")
KEYWORD = re.compile(r"^\s*(?:return|yield|raise|pass|break|continue|for|while|if|elif|else|"
                     r"try|except|finally|with|await|async|switch|case|throw|do|print)\b"
                     r"(?:.*[:;{(]\s*$|\s*$|\s*\()")
ASSIGN = re.compile(r"^\s*@{0,2}[A-Za-z_$][\w.$]*(?:\[[^\]]*\])*\s*(?:=|\+=|-=|\*=|:=|\|=)\s*\S")
# `content.sound = .default`, `$day = (Get-Date)`: a member or a `$variable` assigned
MEMBER_ASSIGN = re.compile(r"^\s*(?:[A-Za-z_][\w]*(?:\.[A-Za-z_]\w*)+|\$[A-Za-z_]\w*)\s*=\s*\S")
# A PowerShell cmdlet line: `Write-Host "…"`, `Invoke-RestMethod -Uri …`
CMDLET_LINE = re.compile(rf"^\s*{CMDLET}(?:\s+-[A-Za-z]\w*|\s+[\"'$]|\s*\|\s*$)")
# `try await center.add(request)`: a call under `try` or `await`
KEYWORD_CALL = re.compile(r"^\s*(?:try[?!]?\s+|await\s+)+[\w.$]+\(.*\)\s*;?\s*$")
KWARG = re.compile(r"^\s*[A-Za-z_]\w*\s*=\s*\S+.*,?\s*$")
# A call that may start a block: `run(x)`, `os.path.join(`, `Console.WriteLine(`; not a
# capitalised word before brackets (`Latina (español)`, `Laptop(1)`: menus and price lists)
CALL_START = re.compile(r"^\s*(?:[a-z_$][\w$]*|[A-Za-z_$][\w$]*(?:\.[\w$]+)+)\(.*[)(,]\s*;?\s*$")
OPENER = re.compile(r"[({\[,;]\s*$")
COMMENT = re.compile(r"^\s*(?:#(?![A-Z0-9])|# |//|--\s|/\*|\*/|\*\s)")
DUMP_HEADING = re.compile(r"^#{1,6}[A-Z0-9]")
SYMBOLS = re.compile(r"[{}()\[\];=<>_\"'`|\\]")
PROSE = re.compile(r"^[\"“‘'(]?[A-Z][a-z’']*(?:\s+[\w“”\"'’,;:()$%-]+){3,}[.!?:\"”)]?\s*$")


@dataclass(frozen=True)
class Span:
    """Lines `start` to `end` (exclusive) are one code block in `language` (None: unknown);
    the `labels` lines right above it are a code viewer's file name and copy button."""

    start: int
    end: int
    language: str | None
    labels: int = 0


def find_code(lines: list[str]) -> list[Span]:
    """Every unfenced code block in `lines`, in order."""
    spans: list[Span] = []
    # A page whose headings are glued `#Heading` lines writes none as `# Heading`: there a
    # `# Export …` line on top of code is the code's comment.
    glued = any(DUMP_HEADING.match(line) for line in lines) and \
        not any(re.match(r"^#{1,6}\s+\S", line) and not (k + 1 < len(lines) and
                                                        lines[k + 1].strip())
                for k, line in enumerate(lines))
    i = 0
    while i < len(lines):
        if (starts_code(lines[i]) or _yaml_start(lines, i) or _command_run(lines, i) or
                _markup_start(lines, i)) and not _inside_prose(lines, i):
            end = _grow(lines, i)
            start = _leading_comments(lines, i, glued)
            block = lines[start:end]
            if _plausible(block):
                labels, stated = _viewer_labels(lines, start)
                spans.append(Span(start, end, stated or language(block), labels))
                i = end
                continue
        i += 1
    return spans


def _viewer_labels(lines: list[str], start: int) -> tuple[int, str | None]:
    """How many lines right above `start` (no blank between) are a file name, a language tab
    or a copy button, and the language the file name's extension or the tab states."""
    count, stated = 0, None
    while count < MAX_LABELS and start - count > 0:
        label = _label(lines[start - count - 1])
        if label is None:
            break
        stated = stated or label or None
        count += 1
    return count, stated


def _label(line: str) -> str | None:
    """The language a viewer's file name tab or language tab states (`main.go`, `Kotlin`, or
    glued to its button: `bashCopy code`), `""` for a bare copy button, None for other lines."""
    name = FILE_LABEL.match(line)
    if name and name[1].lower() in EXTENSIONS:
        return EXTENSIONS[name[1].lower()]
    if tab := LANGUAGE_TABS.get(TAB_COPY.sub("", line.strip()).lower()):
        return tab
    return "" if COPY_BUTTON.match(line) else None


def starts_code(line: str) -> bool:
    """A line only code has: a block may start here."""
    if is_prose(line):
        return False
    return bool(PYTHON_START.match(line) or JS_START.match(line) or SQL_START.match(line)
                or GO_START.match(line) or RUST_START.match(line) or PROMPT.match(line)
                or COMMAND.match(line) or JSON_OPEN.match(line) or DECLARATION.match(line)
                or BRACE_OPEN.match(line) or DOCKER_FROM.match(line)
                or (ASSIGN.match(line) and SYMBOLS.search(line.split("=", 1)[1]))
                or CALL_START.match(line)
                or line.startswith("#!/"))


def _yaml_start(lines: list[str], i: int) -> bool:
    """Three YAML-shaped lines (`key:`, `key: value`, indented items), no prose; a blank line
    or a `# comment` line between them does not break the run (a config file's sections)."""
    if not YAML_KEY.match(lines[i]):
        return False
    run = [line for line in lines[i:i + YAML_WINDOW]
           if line.strip() and not YAML_COMMENT.match(line)][:3]
    return len(run) == 3 and all(YAML_LINE.match(line) for line in run) and \
        not any(len(line.split()) > 6 for line in run)


def _markup_start(lines: list[str], i: int) -> bool:
    """An HTML snippet: a line of tags right above another tag or an indented line (one tag
    alone, `<details>` in a README, is page text more often than code)."""
    below = lines[i + 1] if i + 1 < len(lines) else ""
    return bool(HTML_TAG.match(lines[i])) and lines[i].rstrip().endswith(">") and \
        bool(HTML_TAG.match(below) or (below[:1] in (" ", "\t") and below.strip()))


def _command_run(lines: list[str], i: int) -> bool:
    """Two shell commands with no prompt (`ssh ops@host`, `sudo systemctl stop app`), a blank
    line or a `# comment` at most between them, under a blank line, a lead-in (`…:`), a
    comment or a viewer's label: never inside a paragraph."""
    above = lines[i - 1].rstrip() if i else ""
    free = not above.strip() or above.endswith(":") or bool(COMMENT.match(above)) or \
        _label(above) is not None
    if not free or not is_command(lines[i]):
        return False
    below = [line for line in lines[i + 1:i + 4] if line.strip() and not COMMENT.match(line)]
    return bool(below) and is_command(below[0])


def is_code_line(line: str) -> bool:
    """A line shaped like code, though it might not start a block on its own."""
    if not line.strip() or is_prose(line):
        return False
    if starts_code(line) or CLOSER.match(line) or KEYWORD.match(line) or SQL_MORE.match(line):
        return True
    if JSON_PAIR.match(line) or KWARG.match(line) or YAML_KEY.match(line) or \
            MEMBER_ASSIGN.match(line) or CMDLET_LINE.match(line) or KEYWORD_CALL.match(line):
        return True
    if (HTML_TAG.match(line) and line.rstrip().endswith(">")) or DOCKER_LINE.match(line):
        return True
    stripped = line.strip()
    density = len(SYMBOLS.findall(stripped)) / max(1, len(stripped))
    return density >= 0.12 or (bool(OPENER.search(stripped)) and density >= 0.05)


def is_prose(line: str) -> bool:
    """A sentence (a capital, words, little of code's punctuation) or a `#Heading` line."""
    stripped = line.strip()
    if DUMP_HEADING.match(stripped):
        return True
    if not PROSE.match(stripped) or stripped.startswith("$ ") or SQL_START.match(stripped):
        return False
    density = len(SYMBOLS.findall(stripped)) / max(1, len(stripped))
    return density < 0.04 and len(re.findall(r"[A-Za-z]{2,}", stripped)) >= 4


def _inside_prose(lines: list[str], i: int) -> bool:
    """A strong-looking line in the middle of a wrapped paragraph is prose (`import` taxes)."""
    before = lines[i - 1].strip() if i else ""
    return bool(before) and is_prose(before) and not before.endswith(":") and \
        not COMMENT.match(before)


def _grow(lines: list[str], start: int) -> int:
    """Index after the last code line of the block starting at `start`."""
    shell = bool(PROMPT.match(lines[start]))
    commands = is_command(lines[start])
    depth = _depth(lines[start])
    last = start
    for k in range(start + 1, len(lines)):
        line = lines[k]
        if not line.strip():
            continue
        gap = k - last > 1
        inside = depth > 0 or _continues(lines[last], line)
        if (shell and not gap) or inside or is_code_line(line) or PROMPT.match(line) or \
                (commands and is_command(line)):
            last, depth = k, max(0, depth + _depth(line))
        elif COMMENT.match(line) and not DUMP_HEADING.match(line.strip()) and \
                not _heading_between_blanks(lines, k):
            continue  # kept only if code follows
        else:
            break
    return last + 1


def _heading_between_blanks(lines: list[str], k: int) -> bool:
    """`### Writing the timeout` alone between blank lines, all words: a heading, not a comment
    (a comment sits on the code it explains, without a blank line under it)."""
    below = lines[k + 1] if k + 1 < len(lines) else ""
    above = lines[k - 1] if k else ""
    return not below.strip() and not above.strip() and \
        bool(re.match(r"^#{1,6}\s+[A-Z][\w’'-]*(?:\s+[\w’'-]+){0,9}\s*#*\s*$", lines[k]))


def _continues(previous: str, line: str) -> bool:
    """An indented line under a line that opens a block (`:`, `{`, `(`, `,`, a bare SQL clause
    keyword such as `SELECT`) or is indented."""
    indented = line[:1] in (" ", "\t")
    clause = bool(SQL_MORE.match(previous)) and previous.strip().isupper()
    return indented and (previous[:1] in (" ", "\t") or clause or
                         bool(re.search(r"[:{(\[,\\|]\s*$", previous)))


def _depth(line: str) -> int:
    """Open minus closed brackets outside string literals (roughly: quotes are skipped)."""
    text = re.sub(r"(\"|')(?:\\.|(?!\1).)*\1", "", line)
    text = re.sub(r"#.*$|//.*$", "", text)
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def _leading_comments(lines: list[str], start: int, glued: bool = False) -> int:
    """Comment lines right above a block (no blank between) belong to it; `# Capital …` only
    on a page whose headings are glued `#Heading` lines (`glued`)."""
    while start > 0 and COMMENT.match(lines[start - 1]) and \
            not DUMP_HEADING.match(lines[start - 1].strip()) and \
            (glued or not re.match(r"^#{1,6}\s+[A-Z]", lines[start - 1])):
        start -= 1
    return start


def _plausible(block: list[str]) -> bool:
    """Enough code to be a block: two code lines, or one that no prose could be."""
    code = [line for line in block if line.strip() and not COMMENT.match(line)]
    if code and PROMPT.match(code[0]):
        return True  # a shell session: its output lines need not look like code
    if len(code) >= 2 and all(is_command(line) for line in code):
        return True
    if len(code) >= 2:
        return sum(is_code_line(line) for line in code) >= max(2, len(code) // 2)
    if not code:
        return False
    line = code[0]
    return bool(PROMPT.match(line) or COMMAND.match(line) or PYTHON_START.match(line)
                or JS_START.match(line) or (SQL_START.match(line) and " FROM " in line)
                or line.strip().endswith(";"))
