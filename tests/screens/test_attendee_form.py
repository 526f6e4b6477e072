"""The attendee form (substitute, also present, officer), hosted in a bare app: keys in,
the dismissed value out. It records nothing itself."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Input, Switch

from clerk_tui.domain import Person
from clerk_tui.screens.attendee_form import AttendeeDraft, AttendeeForm, AttendeeMode
from tests.screens.conftest import SIZE

CARLA = Person("carla-thomas", "Carla Thomas", councillor=True)
SEAN = Person("sean-halsall", "Sean Halsall", councillor=True)
KELLY = Person("john-joseph-kelly", "John Joseph Kelly", councillor=True)
DWAYNE = Person("dwayne-johnson", "Dwayne Johnson", job_title="Director of Social Care")
PEOPLE = [CARLA, SEAN, KELLY, DWAYNE]
MEMBERS = [CARLA, SEAN]


class Host(App[None]):
    pass


async def open_form(
    app: Host,
    pilot: Pilot[None],
    received: list[AttendeeDraft | None],
    mode: AttendeeMode,
    *,
    taken: set[str] | None = None,
    person_id: str | None = None,
) -> AttendeeForm:
    taken_ids = taken if taken is not None else {p.id for p in PEOPLE}
    form = AttendeeForm(mode, PEOPLE, MEMBERS, taken_ids=taken_ids, person_id=person_id)
    app.push_screen(form, received.append)
    await pilot.pause()
    return form


def message(form: AttendeeForm, field: str) -> str:
    return str(form.query(f"#{field} FieldMessage").first().render())


async def test_a_known_person_substitutes_for_the_highlighted_member() -> None:
    app = Host()
    received: list[AttendeeDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, AttendeeMode.SUBSTITUTE, person_id="sean-halsall")
        assert form.query_one("#attendee-for-input", Input).value == "Sean Halsall"
        await pilot.press(*"John", "right")  # right arrow takes the completion
        await pilot.pause()
        assert form.query_one("#attendee-name-input", Input).value == "John Joseph Kelly"
        assert form.query_one("#attendee-councillor", Switch).disabled  # a known person's own details
        await pilot.press("f2")
        await pilot.pause()
    assert received == [AttendeeDraft(KELLY, False, AttendeeMode.SUBSTITUTE, "", "sean-halsall")]


async def test_a_substitute_needs_the_member_they_replace() -> None:
    app = Host()
    received: list[AttendeeDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, AttendeeMode.SUBSTITUTE)
        await pilot.press(*"John Joseph Kelly", "f2")
        await pilot.pause()
        assert received == []
        assert "needed" in message(form, "attendee-for")
        assert app.focused is form.query_one("#attendee-for-input", Input)
        await pilot.press(*"Sean", "ctrl+s")
        await pilot.pause()
    assert received == [AttendeeDraft(KELLY, False, AttendeeMode.SUBSTITUTE, "", "sean-halsall")]


async def test_a_member_cannot_substitute_for_themselves() -> None:
    app = Host()
    received: list[AttendeeDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, AttendeeMode.SUBSTITUTE, person_id="sean-halsall")
        await pilot.press(*"Sean Halsall", "f2")
        await pilot.pause()
        assert received == []
        assert "themselves" in message(form, "attendee-for")


async def test_someone_new_is_also_present_in_a_capacity() -> None:
    app = Host()
    received: list[AttendeeDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, AttendeeMode.ALSO_PRESENT)
        await pilot.press(*"Paul Cummins")
        await pilot.pause()
        assert "new person" in message(form, "attendee-name")
        await pilot.press("tab", "tab", *"Cabinet Member - Adult Social Care", "f2")
        await pilot.pause()
    assert received == [
        AttendeeDraft(
            Person("paul-cummins", "Paul Cummins", councillor=True),
            True,
            AttendeeMode.ALSO_PRESENT,
            "Cabinet Member - Adult Social Care",
        )
    ]


async def test_also_present_needs_a_capacity_and_keeps_the_name_typed() -> None:
    app = Host()
    received: list[AttendeeDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, AttendeeMode.ALSO_PRESENT)
        await pilot.press(*"Paul Cummins", "f2")
        await pilot.pause()
        assert received == []
        assert "needed" in message(form, "attendee-capacity")
        assert form.query_one("#attendee-name-input", Input).value == "Paul Cummins"


async def test_a_new_person_gets_a_fresh_unique_id() -> None:
    app = Host()
    received: list[AttendeeDraft | None] = []
    taken = {p.id for p in PEOPLE} | {"jo-bloggs", "jo-bloggs-2"}
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot, received, AttendeeMode.OFFICER, taken=taken)
        await pilot.press(*"Jo Bloggs", "tab", "space", "tab", *"Democratic Services Officer", "f2")
        await pilot.pause()
    assert len(received) == 1
    draft = received[0]
    assert draft is not None
    assert draft.is_new
    assert draft.person.id == "jo-bloggs-3"
    assert draft.person.id not in taken
    assert draft.person.name == "Jo Bloggs"
    assert draft.person.councillor  # switched on for this new person
    assert draft.person.job_title == "Democratic Services Officer"
    assert draft.capacity == "Democratic Services Officer"
    assert draft.mode == AttendeeMode.OFFICER


async def test_a_known_officer_brings_their_job_title() -> None:
    app = Host()
    received: list[AttendeeDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, AttendeeMode.OFFICER)
        await pilot.press(*"Dwayne Johnson")
        await pilot.pause()
        assert form.query_one("#attendee-capacity-input", Input).value == "Director of Social Care"
        await pilot.press("f2")
        await pilot.pause()
    assert received == [AttendeeDraft(DWAYNE, False, AttendeeMode.OFFICER, "Director of Social Care")]


async def test_escape_cancels_with_none() -> None:
    app = Host()
    received: list[AttendeeDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot, received, AttendeeMode.ALSO_PRESENT)
        await pilot.press(*"Paul", "escape")
        await pilot.pause()
    assert received == [None]
