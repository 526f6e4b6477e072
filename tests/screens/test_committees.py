"""Committees, their members and house style, driven by the keys a clerk presses; every
test checks the store as a fresh process would read it."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time
from typing import Any, cast

import pytest
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select, Static, Switch, TextArea

from clerk_tui.app import ClerkApp
from clerk_tui.commands import binding_entries
from clerk_tui.domain import CouncillorNames, MemberOrder, OrganisationStyle, PresencePlacement, Role, Venue
from clerk_tui.domain.committee import HWB_OPENING_ORDER
from clerk_tui.domain.people import Paper, PrintedForm
from clerk_tui.screens.committee import CommitteeScreen
from clerk_tui.screens.committees import CommitteesScreen
from clerk_tui.screens.help import help_rows
from clerk_tui.screens.member_form import MemberForm
from clerk_tui.screens.quick_entry import QuickEntry
from clerk_tui.screens.save_changes import SaveChangesModal
from store import Store
from tests.screens.conftest import SIZE, make_app, reopen, settle
from tests.screens.keys import press_keys, type_text
from widgets.fields import FieldMessage, TextField


async def type_lines(pilot: Pilot[Any], *lines: str) -> None:
    for number, line in enumerate(lines):
        if number:
            await pilot.press("enter")
        await type_text(pilot, line)


def current(app: ClerkApp) -> Screen[Any]:
    """The screen on top (a call, so that an earlier isinstance does not narrow it)."""
    return app.screen


def focused_id(app: ClerkApp) -> str | None:
    return app.focused.id if app.focused else None


async def tab_to(pilot: Pilot[Any], app: ClerkApp, widget_id: str, limit: int = 30) -> None:
    """Press tab until the widget has focus (as a clerk would)."""
    for _ in range(limit):
        if focused_id(app) == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{widget_id}; focus is on #{focused_id(app)}")


async def choose(pilot: Pilot[Any], app: ClerkApp, select_id: str, *moves: str) -> None:
    """Open the focused-by-tab Select, move with the arrow keys and take the option."""
    await tab_to(pilot, app, select_id)
    await pilot.press("enter", *moves, "enter")


def message_of(app: ClerkApp, field_id: str) -> str:
    field = app.screen.query_one(f"#{field_id}", TextField)
    assert "-error" in field.message.classes, f"no error under {field_id}"
    return str(field.message.render())


async def open_committee(pilot: Pilot[Any], app: ClerkApp) -> CommitteeScreen:
    """From the meetings screen: c, then enter on the highlighted committee."""
    await pilot.press("c")
    await pilot.press("enter")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, CommitteeScreen)
    return screen


def member_ids(store: Store, committee_id: str) -> list[tuple[str, Role]]:
    with reopen(store) as fresh:
        return [(m.person_id, m.role) for m in fresh.committee(committee_id).members]


@pytest.mark.slow
async def test_a_new_committee_its_members_and_house_style_by_keys_alone(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("c")
        assert isinstance(app.screen, CommitteesScreen)
        assert "No committees yet. Press n" in str(app.screen.query_one("#committees-empty", Static).render())

        # Details: name, short name, quorum, start time; the noun follows the name.
        await pilot.press("n")
        assert isinstance(app.screen, CommitteeScreen)
        assert focused_id(app) == "committee-name-input"
        await type_text(pilot, "Overview and Scrutiny Committee")
        await pilot.press("tab", "tab")
        await type_text(pilot, "O&S")
        await pilot.press("tab")
        await type_text(pilot, "5")
        await pilot.press("tab")
        await type_text(pilot, "6.30 pm")
        await pilot.press("f2")
        await settle(app, pilot)
        with reopen(store) as fresh:
            saved = fresh.committee("osc")
        assert (saved.name, saved.noun, saved.short_name, saved.quorum, saved.start_time) == (
            "Overview and Scrutiny Committee",
            "the Committee",
            "O&S",
            5,
            time(18, 30),
        )

        # Members: four by quick entry (Chair, Vice-Chair, a co-optee, honours) ...
        await pilot.press("f4", "p")
        assert isinstance(app.screen, QuickEntry)
        await type_lines(
            pilot,
            "Cllr. Carla Thomas (Chair)",
            "Cllr. Greg Myers (Vice-Chair)",
            "Ms Diane Blair, Healthwatch",
            "Cllr. Mhairi Doyle, M.B.E.",
        )
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitteeScreen)
        assert member_ids(store, "osc") == [
            ("carla-thomas", Role.CHAIR),
            ("greg-myers", Role.VICE_CHAIR),
            ("diane-blair", Role.CO_OPTED),
            ("mhairi-doyle", Role.MEMBER),
        ]

        # ... one with the form ...
        await pilot.press("a")
        assert isinstance(app.screen, MemberForm)
        await type_text(pilot, "Deborah Butcher")
        await tab_to(pilot, app, "member-organisation-input")
        await type_text(pilot, "Sefton Council")
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitteeScreen)

        # ... moved up one place (it was highlighted when added), and Diane Blair removed.
        await pilot.press("ctrl+up")
        await pilot.press("up", "delete")
        await settle(app, pilot)

        # House style: members as listed, the call-in banner on, organisations after a comma.
        await pilot.press("f5")
        assert focused_id(app) == "style-opening-order"
        await choose(pilot, app, "style-member-order", "up")
        await choose(pilot, app, "style-organisations", "down", "down")
        await tab_to(pilot, app, "style-call-in-banner")
        await pilot.press("space")
        await pilot.press("f2")
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitteesScreen)
        table = app.screen.query_one("#committees", DataTable)
        assert table.get_row_at(0)[:4] == ["Overview and Scrutiny Committee", "O&S", "4", "5"]

    with reopen(store) as fresh:
        osc = fresh.committee("osc")
        people = {p.id: p for p in fresh.people()}
    assert [(m.person_id, m.role, m.voting) for m in osc.members] == [
        ("carla-thomas", Role.CHAIR, True),
        ("greg-myers", Role.VICE_CHAIR, True),
        ("deborah-butcher", Role.MEMBER, True),
        ("mhairi-doyle", Role.MEMBER, True),
    ]
    assert osc.style.member_order == MemberOrder.LISTED
    assert osc.style.call_in_banner is True
    assert osc.style.organisations_in_minutes == OrganisationStyle.COMMA
    assert (osc.name, osc.quorum) == ("Overview and Scrutiny Committee", 5)
    assert people["carla-thomas"].front_sheet_name() == "Cllr. Carla Thomas"
    assert people["mhairi-doyle"].front_sheet_name() == "Cllr. Mhairi Doyle, M.B.E."
    assert people["deborah-butcher"].organisation == "Sefton Council"
    assert not people["deborah-butcher"].councillor
    assert people["diane-blair"].organisation == "Healthwatch"  # removed from the seat, kept as a person


async def test_house_style_of_an_existing_committee_keeps_what_the_form_does_not_show(
    demo_store: Store,
) -> None:
    before = demo_store.committee("hwb")
    # Settings and records the form has no field for yet: the venue register and its id,
    # the presence notes, the house wording.
    before.register_venue(Venue("Committee Room", "Bootle Town Hall", "Trinity Road, Bootle, L20 7AE"))
    before.venue = replace(before.venue, sentence_wording="the Town Hall, Bootle", id="")
    before.style.arrivals = PresencePlacement.IN_MINUTE
    before.style.local_government_act = "Local Government Act, 1972"
    demo_store.save_committee(before)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f5")
        await choose(pilot, app, "style-councillor-names", "down")
        await tab_to(pilot, app, "style-call-in-banner")
        await pilot.press("space")
        await pilot.press("f2")
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        after = fresh.committee("hwb")
    assert after.style.call_in_banner is False
    assert after.style.councillor_names == CouncillorNames.FULL
    assert after.style.opening_order == HWB_OPENING_ORDER
    assert after.style.agenda_heading == "A G E N D A"
    assert after.style.municipal_year_start_day == before.style.municipal_year_start_day
    assert after.members == before.members
    assert (after.venue, after.officer, after.start_time) == (before.venue, before.officer, before.start_time)
    assert after.venues == before.venues and after.venue.sentence_wording == "the Town Hall, Bootle"
    assert after.style.arrivals == PresencePlacement.IN_MINUTE
    assert after.style.local_government_act == "Local Government Act, 1972"


async def test_a_quorum_in_words_is_refused_beside_the_field_and_kept(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await open_committee(pilot, app)
        await tab_to(pilot, app, "committee-quorum-input")
        await type_text(pilot, "three")
        await pilot.press("f2")
        await settle(app, pilot)
        assert "not a whole number" in message_of(app, "committee-quorum")
        assert screen.query_one("#committee-quorum-input", Input).value == "three"
        assert focused_id(app) == "committee-quorum-input"

        # Leaving asks; cancel stays with the text, discard leaves without saving.
        await pilot.press("escape")
        assert isinstance(app.screen, SaveChangesModal)
        await pilot.press("escape")
        assert current(app) is screen
        assert screen.query_one("#committee-quorum-input", Input).value == "three"
        await pilot.press("escape", "s")  # save: still invalid, so it stays
        await settle(app, pilot)
        assert current(app) is screen
        await pilot.press("escape", "d")
        assert isinstance(app.screen, CommitteesScreen)
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        assert fresh.committee("hwb").quorum == 3


async def test_leaving_with_changes_can_save_them(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await open_committee(pilot, app)
        await tab_to(pilot, app, "committee-short-name-input")
        await type_text(pilot, "H&WB")
        assert "changes not saved yet" in str(screen.query_one("#committee-title", Static).render())
        await pilot.press("escape", "s")
        committees = app.screen
        assert isinstance(committees, CommitteesScreen)
        # The list shows the change at once, whether or not its save has reached the disk.
        assert committees.query_one("#committees", DataTable).get_row_at(0)[1] == "H&WB"
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        assert fresh.committee("hwb").short_name == "H&WB"


async def test_a_committee_needs_a_name(store: Store) -> None:
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("c", "n")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "4")
        await pilot.press("f2")
        await settle(app, pilot)
        assert "needed" in message_of(app, "committee-name")
        assert app.screen.query_one("#committee-quorum-input", Input).value == "4"
        # Members can not be added to a committee with no name either.
        await pilot.press("f4", "p")
        assert isinstance(app.screen, CommitteeScreen)
        await settle(app, pilot)
    with reopen(store) as fresh:
        assert fresh.committees() == []


async def test_a_second_chair_is_refused_in_the_form_and_nothing_is_saved(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f4", "a")
        form = app.screen
        assert isinstance(form, MemberForm)
        await type_text(pilot, "Cllr Carla Thomas")
        await press_keys(pilot, *["backspace"] * len("Cllr Carla Thomas"))
        await type_text(pilot, "Carla Thomas")
        await tab_to(pilot, app, "member-councillor")
        await pilot.press("space")
        await choose(pilot, app, "member-role", "up", "up")
        assert form.query_one("#member-role", Select).value == Role.CHAIR
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen is form
        role_message = form.query_one("#member-role-message", FieldMessage)
        assert "already has a chair" in str(role_message.render())
        assert form.query_one("#member-name-input", Input).value == "Carla Thomas"
        assert form.query_one("#member-councillor", Switch).value is True
        await pilot.press("escape")
        assert isinstance(app.screen, CommitteeScreen)
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        assert len(fresh.committee("hwb").members) == 13
        assert "carla-thomas" not in {p.id for p in fresh.people()}


async def test_an_end_before_the_start_is_refused_beside_the_end(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f4", "a")
        form = app.screen
        await type_text(pilot, "Carla Thomas")
        await tab_to(pilot, app, "member-start-input")
        await type_text(pilot, "1 June 2024")
        await pilot.press("tab")
        await type_text(pilot, "1 May 2024")
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen is form
        assert "ends before it starts" in message_of(app, "member-end")
        assert form.query_one("#member-end-input", Input).value == "1 May 2024"
        # Put right, it is added with its dates.
        await pilot.press("ctrl+u")
        await type_text(pilot, "31 May 2025")
        await pilot.press("f2")
        await settle(app, pilot)
        assert isinstance(app.screen, CommitteeScreen)
    with reopen(demo_store) as fresh:
        seat = fresh.committee("hwb").members[-1]
    assert (seat.person_id, seat.start, seat.end) == ("carla-thomas", date(2024, 6, 1), date(2025, 5, 31))


async def test_a_date_that_is_not_a_date_keeps_the_form_open(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f4", "a")
        await type_text(pilot, "Carla Thomas")
        await tab_to(pilot, app, "member-start-input")
        await type_text(pilot, "next spring")
        await pilot.press("f2")
        assert isinstance(app.screen, MemberForm)
        assert "next spring" in message_of(app, "member-start")
        await pilot.press("escape")
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        assert len(fresh.committee("hwb").members) == 13


async def test_quick_entry_adds_what_it_can_and_keeps_the_rest(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f4", "p")
        entry = app.screen
        assert isinstance(entry, QuickEntry)
        await type_lines(
            pilot, "Cllr. Carla Thomas (Chair)", "Deborah Butcher (Sefton Council)", "Matt Ashton"
        )
        preview = entry.query_one("#quick-preview", DataTable)
        assert preview.row_count == 3
        problems = str(entry.query_one("#quick-problems", Static).render())
        assert "Line 1: The committee already has a Chair (Cllr. Ian Moncur)" in problems
        assert "Line 3: Matt Ashton is already a member." in problems
        await pilot.press("f2")
        await settle(app, pilot)
        again = app.screen
        assert isinstance(again, QuickEntry) and again is not entry
        assert again.query_one("#quick-text", TextArea).text == "Cllr. Carla Thomas (Chair)\nMatt Ashton"
        await pilot.press("escape")
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        hwb = fresh.committee("hwb")
        butcher = fresh.person("deborah-butcher")
    assert [m.person_id for m in hwb.members][-1] == "deborah-butcher"
    assert len(hwb.members) == 14
    assert butcher.organisation == "Sefton Council"


async def test_quick_entry_reuses_people_already_known(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f4")
        await pilot.press(*["down"] * 12, "delete")  # Dr Craig Gillespie leaves ...
        await settle(app, pilot)
        await pilot.press("p")
        await pilot.press("f3")  # ... and comes back as a substitute
        await type_text(pilot, "Dr Craig Gillespie")
        entry = app.screen
        assert entry.query_one("#quick-preview", DataTable).get_row_at(0)[-2:] == ["Substitute", "known"]
        await pilot.press("f2")
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        seat = fresh.committee("hwb").members[-1]
        assert (seat.person_id, seat.role) == ("craig-gillespie", Role.SUBSTITUTE)
        assert [p.id for p in fresh.people()].count("craig-gillespie") == 1
        assert fresh.person("craig-gillespie").organisation == "NHS Southport and Formby CCG"


async def test_editing_a_member_renames_them_and_changes_their_seat(demo_store: Store) -> None:
    earlier = demo_store.person("matt-ashton").renamed_from(date(2019, 7, 1), "Matt Ashton")
    earlier = replace(earlier, printed_forms=[PrintedForm(Paper.FRONT_SHEET, "Mr Matt Ashton")])
    assert earlier.as_on(date(2019, 6, 12)).name == "Matt Ashton" and earlier.earlier_names
    demo_store.save_person(earlier)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f4", "down", "down", "down", "down", "enter")  # Matt Ashton
        form = app.screen
        assert isinstance(form, MemberForm)
        assert form.query_one("#member-name-input", Input).value == "Matt Ashton"
        await press_keys(pilot, "end", *["backspace"] * len("Matt Ashton"))
        await type_text(pilot, "Matthew Ashton")
        await choose(pilot, app, "member-role", "up")
        await pilot.press("f2")
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        hwb = fresh.committee("hwb")
        assert fresh.person("matt-ashton").name == "Matthew Ashton"
        # What the form has no field for yet is kept: the name he had before 1 July 2019,
        # so the June minutes keep printing it, and his front-sheet form.
        assert fresh.person("matt-ashton").earlier_names == earlier.earlier_names
        assert fresh.person("matt-ashton").printed_forms == earlier.printed_forms
    assert (hwb.members[4].person_id, hwb.members[4].role) == ("matt-ashton", Role.VICE_CHAIR)


async def test_remove_then_undo_and_move_down(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await open_committee(pilot, app)
        await pilot.press("f4", "down", "delete")
        await settle(app, pilot)
        assert "paul-cummins" not in [p for p, _ in member_ids(demo_store, "hwb")]
        await pilot.press("u")
        await settle(app, pilot)
        assert [p for p, _ in member_ids(demo_store, "hwb")][1] == "paul-cummins"
        await pilot.press("ctrl+down", "ctrl+down")
        await settle(app, pilot)
        assert [p for p, _ in member_ids(demo_store, "hwb")][1:4] == [
            "john-joseph-kelly",
            "dwayne-johnson",
            "paul-cummins",
        ]
        assert screen.highlighted_index() == 3


async def test_palette_jumps_to_a_member_and_offers_the_keys(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await open_committee(pilot, app)
        targets = {entry.title: entry for entry in screen.palette_targets()}
        assert "Jump to member: Cllr. Paul Cummins" in targets
        targets["Jump to member: Andrew Booth"].run()
        await pilot.pause()
        assert screen.query_one("#committee-tabs").active == "members"  # type: ignore[attr-defined]
        assert screen.highlighted_index() == 8
        assert focused_id(app) == "members-table"
        titles = {entry.title for entry in binding_entries(screen)}
        assert {"Committee: Add", "Committee: Paste", "Committee: Remove", "Committee: Apply"} <= titles
        rows = {description for _, description, _ in help_rows(cast(Screen[object], screen))}
        assert {"Add", "Paste", "Edit", "Remove", "Move up", "Move down", "Apply", "Back"} <= rows
        # The member keys are hidden while the clerk types in the details.
        await pilot.press("f3")
        assert "Committee: Add" not in {entry.title for entry in binding_entries(screen)}
        await pilot.press("escape")
        committees = app.screen
        assert isinstance(committees, CommitteesScreen)
        assert [e.title for e in committees.palette_targets()] == [
            "Edit committee: Health and Wellbeing Board"
        ]


async def test_enter_in_the_name_takes_a_suggested_name_and_fills_in_their_details(demo_store: Store) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f4", "a")
        form = app.screen
        assert isinstance(form, MemberForm)
        await pilot.press(*"maur")  # key by key: the suggestion follows each one
        await pilot.press("enter")
        assert form.query_one("#member-name-input", Input).value == "Maureen Kelly"
        assert form.query_one("#member-organisation-input", Input).value == "Healthwatch Sefton"
        await pilot.press("enter")  # she already sits on the board
        assert current(app) is form
        assert message_of(app, "member-name") == "This person is already a member for those dates."
        await pilot.press("escape")
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        assert len(fresh.committee("hwb").members) == 13


async def test_the_printed_record_settings_show_a_sample_and_are_saved(demo_store: Store) -> None:
    """Built from the settings' descriptions: a choice, a wording and a switch typed with
    the keys, each sample following, then applied and found in the store."""
    # The demo prints presence; this starts from a style that prints none (as the seeds).
    committee = demo_store.committee("hwb")
    committee.style = replace(committee.style, arrivals=PresencePlacement.OFF, officers_in_attendance=False)
    demo_store.save_committee(committee)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = await open_committee(pilot, app)
        await pilot.press("f5")
        settings = screen.query_one("#style-settings")
        samples = list(settings.query(".style-sample").results(Static))
        assert str(samples[0].render()) == "(not printed)"
        await tab_to(pilot, app, "style-arrivals", limit=60)
        await pilot.press("enter", "down", "enter")  # In the minute
        await settle(app, pilot)
        assert str(samples[0].render()).startswith("At the head of the minute: Councillor Green arrived")
        await tab_to(pilot, app, "style-arrival-wording-input", limit=10)
        await press_keys(pilot, "end", *["backspace"] * 100)
        await type_text(pilot, "{name} came in during {item}.")
        await settle(app, pilot)
        assert (
            str(samples[1].render())
            == "At the head of the minute: Councillor Green came in during this item."
        )
        await tab_to(pilot, app, "style-officers-in-attendance", limit=30)
        await pilot.press("space")
        await pilot.press("f2")
        await settle(app, pilot)
    with reopen(demo_store) as fresh:
        style = fresh.committee("hwb").style
    assert style.arrivals == PresencePlacement.IN_MINUTE
    assert style.arrival_wording == "{name} came in during {item}."
    assert style.officers_in_attendance is True


async def test_a_wording_with_an_unknown_gap_is_refused_beside_it_and_nothing_saved(
    demo_store: Store,
) -> None:
    before = demo_store.committee("hwb")
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await open_committee(pilot, app)
        await pilot.press("f5")
        await tab_to(pilot, app, "style-departure-wording-input", limit=80)
        await press_keys(pilot, "end", *["backspace"] * 100, *"{who} left.")
        await pilot.press("f2")
        await settle(app, pilot)
        assert "there is no gap {who}" in message_of(app, "style-departure-wording")
        assert app.screen.query_one("#style-departure-wording-input", Input).value == "{who} left."
    with reopen(demo_store) as fresh:
        assert fresh.committee("hwb").style == before.style
