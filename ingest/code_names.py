"""One name per programming language, whichever alias a page or fence states it with.

Users group code blocks by language in SQL, so `js` and `javascript` must be one value. The
names are the ones the text reader's detector already produces (`text_code_lang`: `python`,
`javascript`, `typescript`, `bash`, `yaml`, `cpp`...); a name not listed here is kept as
written, in lower case. `shell` stays `shell`: the HTML reader's fixtures name GitHub's
`highlight-source-shell` blocks so.
"""

from __future__ import annotations

_ALIASES = {
    "javascript": "js mjs cjs node nodejs ecmascript",
    "typescript": "ts mts cts",
    "python": "py py3 python3 python2 py2",
    "bash": "sh zsh console shell-session shellsession sh-session",
    "yaml": "yml",
    "ruby": "rb",
    "rust": "rs",
    "go": "golang",
    "cpp": "c++ cxx cc hpp",
    "markdown": "md mkd",
    "html": "htm xhtml",
    "kotlin": "kt",
    "powershell": "ps1 pwsh",
}
CANONICAL = {alias: name for name, aliases in _ALIASES.items() for alias in aliases.split()}
# Labels that say "no language": the block is plain text.
PLAIN = frozenset({"text", "txt", "plain", "plaintext", "none", "nohighlight", "no-highlight"})


def canonical(language: str | None) -> str | None:
    """The one lower-case name for `language`, None when it states no language."""
    name = (language or "").strip().lower()
    if not name or name in PLAIN:
        return None
    return CANONICAL.get(name, name)
