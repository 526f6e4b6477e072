"""The phrase library: the house's standard wording (domain.md 2.5 and 2.6)."""

from __future__ import annotations

from collections.abc import Sequence

from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.minutes import Resolution


def join_numbers(numbers: Sequence[int]) -> str:
    """[3] -> "3"; [1, 3] -> "1 and 3"; [1, 2, 3] -> "1, 2 and 3"."""
    words = [str(n) for n in sorted(set(numbers))]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def exclusion_resolution(paragraphs: Sequence[int], items: int = 1) -> Resolution:
    """The statutory wording that excludes press and public before exempt business."""
    if not paragraphs:
        raise DomainError("Say which Schedule 12A paragraph(s) make the business exempt.", "paragraphs")
    business = "item of business" if items == 1 else "items of business"
    paragraph_word = "paragraph" if len(set(paragraphs)) == 1 else "paragraphs"
    text = (
        "under Section 100A(4) of the Local Government Act, 1972, the press and public be "
        f"excluded from the meeting for the following {business} on the grounds that it would "
        "involve the likely disclosure of exempt information as defined in "
        f"{paragraph_word} {join_numbers(paragraphs)} of Part 1 of Schedule 12A to the Act. "
        "The Public Interest Test has been applied and favours exclusion of the information "
        "from the press and public"
    )
    return Resolution([text], opening="That,")
