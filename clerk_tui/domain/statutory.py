"""The wording every printed paper needs, apart from the phrase library the clerk picks
from while minuting (``clerk_tui.domain.phrases``): printing a paper loads this alone."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from clerk_tui.domain.committee import LOCAL_GOVERNMENT_ACT, MINUTES_CONFIRMED
from clerk_tui.domain.dates import format_body_date
from clerk_tui.domain.errors import DomainError
from clerk_tui.domain.minutes import Resolution
from clerk_tui.domain.wording import fill


def join_numbers(numbers: Sequence[int]) -> str:
    """[3] -> "3"; [1, 3] -> "1 and 3"; [1, 2, 3] -> "1, 2 and 3"."""
    words = [str(n) for n in sorted(set(numbers))]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


def exclusion_resolution(
    paragraphs: Sequence[int], items: int = 1, act: str = LOCAL_GOVERNMENT_ACT
) -> Resolution:
    """The statutory wording that excludes press and public before exempt business, citing
    the Act as the house does (``HouseStyle.local_government_act``)."""
    if not paragraphs:
        raise DomainError("Say which Schedule 12A paragraph(s) make the business exempt.", "paragraphs")
    business = "item of business" if items == 1 else "items of business"
    paragraph_word = "paragraph" if len(set(paragraphs)) == 1 else "paragraphs"
    text = (
        f"under Section 100A(4) of the {act.strip() or LOCAL_GOVERNMENT_ACT}, the press and public be "
        f"excluded from the meeting for the following {business} on the grounds that it would "
        "involve the likely disclosure of exempt information as defined in "
        f"{paragraph_word} {join_numbers(paragraphs)} of Part 1 of Schedule 12A to the Act. "
        "The Public Interest Test has been applied and favours exclusion of the information "
        "from the press and public"
    )
    return Resolution([text], opening="That,")


def minutes_confirmed(
    previous: date | None, comma_before_year: bool, wording: str = MINUTES_CONFIRMED
) -> str:
    """The house's confirmation: "the Minutes of the meeting held on 13 March, 2019 be
    confirmed as a correct record" (the date in the house's body style)."""
    held = format_body_date(previous, comma_before_year) if previous else "[date]"
    return fill(wording, date=held)
