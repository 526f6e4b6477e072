"""The exempt business an exclusion of the press and public covers: the run of exempt
items straight after it on the agenda, and the statutory resolution that names their
Schedule 12A paragraphs. One rule for the printer, the reader and the search index."""

from __future__ import annotations

from clerk_tui.domain.agenda import AgendaItem
from clerk_tui.domain.committee import LOCAL_GOVERNMENT_ACT
from clerk_tui.domain.meeting import Meeting
from clerk_tui.domain.minutes import Resolution
from clerk_tui.domain.statutory import exclusion_resolution


def exempt_run(meeting: Meeting, start: int) -> list[AgendaItem]:
    """The exempt items from agenda position ``start`` on, up to the first that is not."""
    run: list[AgendaItem] = []
    for item in meeting.agenda[start:]:
        if not item.exempt:
            break
        run.append(item)
    return run


def exempt_run_after(meeting: Meeting, item_id: str | None) -> list[AgendaItem]:
    """The exempt items straight after the item ``item_id`` (none if it is not on the agenda)."""
    position = next((i for i, item in enumerate(meeting.agenda) if item.id == item_id), None)
    return [] if position is None else exempt_run(meeting, position + 1)


def exclusion_after(
    meeting: Meeting, item_id: str | None, act: str = LOCAL_GOVERNMENT_ACT
) -> Resolution | None:
    """The statutory exclusion for the exempt items after ``item_id``, citing ``act``; None
    when no exempt item with a paragraph follows it."""
    following = exempt_run_after(meeting, item_id)
    paragraphs = sorted({p for item in following for p in item.exempt_paragraphs})
    return exclusion_resolution(paragraphs, len(following), act) if paragraphs else None
