"""The exempt run after an exclusion and its statutory resolution: one rule that the
printer, the reader and the search index share."""

from __future__ import annotations

from datetime import date

from clerk_tui.domain import AgendaItem, ItemKind, Meeting
from clerk_tui.domain.exclusion import exclusion_after, exempt_run, exempt_run_after
from clerk_tui.domain.phrases import exclusion_resolution


def _meeting(*items: AgendaItem) -> Meeting:
    meeting = Meeting("m", "c", date(2027, 3, 10))
    meeting.agenda = list(items)
    return meeting


EXCLUSION = AgendaItem("item-1", "Exclusion of the Press and Public", ItemKind.EXCLUSION)
CONTRACT = AgendaItem("item-2", "Contract Award", exempt=True, exempt_paragraphs=[3])
STAFFING = AgendaItem("item-3", "Staffing", exempt=True, exempt_paragraphs=[1, 3])
PUBLIC = AgendaItem("item-4", "Date of Next Meeting", ItemKind.NEXT_MEETING)
LATER = AgendaItem("item-5", "Land Disposal", exempt=True, exempt_paragraphs=[2])


def test_the_run_stops_at_the_first_item_that_is_not_exempt() -> None:
    meeting = _meeting(EXCLUSION, CONTRACT, STAFFING, PUBLIC, LATER)
    assert [item.id for item in exempt_run_after(meeting, "item-1")] == ["item-2", "item-3"]
    assert [item.id for item in exempt_run(meeting, 1)] == ["item-2", "item-3"]
    assert exempt_run(meeting, 0) == []


def test_an_item_not_on_the_agenda_has_no_run() -> None:
    meeting = _meeting(EXCLUSION, CONTRACT)
    assert exempt_run_after(meeting, "item-9") == []
    assert exempt_run_after(meeting, None) == []
    assert exclusion_after(meeting, "item-9") is None


def test_the_resolution_names_every_paragraph_of_the_run_and_how_many_items() -> None:
    meeting = _meeting(EXCLUSION, CONTRACT, STAFFING, PUBLIC, LATER)
    assert exclusion_after(meeting, "item-1") == exclusion_resolution([1, 3], 2)
    single = _meeting(EXCLUSION, CONTRACT, PUBLIC)
    assert exclusion_after(single, "item-1") == exclusion_resolution([3], 1)


def test_the_resolution_cites_the_act_as_given() -> None:
    meeting = _meeting(EXCLUSION, CONTRACT)
    cited = exclusion_after(meeting, "item-1", "Local Government Act, 1972")
    assert cited is not None
    assert "Section 100A(4) of the Local Government Act, 1972," in cited.parts[0]


def test_no_exempt_paragraph_after_it_means_no_resolution() -> None:
    assert exclusion_after(_meeting(EXCLUSION, PUBLIC, LATER), "item-1") is None
    assert exclusion_after(_meeting(CONTRACT, EXCLUSION), "item-1") is None
