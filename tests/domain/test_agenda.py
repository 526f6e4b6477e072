"""Where a new agenda item goes, and the narrative hint in the committee's own words."""

from __future__ import annotations

from clerk_tui.domain import AgendaItem, ItemKind
from clerk_tui.domain.agenda import new_item_position
from clerk_tui.domain.narrative import narrative_placeholder


def _agenda(*kinds: ItemKind, exempt_from: int | None = None) -> list[AgendaItem]:
    return [
        AgendaItem(
            f"item-{n}",
            f"Item {n}",
            kind,
            exempt=exempt_from is not None and n >= exempt_from,
            exempt_paragraphs=[3] if exempt_from is not None and n >= exempt_from else [],
        )
        for n, kind in enumerate(kinds, start=1)
    ]


OPENING = (ItemKind.APOLOGIES, ItemKind.DECLARATIONS, ItemKind.PREVIOUS_MINUTES)


def test_a_new_item_goes_after_the_last_substantive_item_not_among_the_opening_ones() -> None:
    agenda = _agenda(*OPENING, ItemKind.SUBSTANTIVE, ItemKind.SUBSTANTIVE, ItemKind.NEXT_MEETING)
    assert new_item_position(agenda) == 5, "after item 5, before the date of the next meeting"


def test_with_no_business_yet_it_goes_after_the_opening_items() -> None:
    assert new_item_position(_agenda(*OPENING, ItemKind.URGENT, ItemKind.NEXT_MEETING)) == 3
    assert new_item_position(_agenda(ItemKind.URGENT, ItemKind.NEXT_MEETING)) == 0
    assert new_item_position([]) == 0


def test_a_new_item_stays_in_the_public_part() -> None:
    agenda = _agenda(*OPENING, ItemKind.SUBSTANTIVE, ItemKind.EXCLUSION, ItemKind.SUBSTANTIVE)
    agenda[-1].exempt, agenda[-1].exempt_paragraphs = True, [3]
    assert new_item_position(agenda) == 4, "before the exclusion of press and public"
    exempt_only = _agenda(*OPENING, ItemKind.SUBSTANTIVE, exempt_from=4)
    assert new_item_position(exempt_only) == 3


def test_the_narrative_hint_uses_the_committees_own_noun() -> None:
    assert "“The Committee considered the report of …”" in narrative_placeholder("the Committee")
    assert "“The Board considered" in narrative_placeholder("the Board")
    assert "“The Committee considered" in narrative_placeholder("")
