"""A store clerk cannot write to opens read-only: the header says so, everything can be
read and exported, and every command that would change the record is refused through
every door (key, palette, button) with a sentence saying why and what to do. Nothing
crashes and not a byte of the store changes."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.dom import DOMNode

import clerk_tui.screens
import widgets
from clerk_tui.commands import binding_entries
from clerk_tui.read_only import REFUSED
from clerk_tui.screens.agenda import AgendaScreen
from clerk_tui.screens.committee import CommitteeScreen
from clerk_tui.screens.committees import CommitteesScreen
from clerk_tui.screens.export import ExportScreen
from clerk_tui.screens.meetings import MeetingsScreen
from clerk_tui.screens.save_changes import SaveChangesModal
from store import Store
from tests.screens.conftest import SIZE, reopen, settle
from tests.screens.keys import type_text
from tests.screens.telling import TellingApp, telling_app

# Every other action of every screen and widget: it moves, shows, asks or closes, and
# changes nothing in the store by itself. The forms (member, attendee, declaration,
# options) return a draft to the screen that opened them, and only refused commands do.
READS: dict[str, set[str]] = {
    "ActionsScreen": {"close"},
    "AgendaScreen": {"save", "export", "leave", "scroll_sheet"},
    "AttendeeForm": {"accept", "cancel"},
    "ChangedOnDiskScreen": {"choose"},
    "CommitteeScreen": {"show_tab", "back"},
    "CommitteesScreen": {"edit_committee", "back"},
    "CastingVoteScreen": {"cast", "cancel"},  # returns the Chair's choice; the screen records it
    "ConfirmScreen": {"answer"},
    "DeclarationForm": {"accept", "cancel"},
    "ExportScreen": {"export", "cancel"},
    "HelpScreen": {"dismiss_help"},
    "EventTimesScreen": {"accept", "cancel"},
    "ImportReview": {"read_file", "read_again", "reject"},
    "LazyTable": {"scroll_bottom"},  # holds the rest of the rows, then moves to the last
    "LiveMeetingScreen": {"switch_panel", "choose_item", "preview", "export", "leave", "votes"},
    "MeetingsScreen": {
        "open_meeting",
        "committees",
        "export",
        "all_committees",
        "minutes_record",
        "register",
    },
    "MeetingDetailsScreen": {"accept", "cancel"},
    "MemberForm": {"accept", "cancel"},
    "MotionForm": {"cancel"},
    "MinuteBox": {"line_start", "line_end", "text_start", "text_end"},
    "MinuteOptionsScreen": {"accept", "cancel"},
    "MinutesRecordScreen": {"print", "export", "close"},
    "MinuteView": {"open_meeting", "back"},
    "NewCommitteeScreen": {"choose", "cancel"},
    "NewMeetingScreen": {"cancel"},
    "PhrasePicker": {"move", "choose", "cancel"},
    "PrintedNamesScreen": {"close"},
    "QuickEntry": {"toggle_substitutes", "cancel"},
    "RecordedVoteForm": {"mark", "cancel"},  # marks names in the dialog; accept records
    "QuitScreen": {"retry", "write_recovery", "quit_anyway", "stay"},
    "RecoveredScreen": {"choose"},
    "RegisterScreen": {"previous_year", "next_year", "history", "save_csv", "save_pdf", "close"},
    "SaveChangesModal": {"choose"},
    "SearchScreen": {"search", "toggle_exempt", "open_hit", "back"},
    "ScheduleScreen": {"cancel"},
    "TextPrompt": {"cancel"},
    "VenueRegisterScreen": {"close"},
    "VoteCountForm": {"cancel"},
    "VoterChoice": {"cancel"},  # opened only by second_motion (refused read-only); enter records through it
}


def actions_of_every_screen_and_widget() -> Iterator[tuple[str, str]]:
    for package in (clerk_tui.screens, widgets):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for cls in vars(module).values():
                if inspect.isclass(cls) and issubclass(cls, DOMNode) and cls.__module__ == module.__name__:
                    for name in vars(cls):
                        if name.startswith("action_"):
                            yield cls.__name__, name.removeprefix("action_")


def test_every_command_is_either_refused_on_a_read_only_store_or_known_to_change_nothing() -> None:
    found = set(actions_of_every_screen_and_widget())
    assert len(found) > 60
    unknown = {
        (cls, action)
        for cls, action in found
        if action not in REFUSED.get(cls, {}) and action not in READS.get(cls, ())
    }
    assert not unknown, f"classify these in clerk_tui/read_only.py (or READS here): {sorted(unknown)}"
    both = {
        (cls, action)
        for cls, action in found
        if action in REFUSED.get(cls, {}) and action in READS.get(cls, ())
    }
    assert not both


def files_of(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def viewer(demo_store: Store) -> Iterator[Store]:
    opened = reopen(demo_store)
    assert opened.read_only
    yield opened
    opened.close()


def refusals(app: TellingApp) -> list[str]:
    return app.said("Read-only")


async def test_a_read_only_store_shows_everything_and_refuses_every_change(
    demo_store: Store, viewer: Store, tmp_path: Path
) -> None:
    before = files_of(demo_store.root)
    app = telling_app(viewer, [tmp_path / "recovery"], read_only_reason="clerk cannot write to the folder")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert app.sub_title.startswith("READ-ONLY · ")
        (opening,) = refusals(app)
        assert "open READ-ONLY (clerk cannot write to the folder)" in opening

        await pilot.press("n")  # the key
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        said = refusals(app)[-1]
        assert said.startswith(
            "The store is open read-only (clerk cannot write to the folder), so clerk cannot create a "
            "meeting: nothing was changed."
        )
        assert f"make {demo_store.root} writable" in said
        await pilot.click("#schedule")  # the button
        await settle(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert "cannot create a year's meetings" in refusals(app)[-1]
        footer = {active.binding.action: active.enabled for active in app.screen.active_bindings.values()}
        assert footer["new_meeting"] is False and footer["committees"] is True  # dimmed, not hidden
        titles = {entry.title for entry in binding_entries(app.screen)}  # the palette
        assert "Meetings: New meeting" not in titles and "Meetings: Export" in titles

        app.screen.query_one("#meetings").focus()  # from the button back to the list
        await pilot.press("enter")  # reading is fine: the agenda opens
        await settle(app, pilot)
        agenda = app.screen
        assert isinstance(agenda, AgendaScreen)
        count = len(refusals(app))
        for key in ("a", "delete", "shift+down", "p", "m"):
            await pilot.press(key)
            await settle(app, pilot)
            assert app.screen is agenda and not agenda.editor.display
        assert len(refusals(app)) == count + 5
        assert "cannot take minutes" in refusals(app)[-1]
        await pilot.click("#add")
        await settle(app, pilot)
        assert "cannot add an agenda item" in refusals(app)[-1]

        await pilot.press("x")  # exporting writes outside the store: allowed
        await settle(app, pilot)
        assert isinstance(app.screen, ExportScreen)
        await pilot.press("escape")
        await pilot.press("escape")
        await settle(app, pilot)

        await pilot.press("c")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitteesScreen)
        await pilot.press("n")
        await settle(app, pilot)
        assert "cannot set up a committee" in refusals(app)[-1]
        await pilot.press("enter")  # a committee can be looked at
        await settle(app, pilot)
        committee = app.screen
        assert isinstance(committee, CommitteeScreen)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert "NOT SAVED" not in app.sub_title
        committee.query_one("#committee-name-input").focus()
        await type_text(pilot, " changed")
        await settle(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        modal = app.screen
        assert isinstance(modal, SaveChangesModal)
        assert "cannot be saved: the store is open read-only" in str(
            modal.query_one("#unsaved-question").render()
        )
        await pilot.press("s")  # there is no saving
        await settle(app, pilot)
        assert app.screen is modal
        await pilot.press("d")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitteesScreen)
        assert app.saver.unsaved() == [] and app.sub_title.startswith("READ-ONLY · ")
    assert files_of(demo_store.root) == before
    assert not (tmp_path / "recovery").exists()
