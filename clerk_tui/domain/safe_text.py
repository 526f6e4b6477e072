"""Safe text: control characters never reach the store or any output.

A clerk's text may arrive with characters a terminal or a reader acts on rather than
shows: escape sequences (screen clear, window title, OSC 52 that writes the clipboard),
bell, backspace, NUL, and the bidirectional overrides that reorder what is read (U+202E).
On the way in (typed, pasted, imported) they are removed and the clerk is told what went;
on the way out every writer neutralises whatever is left, so an old record cannot do harm.

Kept: newline and tab (text layout), and the joiners and marks that real text needs
(U+200D in emoji, U+00AD soft hyphen). Carriage returns become newlines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from clerk_tui.domain.patterns import compiled_on_first_use

_BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"  # C0 controls but tab and newline (CR is handled first), DEL
    "\x80-\x9f"  # C1 controls (CSI, OSC, DCS as single characters)
    f"{_BIDI_CONTROLS}"
    "\ud800-\udfff"  # lone surrogates: not text, and they cannot be written as UTF-8
    "]"
)


_line_endings = compiled_on_first_use(r"\r\n?")


_escape_sequence = compiled_on_first_use(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI ... final byte (colours, cursor, clear)
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC ... BEL or ST (title, clipboard)
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC ... ST
    r"|\x1b[ -/]*[0-~]"  # two-character sequences (ESC c resets the terminal)
    r"|\x1b"
)


_starts_sequence = compiled_on_first_use("[\x1b\x90\x98\x9b\x9d\x9e\x9f]")


@dataclass(frozen=True)
class CleanText:
    """Text with its control characters taken out, and what was taken out."""

    text: str
    removed: tuple[str, ...]
    """What was taken out, each named for the clerk ("escape sequence", "U+202E")."""

    @property
    def changed(self) -> bool:
        return bool(self.removed)

    def message(self, where: str) -> str:
        """ "Removed from the narrative: 2 escape sequences, U+202E (right-to-left override)." """
        counts: dict[str, int] = {}
        for name in self.removed:
            counts[name] = counts.get(name, 0) + 1
        parts = [f"{count} {name}s" if count > 1 else name for name, count in counts.items()]
        return f"Removed from {where}: {', '.join(parts)} (control characters are never kept)."


def _name(character: str) -> str:
    code = ord(character)
    label = unicodedata.name(character, "") or {0x7F: "DELETE", 0x1B: "ESCAPE", 0x07: "BELL"}.get(code, "")
    if not label and code < 0x20:
        label = f"CONTROL-{chr(code + 0x40)}"
    return f"U+{code:04X} ({label.lower()})" if label else f"U+{code:04X}"


def clean(text: str) -> CleanText:
    """The text with every escape sequence and control character removed, and what went."""
    removed: list[str] = []
    text = _line_endings().sub("\n", text)

    def drop_sequence(match: re.Match[str]) -> str:
        removed.append("escape sequence")
        return ""

    def drop_character(match: re.Match[str]) -> str:
        removed.append(_name(match.group()))
        return ""

    if _starts_sequence().search(text):
        text = _escape_sequence().sub(drop_sequence, text)
    text = _UNSAFE.sub(drop_character, text)
    return CleanText(text, tuple(removed))


def is_safe(text: str) -> bool:
    return "\r" not in text and _UNSAFE.search(text) is None


def neutralise(text: str) -> str:
    """For writers: the text with anything unsafe removed (output never carries it)."""
    return text if is_safe(text) else clean(text).text


def one_line(text: str) -> str:
    """For single-line fields (names, titles): newlines and tabs become spaces too."""
    return " ".join(neutralise(text).split()) if text else text
