"""Text cut to fit a narrow column or line: after a whole word, never in the middle of one."""

from __future__ import annotations


def shorten(text: str, width: int) -> str:
    """``text`` in at most ``width`` characters, cut after a whole word and ended with "…"
    ("Apologies for…", never "Apologies for Absenc"); a first word longer than the room is
    cut with the "…" (there is nothing better to show)."""
    words = text.split()
    if len(" ".join(words)) <= width:
        return " ".join(words)
    shown = ""
    for word in words:
        candidate = f"{shown} {word}" if shown else word
        if len(candidate) + 1 > width:
            break
        shown = candidate
    if not shown:
        return text[: max(0, width - 1)] + "…" if width > 0 else ""
    return shown.rstrip(",;:–-") + "…"


def short_name(name: str, width: int) -> str:
    """A person's name for a narrow column: without "Cllr." when it does not fit, then
    shortened after a whole word."""
    if len(name) <= width:
        return name
    for title in ("Cllr. ", "Cllr ", "Councillor "):
        if name.startswith(title):
            name = name.removeprefix(title)
            break
    return shorten(name, width)


__all__ = ["short_name", "shorten"]
