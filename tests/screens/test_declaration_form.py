"""The declaration form, hosted in a bare app as oterm hosts its modals: keys in, the
dismissed value out. It records nothing itself."""

from __future__ import annotations

from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select

from clerk_tui.domain import Person
from clerk_tui.domain.declarations import InterestAction, InterestKind
from clerk_tui.screens.declaration_form import DPI_NOTE, DeclarationDraft, DeclarationForm
from tests.screens.conftest import SIZE
from widgets.fields import FieldMessage

PEOPLE = [
    Person("carla", "Carla Thomas", councillor=True),
    Person("richard", "Richard Freeman", organisation="Sefton CCG"),
]
ITEMS = [("item-4", "4. Early Help Strategy"), ("item-12", "12. Better Care Fund 2019/20 Plans")]
NATURE = "is involved with the Better Care Fund at a regional level"


class Host(App[None]):
    pass


async def open_form(
    app: Host, pilot: Pilot[None], received: list[DeclarationDraft | None], **given: str
) -> DeclarationForm:
    form = DeclarationForm(PEOPLE, ITEMS, **given)
    app.push_screen(form, received.append)
    await pilot.pause()
    return form


def message(form: DeclarationForm, selector: str) -> str:
    return str(form.query_one(selector, FieldMessage).render())


async def test_a_complete_declaration_is_returned_as_typed() -> None:
    app = Host()
    received: list[DeclarationDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot, received)
        await pilot.press(*"Rich", "tab")  # completes to Richard Freeman
        await pilot.press("enter", "down", "down", "enter")  # the item: past the prompt and item 4
        await pilot.press("tab", "tab")  # past the kind (personal), to the nature
        await pilot.press(*NATURE)
        await pilot.press("f2")
        await pilot.pause()
    assert received == [
        DeclarationDraft("richard", "item-12", InterestKind.PERSONAL, NATURE, InterestAction.REMAINED, False)
    ]


async def test_a_pecuniary_interest_defaults_to_withdrawing_and_may_stay_out() -> None:
    app = Host()
    received: list[DeclarationDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, person_id="carla", item_id="item-4")
        assert app.focused is form.query_one("#declaration-kind", Select)
        await pilot.press("enter", "up", "enter")  # personal -> disclosable pecuniary
        await pilot.pause()
        assert form.query_one("#declaration-action", Select).value == InterestAction.WITHDREW
        assert message(form, "#declaration-action-message") == DPI_NOTE
        await pilot.press("tab", *"owns the site", "tab", "tab", "space")  # nature, action, stays out
        await pilot.pause()
        assert form.query_one("#declaration-stays-out", Checkbox).value
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert received == [
        DeclarationDraft(
            "carla",
            "item-4",
            InterestKind.DISCLOSABLE_PECUNIARY,
            "owns the site",
            InterestAction.WITHDREW,
            True,
        )
    ]


async def test_a_pecuniary_interest_with_the_member_remaining_is_explained_and_nothing_returned() -> None:
    app = Host()
    received: list[DeclarationDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, person_id="richard", item_id="item-12")
        await pilot.press("enter", "up", "enter", "tab", *"owns the site", "tab")
        await pilot.press("enter", "down", "enter")  # withdrew -> remained
        await pilot.press("f2")
        await pilot.pause()
        assert received == []
        assert app.screen is form
        assert "must withdraw unless a dispensation" in message(form, "#declaration-action-message")
        assert form.query_one("#declaration-nature-input", Input).value == "owns the site"
        # under a dispensation the member may remain
        await pilot.press("enter", "down", "enter", "f2")
        await pilot.pause()
    assert received == [
        DeclarationDraft(
            "richard",
            "item-12",
            InterestKind.DISCLOSABLE_PECUNIARY,
            "owns the site",
            InterestAction.DISPENSATION,
            False,
        )
    ]


async def test_an_empty_nature_is_refused_beside_the_field() -> None:
    app = Host()
    received: list[DeclarationDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received, person_id="richard", item_id="item-12")
        await pilot.press("tab", *"   ", "f2")
        await pilot.pause()
        assert received == []
        nature = form.query_one("#declaration-nature-input", Input)
        assert app.focused is nature
        assert nature.value == "   "
        assert "nature" in str(form.query("#declaration-nature FieldMessage").first().render())


async def test_an_unknown_member_and_no_item_are_each_explained() -> None:
    app = Host()
    received: list[DeclarationDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(app, pilot, received)
        await pilot.press(*"Zed Nobody", "f2")
        await pilot.pause()
        assert received == []
        assert "No one called" in str(form.query("#declaration-member FieldMessage").first().render())
        assert message(form, "#declaration-item-message") == "Choose the item."
        assert form.query_one("#declaration-member-input", Input).value == "Zed Nobody"


async def test_escape_cancels_with_none() -> None:
    app = Host()
    received: list[DeclarationDraft | None] = []
    async with app.run_test(size=SIZE) as pilot:
        await open_form(app, pilot, received, person_id="richard")
        await pilot.press("escape")
        await pilot.pause()
    assert received == [None]
