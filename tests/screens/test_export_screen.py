"""Export from the meetings screen with the keyboard alone: the file holds exactly what
`clerk export` prints with the same options."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Static

from clerk_tui.app import ClerkApp
from clerk_tui.exporting import ExportError, export_bundle, print_paper, write_export
from clerk_tui.render import Copy, Format, Printed, PrintOptions
from clerk_tui.screens import export as export_module
from clerk_tui.screens.confirm import ConfirmScreen
from clerk_tui.screens.export import ExportScreen
from clerk_tui.screens.meetings import MeetingsScreen
from store import Store
from tests.render.canaries import CANARY, GUEST, plant_exempt_canaries
from tests.screens.conftest import SIZE, make_app, settle
from tests.screens.keys import type_text

JUNE = "hwb-2019-06-12"
SEPTEMBER = "hwb-2019-09-11"
"""The demo's meeting with exempt business (Better Care Fund, paragraph 3)."""
DECEMBER = "hwb-2019-12-04"


@pytest.fixture(autouse=True)
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The default export folder, inside the test's own folder (never the real Documents),
    which is also home: the clerk types ``~/…``."""
    folder = tmp_path / "Documents" / "clerk-exports"
    monkeypatch.setattr(export_module, "export_folder", lambda: folder)
    monkeypatch.setenv("HOME", str(tmp_path))
    return folder


def typed(path: Path, home: Path) -> str:
    return f"~/{path.relative_to(home)}"


async def open_export(app: ClerkApp, pilot: Pilot[None], *keys: str) -> ExportScreen:
    await settle(app, pilot)
    await pilot.press(*keys, "e")
    await finish(app, pilot)
    screen = app.screen
    assert isinstance(screen, ExportScreen)
    return screen


async def finish(app: ClerkApp, pilot: Pilot[None]) -> None:
    """Wait for the preview and the writing, done in threads, and for their answers."""
    await settle(app, pilot)
    await app.workers.wait_for_complete()
    await pilot.pause()


def focused(app: ClerkApp) -> str | None:
    return app.focused.id if app.focused else None


def shown(screen: ExportScreen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def tab_to_path(app: ClerkApp, pilot: Pilot[None]) -> None:
    await tab_to(app, pilot, "export-path")


async def tab_to(app: ClerkApp, pilot: Pilot[None], field: str) -> None:
    for _ in range(8):
        if focused(app) == field:
            return
        await pilot.press("tab")
    raise AssertionError(f"no field {field}")


async def test_e_exports_the_agenda_as_text_exactly_as_clerk_export_prints_it(
    demo_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "june-agenda.txt"
    target.parent.mkdir()
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        assert screen.meeting_id == JUNE
        assert focused(app) == "export-paper"
        await pilot.press("enter", "up", "enter")  # Minutes (it has minutes) -> Agenda front sheet
        await finish(app, pilot)
        assert "MEETING: HEALTH AND WELLBEING BOARD" in shown(screen, "#export-preview")
        await tab_to_path(app, pilot)
        await type_text(pilot, typed(target, tmp_path))
        await pilot.press("f2")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert any(str(target) in n.message for n in app._notifications)
    expected = print_paper(demo_store, "agenda", JUNE, PrintOptions()).text
    assert target.read_text(encoding="utf-8") == expected
    assert sorted(p.name for p in target.parent.iterdir()) == ["june-agenda.txt"]  # no partial file left


async def test_minutes_as_markdown_list_the_warnings_of_an_unfinished_meeting(
    demo_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "december.md"
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot, "down", "down")
        assert screen.meeting_id == DECEMBER
        await pilot.press("enter", "down", "enter")  # Agenda (no minutes yet) -> Minutes
        await pilot.press("tab", "enter", "down", "enter")  # Plain text -> Markdown
        await finish(app, pilot)
        assert screen.query_one("#export-width", Input).disabled  # Markdown does not wrap
        warnings = shown(screen, "#export-warnings")
        assert "The meeting has no chair." in warnings
        assert "No minutes have been recorded for this meeting." in warnings
        assert screen.query_one("#export-path", Input).value.endswith(f"{DECEMBER}-minutes-public.md")
        await tab_to_path(app, pilot)
        await type_text(pilot, typed(target, tmp_path))
        await pilot.press("f2")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert any(n.severity == "warning" and "no chair" in n.message for n in app._notifications)
    expected = print_paper(demo_store, "minutes", DECEMBER, PrintOptions(Format.MARKDOWN)).text
    assert target.read_text(encoding="utf-8") == expected


async def test_one_paragraph_per_line_for_the_public(demo_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "june-public.txt"
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        await pilot.press("tab", "tab")
        assert focused(app) == "export-width"
        await pilot.press("ctrl+a", "ctrl+k", "0")
        await finish(app, pilot)
        assert screen.query_one("#export-paginate", Checkbox).disabled  # pages need a width
        await pilot.press("tab")
        assert focused(app) == "export-public"
        await pilot.press("space")
        await tab_to_path(app, pilot)
        await type_text(pilot, typed(target, tmp_path))
        await pilot.press("f2")
        await finish(app, pilot)
    expected = print_paper(demo_store, "minutes", JUNE, PrintOptions(width=0, public=True)).text
    assert target.read_text(encoding="utf-8") == expected


async def test_the_meeting_as_json_goes_to_the_default_folder_which_is_made(
    demo_store: Store, exports: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        await pilot.press("enter", "down", "enter")  # Minutes -> Meeting (JSON)
        await finish(app, pilot)
        assert screen.query_one("#export-format").disabled
        # The whole record holds the clerk's notes: it is the confidential copy.
        json_path = exports / f"{JUNE}-meeting-confidential.json"
        assert screen.query_one("#export-path", Input).value == str(json_path)
        await pilot.press("f2")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
    assert json_path.read_text(encoding="utf-8") == export_bundle(demo_store, [JUNE])
    assert json_path.stat().st_mode & 0o777 == 0o600
    assert exports.stat().st_mode & 0o777 == 0o700  # the folder it made is private


async def test_a_missing_folder_not_created_is_explained_and_the_dialog_stays_open(
    demo_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "nowhere" / "agenda.txt"
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        await tab_to_path(app, pilot)
        await type_text(pilot, typed(target, tmp_path))
        await finish(app, pilot)
        assert f"There is no folder {target.parent}" in shown(screen, "#export-path-message")
        await pilot.press("f2")
        await finish(app, pilot)
        asked = app.screen
        assert isinstance(asked, ConfirmScreen)
        await pilot.press("n")  # not created
        await finish(app, pilot)
        assert app.screen is screen
        assert "Nothing was written" in shown(screen, "#export-error")
        assert f"There is no folder {target.parent}" in shown(screen, "#export-error")
        assert screen.query_one("#export-path", Input).value == typed(target, tmp_path)  # kept as typed
    assert not target.parent.exists()


async def test_an_existing_file_is_named_and_replaced_whole(demo_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "minutes.txt"
    target.write_text("an older copy\n", encoding="utf-8")
    target.chmod(0o600)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        await tab_to_path(app, pilot)
        await type_text(pilot, typed(target, tmp_path))
        await finish(app, pilot)
        assert f"Replaces the file {target}" in shown(screen, "#export-path-message")
        await pilot.press("f2")
        await finish(app, pilot)
    assert target.read_text(encoding="utf-8") == print_paper(demo_store, "minutes", JUNE, PrintOptions()).text
    assert target.stat().st_mode & 0o777 == 0o600  # a private copy stays private
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


async def test_a_width_that_cannot_be_printed_is_explained_and_nothing_written(
    demo_store: Store, exports: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        await pilot.press("tab", "tab", "ctrl+a", "ctrl+k", "5", "f2")
        await finish(app, pilot)
        assert app.screen is screen
        assert "20 to 250 columns" in shown(screen, "#export-width-message")
        assert screen.query_one("#export-width", Input).value == "5"
    assert not exports.exists()


async def test_the_suggested_file_name_follows_the_choices_until_the_clerk_types_one(
    demo_store: Store, exports: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        path = screen.query_one("#export-path", Input)
        assert path.value == str(exports / f"{JUNE}-minutes-public.txt")  # no exempt business
        await pilot.press("enter", "up", "enter")
        assert path.value == str(exports / f"{JUNE}-agenda-public.txt")
        await tab_to_path(app, pilot)
        await pilot.press(*"board.txt")
        await finish(app, pilot)
        assert f"Saves to {exports / 'board.txt'}" in shown(screen, "#export-path-message")
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "shift+tab")
        assert focused(app) == "export-paper"
        await pilot.press("enter", "down", "enter")
        assert path.value == "board.txt"
        await pilot.press("escape")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
    assert not exports.exists()


def test_a_failed_rename_leaves_the_old_file_and_no_partial_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "agenda.txt"
    target.write_text("the copy sent out\n", encoding="utf-8")

    def full_disk(source: str | os.PathLike[str], destination: str | os.PathLike[str]) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    with pytest.raises(ExportError, match="No space left on device. Nothing was changed."):
        write_export(target, Printed("a new agenda\n", ()))
    assert target.read_text(encoding="utf-8") == "the copy sent out\n"
    assert [p.name for p in tmp_path.iterdir()] == ["agenda.txt"]


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        write_export(tmp_path, Printed("text", ()))


async def test_an_emptied_file_name_is_suggested_again_and_never_written_to(
    demo_store: Store, exports: Path
) -> None:
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        path = screen.query_one("#export-path", Input)
        await tab_to_path(app, pilot)
        await pilot.press("ctrl+a", "ctrl+k")
        assert "Type where to save the file." in shown(screen, "#export-path-message")
        await pilot.press(*["shift+tab"] * 5, "enter", "up", "enter")  # the paper: Agenda front sheet
        await finish(app, pilot)
        assert path.value == str(exports / f"{JUNE}-agenda-public.txt")  # empty: the suggestion comes back
        assert "MEETING: HEALTH AND WELLBEING BOARD" in shown(screen, "#export-preview")
        await tab_to_path(app, pilot)
        await pilot.press("ctrl+a", "ctrl+k", "f2")
        await finish(app, pilot)
        assert app.screen is screen
        assert "Nothing was written" in shown(screen, "#export-error")
        assert "Type where to save the file." in shown(screen, "#export-path-message")
    assert not exports.exists()


def test_a_confidential_copy_is_written_for_the_clerk_alone_and_a_public_one_for_anyone(
    tmp_path: Path,
) -> None:
    target = tmp_path / "out.txt"
    write_export(target, Printed("confidential\n", (), Copy.CONFIDENTIAL))
    assert target.stat().st_mode & 0o777 == 0o600
    public = tmp_path / "public.txt"
    write_export(public, Printed("public\n", (), Copy.PUBLIC))
    assert public.stat().st_mode & 0o777 == 0o644
    target.chmod(0o644)  # a confidential copy over a readable file makes it private
    write_export(target, Printed("confidential again\n", (), Copy.CONFIDENTIAL))
    assert target.stat().st_mode & 0o777 == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "public.txt"]


@pytest.fixture
def canaried(demo_store: Store) -> Store:
    """September with a canary in every field of its exempt business."""
    demo_store.save_person(GUEST)
    meeting = demo_store.meeting(SEPTEMBER)
    plant_exempt_canaries(meeting, member_id="richard-freeman", officer_id="matt-ashton")
    demo_store.save_meeting(meeting)
    return demo_store


async def test_the_public_copy_from_the_dialog_holds_no_exempt_text_and_has_its_own_name(
    canaried: Store, exports: Path
) -> None:
    app = make_app(canaried)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot, "down")
        assert screen.meeting_id == SEPTEMBER
        path = screen.query_one("#export-path", Input)
        assert path.value == str(exports / f"{SEPTEMBER}-minutes-confidential.txt")
        await tab_to(app, pilot, "export-public")
        await pilot.press("space")
        await finish(app, pilot)
        assert path.value == str(exports / f"{SEPTEMBER}-minutes-public.txt")
        assert CANARY not in shown(screen, "#export-preview")
        await pilot.press("f2")
        await finish(app, pilot)
        assert any("(public copy)" in n.message for n in app._notifications)

        await open_export(app, pilot)  # again, the copy for members: as it opens
        await pilot.press("f2")
        await finish(app, pilot)
        assert any("(confidential copy, readable by you alone)" in n.message for n in app._notifications)

        screen = await open_export(app, pilot)  # and the public JSON record
        await pilot.press("enter", "down", "enter")  # Minutes -> Meeting (JSON)
        await tab_to(app, pilot, "export-public")
        await pilot.press("space")
        await finish(app, pilot)
        await pilot.press("f2")
        await finish(app, pilot)
    public = (exports / f"{SEPTEMBER}-minutes-public.txt").read_text(encoding="utf-8")
    confidential = exports / f"{SEPTEMBER}-minutes-confidential.txt"
    record = (exports / f"{SEPTEMBER}-meeting-public.json").read_text(encoding="utf-8")
    assert public == print_paper(canaried, "minutes", SEPTEMBER, PrintOptions(public=True)).text
    for text in (public, record):
        assert CANARY not in text and GUEST.name not in text
    assert CANARY in confidential.read_text(encoding="utf-8")
    assert confidential.stat().st_mode & 0o777 == 0o600
    assert (exports / f"{SEPTEMBER}-minutes-public.txt").stat().st_mode & 0o777 == 0o644


async def test_a_missing_folder_is_created_when_the_clerk_says_so_and_remembered(
    demo_store: Store, tmp_path: Path
) -> None:
    target = tmp_path / "papers" / "2019" / "agenda.txt"
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot)
        await tab_to_path(app, pilot)
        await type_text(pilot, typed(target, tmp_path))
        await finish(app, pilot)
        assert f"There is no folder {target.parent}: exporting offers to create it." in shown(
            screen, "#export-path-message"
        )
        await pilot.press("f2")
        await finish(app, pilot)
        asked = app.screen
        assert isinstance(asked, ConfirmScreen)
        assert asked.question == f"There is no folder {target.parent}. Create it, and write the file there?"
        await pilot.press("y")
        await finish(app, pilot)
        assert isinstance(app.screen, MeetingsScreen)
        assert (
            target.read_text(encoding="utf-8")
            == print_paper(demo_store, "minutes", JUNE, PrintOptions()).text
        )
        again = await open_export(app, pilot, "down")  # the next export starts in that folder
        assert Path(again.query_one("#export-path", Input).value).parent == target.parent


async def test_word_and_pdf_from_the_dialog_are_the_files_clerk_export_writes(
    canaried: Store, exports: Path
) -> None:
    """September: the public PDF withholds every canary; the confidential Word file holds
    them and is readable by the clerk alone. Each holds what `clerk export --format` writes."""
    from clerk_tui.cli_papers import paper_file
    from tests.render.readback import pdf_pages, word_lines

    app = make_app(canaried)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_export(app, pilot, "down")
        assert screen.meeting_id == SEPTEMBER
        await pilot.press("tab", "enter", "down", "down", "down", "enter")  # Plain text -> PDF
        await tab_to(app, pilot, "export-public")
        await pilot.press("space")
        await finish(app, pilot)
        assert screen.query_one("#export-width", Input).disabled
        assert screen.query_one("#export-paginate", Checkbox).disabled
        path = screen.query_one("#export-path", Input)
        assert path.value == str(exports / f"{SEPTEMBER}-minutes-public.pdf")
        preview = shown(screen, "#export-preview")
        assert preview.startswith("[The PDF file holds this text") and CANARY not in preview
        await pilot.press("f2")
        await finish(app, pilot)
        assert any("(public copy)" in n.message for n in app._notifications)

        screen = await open_export(app, pilot)
        await pilot.press("tab", "enter", "down", "down", "enter")  # Plain text -> Word
        await finish(app, pilot)
        assert screen.query_one("#export-path", Input).value == str(
            exports / f"{SEPTEMBER}-minutes-confidential.docx"
        )
        await pilot.press("f2")
        await finish(app, pilot)
        assert any("(confidential copy, readable by you alone)" in n.message for n in app._notifications)
    pdf = exports / f"{SEPTEMBER}-minutes-public.pdf"
    word = exports / f"{SEPTEMBER}-minutes-confidential.docx"
    assert pdf_pages(pdf.read_bytes()) == pdf_pages(
        paper_file(canaried, "minutes", SEPTEMBER, "pdf", public=True)
    )
    assert CANARY not in " ".join(" ".join(pdf_pages(pdf.read_bytes())).split())
    assert word_lines(word.read_bytes()) == word_lines(paper_file(canaried, "minutes", SEPTEMBER, "docx"))
    assert any(CANARY in line for line in word_lines(word.read_bytes()))
    assert pdf.stat().st_mode & 0o777 == 0o644 and word.stat().st_mode & 0o777 == 0o600
