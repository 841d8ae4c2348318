"""Unfenced code in text dumps (`text_code`, `text_code_lang`): where a block starts and stops,
which language it is, and what stays prose. All code here is made up for the tests."""

from __future__ import annotations

import pytest

from ingest.pipeline import parse
from ingest.readers.text_code import find_code
from ingest.readers.text_code_lang import is_command, language
from ingest.sources import RawDocument

LEAD = "A title for the page here\n\nSome words before the code, as a blog has them:\n\n"
TAIL = "\n\nAnd that is all there is to it, for this week at least.\n"


def _code(code: str) -> list[tuple[str | None, str]]:
    page = LEAD + code + TAIL
    article = parse(RawDocument(page.encode(), "page.txt"), format="text")
    return [(c.language, c.code) for c in article.code_blocks]


def _spans(text: str) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in find_code(text.split("\n"))]


# --- Where a block starts and stops -----------------------------------------------------------

KOTLIN = ("import kotlin.math.max\n\ndata class Point(val x: Int, val y: Int)\n\n"
          "fun widest(points: List<Point>): Int {\n    val top = points.maxOf { max(it.x, it.y) }\n"
          "\n    return top\n}")
CSHARP = ("using System;\n\npublic class Shop : Store\n{\n    [Range(1, 9)] public int Size = 3;\n"
          "\n    void Awake()\n    {\n#if DEBUG\n        Size = 1;\n#endif\n        Open();\n"
          "    }\n}")
RUBY = ("class Inventory\n  LIMIT = 1_000\n\n  def initialize\n    @items = []\n  end\n\n"
        "  def add(item)\n    return :full if @items.size >= LIMIT\n\n    @items << item\n"
        "  end\nend")
PHP = ("<?php\n\ndeclare(strict_types=1);\n\nfinal class Basket\n{\n"
       "    public function __construct(private array $lines) {}\n\n"
       "    public function total(): int\n    {\n        return array_sum($this->lines);\n    }\n}")
HTML = ('<ul class="menu" data-level="1">\n  <li><a href="/">Home</a></li>\n</ul>\n'
        '<script src="https://cdn.example.org/menu.js" async></script>')
SHELL = ("ssh deploy@web-3\nsudo service web restart\n\n# then follow the log for a minute\n"
         "webctl logs --follow --since 1m\nwebctl status --verbose")
SQL = "SET search_path = app;\n\nSELECT id, email\nFROM users\nWHERE active\nORDER BY id;"


@pytest.mark.parametrize(("name", "code"), [
    ("kotlin", KOTLIN), ("csharp", CSHARP), ("ruby", RUBY), ("php", PHP), ("html", HTML),
    ("bash", SHELL), ("sql", SQL)], ids=["kotlin", "csharp", "ruby", "php", "html", "bash", "sql"])
def test_a_block_runs_from_its_first_code_line_to_its_last_byte_for_byte(name: str,
                                                                          code: str) -> None:
    assert _code(code) == [(name, code)]


def test_a_kotlin_import_does_not_end_the_block_before_the_declarations_under_it() -> None:
    lines = KOTLIN.split("\n")
    assert _spans(KOTLIN) == [(0, len(lines))]


def test_preprocessor_lines_inside_csharp_are_code_not_headings() -> None:
    page = LEAD + CSHARP + TAIL
    article = parse(RawDocument(page.encode(), "page.txt"), format="text")
    assert [s.heading for s in article.sections if s.level > 1] == []
    assert "#if DEBUG" in article.code_blocks[0].code


def test_a_comment_between_shell_commands_stays_in_the_block_and_is_no_heading() -> None:
    page = "A title for the page here\n\n## Setting up\n\nRun these:\n\n" + SHELL + TAIL
    article = parse(RawDocument(page.encode(), "page.txt"), format="text")
    assert [c.code for c in article.code_blocks] == [SHELL]
    assert [s.heading for s in article.sections if s.level > 1] == ["Setting up"]


def test_a_comment_line_can_open_a_run_of_commands() -> None:
    text = "Then:\n\n# warm the cache first\nacmectl warm --all\nacmectl serve --port 8080\n\nDone."
    assert _spans(text) == [(2, 5)]


def test_commands_inside_a_paragraph_do_not_start_a_block() -> None:
    text = "After that the team ran\nacmectl warm --all\nacmectl serve --port 8080"
    assert _spans(text) == []


def test_a_session_setting_a_blank_line_and_its_query_are_one_sql_block() -> None:
    assert _spans(SQL) == [(0, len(SQL.split("\n")))]


def test_one_tag_line_is_not_an_html_block_but_two_are() -> None:
    assert _spans("<details>\n\nA sentence of page text follows the tag here.") == []
    assert _spans('<p class="note">Hi</p>\n<p class="note">Bye</p>') == [(0, 2)]


# --- Which language -----------------------------------------------------------------------------

LANGUAGES = [
    ("import java.util.List;\n\npublic class Greeter {\n    private final String name;\n"
     "    @Override\n    public String toString() { return name; }\n}", "java"),
    ("#include <stdio.h>\n\nint main(void) {\n    printf(\"%d\\n\", 42);\n    return 0;\n}", "c"),
    ("#include <vector>\n\ntemplate <typename T>\nT first(const std::vector<T>& xs) {\n"
     "    return xs.front();\n}", "cpp"),
    ("import SwiftUI\n\nstruct Badge: View {\n    var body: some View {\n        Text(\"New\")\n"
     "    }\n}", "swift"),
    ("namespace Shop;\n\npublic class Cart\n{\n    public string Owner { get; set; }\n}", "csharp"),
    ("defmodule Shop.Cart do\n  def total(items), do: Enum.sum(items)\nend", "elixir"),
    ("local function greet(name)\n  print(\"hi \" .. name)\nend", "lua"),
    ('<section id="hero">\n  <h2>Hello</h2>\n</section>', "html"),
    ("mytool sync --all\nsudo service web restart", "bash"),
    ("FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD [\"node\", \"main.js\"]",
     "dockerfile"),
    (".badge {\n  color: #fff;\n}\n\n@media (max-width: 600px) {\n  .badge { color: red; }\n}",
     "css"),
]


@pytest.mark.parametrize(("code", "name"), LANGUAGES, ids=[name for _, name in LANGUAGES])
def test_a_language_is_named_by_signals_only_it_has(code: str, name: str) -> None:
    assert language(code.split("\n")) == name


@pytest.mark.parametrize(("code", "name"), [
    ("export class Store extends Base {\n  private items: string[] = [];\n"
     "  add(item: string): void {\n    this.items.push(item);\n  }\n}", "typescript"),
    ("import os.path\n\nclass Loader(Base):\n    def load(self, name):\n"
     "        return os.path.join(self.root, name)", "python"),
])
def test_typescript_and_python_classes_are_not_taken_for_the_c_family(code: str,
                                                                       name: str) -> None:
    assert language(code.split("\n")) == name


def test_a_language_tab_above_the_code_names_it_and_is_not_text() -> None:
    page = LEAD + "Kotlin\nval sizes = listOf(1, 2)\nprintln(sizes)" + TAIL
    article = parse(RawDocument(page.encode(), "page.txt"), format="text")
    assert [(c.language, c.code) for c in article.code_blocks] == [
        ("kotlin", "val sizes = listOf(1, 2)\nprintln(sizes)")]
    assert "Kotlin" not in article.body_markdown


def test_a_language_tab_glued_to_its_copy_button_is_a_label_too() -> None:
    lines = ["Run it:", "", "bashCopy code", "acmectl pull --all", "acmectl apply --dry-run", "",
             "Done."]
    assert [(s.start, s.end, s.language, s.labels) for s in find_code(lines)] == [
        (3, 5, "bash", 1)]


# --- What stays prose ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The new rules on\nimport duties for steel\ncome into force in May.",
    "A lesson for the whole\nclass Notes were handed out\nafter the talk ended.",
    "The kidneys\nfunction well into old age\nfor most people.",
    "select the file you want and press the button\n\nThen wait.",
    "Before you leave the office,\nmake sure the door is locked\nand go to the front desk.",
    "We had a lot of\nfun things (like games) to do\nthat day.",
    "He said it was\ndef jam\nand left.",
    "The old station set a new\nrecord High (41 degrees) in\nthe summer of that year.",
    "Short and to the point.\n\ndouble check (twice)\n\nThen send it.",
])
def test_wrapped_prose_with_code_words_stays_prose(text: str) -> None:
    assert _spans(text) == []


@pytest.mark.parametrize("text", [
    "Press the key to go back.\n\n<Esc> then\n<Enter> closes the dialog.",
    "Write to us:\n\n<ana@example.com>\n<bo@example.com>",
    "docker\nkubernetes\nhelm",
])
def test_key_names_addresses_and_tag_lists_are_not_code(text: str) -> None:
    assert _spans(text) == []


def test_a_menu_of_names_with_brackets_is_not_code() -> None:
    text = ("Latvija (latviešu)\nLietuva (lietuvių)\nMagyarország (magyar)\n\n"
            "Basic(1) Pro(7) Max(12)\nMini(3) Air(5)")
    assert _spans(text) == []


@pytest.mark.parametrize(("line", "command"), [
    ("make install", True),
    ("go run ./cmd/server", True),
    ("cat >> /etc/hosts", True),
    ("make money and build wealth", False),
    ("go on sale at 10 a.m.", False),
    ("source code or can get it", False),
    ("mytool sync --all", True),
    ("sudo service web restart", True),
    ("ssh deploy@web-3", True),
    ("make sure the door is locked", False),
    ("the new system is faster than the old one", False),
    ("ssh into the box, then", False),
    ("docker", False),
])
def test_a_command_line_needs_a_sign_only_commands_have(line: str, command: bool) -> None:
    """A program that is an English word too (`make`, `go`, `source`) needs its first argument
    to be a command's: a verb, a flag, a path, a file name or a redirection."""
    assert is_command(line) is command


# --- PowerShell, Swift, HCL ---------------------------------------------------------------------

POWERSHELL_BLOCK = ("$since = (Get-Date).AddHours(-6)\n"
                    "Get-ChildItem -Path \"C:\\logs\" -Filter *.log |\n"
                    "    Where-Object { $_.LastWriteTime -gt $since } |\n"
                    "    Copy-Item -Destination \"\\\\nas01\\archive\"\n"
                    "Write-Host \"Copied logs since $since\"")


def test_powershell_with_a_variable_cmdlets_and_a_continued_pipeline() -> None:
    assert _code(POWERSHELL_BLOCK) == [("powershell", POWERSHELL_BLOCK)]


def test_a_capitalised_comment_on_top_of_code_on_a_glued_heading_page() -> None:
    code = "# Rotate the backups kept on the share\n" + POWERSHELL_BLOCK
    page = "#Backups\n\nWe run this each night:\n\n" + code + "\n\n#Results\n\nIt works fine now."
    lines = page.split("\n")
    spans = find_code(lines)
    assert [lines[s.start:s.end] for s in spans] == [code.split("\n")]
    assert spans[0].language == "powershell"


def test_a_capitalised_hash_line_above_code_stays_a_heading_elsewhere() -> None:
    lines = ["# Setup steps", "import os", "import sys", "", "## Next part", "", "Words here."]
    assert [s.start for s in find_code(lines)] == [1]


def test_php_with_variables_is_not_powershell() -> None:
    assert language(["$total = $price * $qty;", "echo $total;"]) != "powershell"


SWIFT_BLOCK = ("let banner = UNMutableNotificationContent()\n"
               "banner.title = \"Order \\(order.id) is ready\"\n"
               "banner.sound = .default\n\n"
               "let request = UNNotificationRequest(\n"
               "    identifier: order.id, content: banner, trigger: nil)\n"
               "try await center.add(request)")


def test_swift_holds_its_blank_line_and_is_swift() -> None:
    assert _code(SWIFT_BLOCK) == [("swift", SWIFT_BLOCK)]


HCL_BLOCK = ("resource \"aws_s3_bucket\" \"exports\" {\n  bucket = \"acme-exports\"\n\n"
             "  versioning {\n    enabled = true\n  }\n}\n\n"
             "variable \"region\" {\n  default = \"eu-west-1\"\n}")


def test_terraform_is_hcl() -> None:
    assert _code(HCL_BLOCK) == [("hcl", HCL_BLOCK)]


def test_javascript_with_a_brace_block_is_not_hcl() -> None:
    assert language(["resource = {", "  name: 'x',", "};"]) != "hcl"


@pytest.mark.parametrize("text", [
    "Get-Started\nGet-Involved\nAbout us",
    "Run Write-Host \"done\" at the end, then close the window.\nIt prints one line.",
    "The figures: content.size = bigger than before, and\nthat is all we could say about it.",
])
def test_cmdlet_like_words_and_member_words_in_text_are_not_code(text: str) -> None:
    assert find_code(text.split("\n")) == []
