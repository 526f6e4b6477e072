"""The attendance panel, driven by keys in a bare host: each key posts one Command naming
the highlighted person, and the screen (here, the host) does the work."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import DataTable, Static

from clerk_tui.commands import binding_entries
from clerk_tui.domain.attendance import QuorumState
from tests.screens.conftest import SIZE
from widgets.attendance_panel import AttendancePanel, AttendanceRow

ROWS = [
    AttendanceRow("carla", "Cllr. Carla Thomas", "Chair", "present"),
    AttendanceRow("greg", "Cllr. Greg Myers", "Vice-Chair", "present", "arrived 14:20 (item 4)"),
    AttendanceRow("iain", "Cllr. Iain Brodie-Browne", "Member", "withdrawn", "withdrew: interest in item 12"),
    AttendanceRow("linda", "Cllr. Linda Cluskey", "Member", "apologies"),
    AttendanceRow("phil", "Cllr. Phil Hart", "Member", "left"),
    AttendanceRow("diane", "Diane Blair", "Co-opted", "present", counts=False),
]
QUORATE = QuorumState(5, 3)
WHERE = "Now: 4. Early Help Strategy"


class Host(App[None]):
    """Stands in for the live screen: shows the rows and keeps every Command it is sent."""

    def __init__(self, rows: list[AttendanceRow]) -> None:
        super().__init__()
        self.rows = rows
        self.commands: list[AttendancePanel.Command] = []

    def compose(self) -> ComposeResult:
        yield AttendancePanel(id="panel")

    def on_mount(self) -> None:
        panel = self.query_one(AttendancePanel)
        panel.show(self.rows, QUORATE, WHERE)
        panel.focus_list()

    def on_attendance_panel_command(self, command: AttendancePanel.Command) -> None:
        self.commands.append(command)


KEYS = [
    ("p", "present", True),
    ("a", "apologies", True),
    ("x", "absent", True),
    ("r", "arrived", True),
    ("d", "departed", True),
    ("w", "withdrew", True),
    ("b", "returned", True),
    ("s", "substitute", True),
    ("o", "also_present", False),
    ("f", "officer", False),
    ("A", "all_present", False),
    ("u", "undo", True),
    ("i", "declare", True),
    ("c", "elect_chair", True),
    ("n", "printed_name", True),
    ("t", "times", True),
]


@pytest.mark.parametrize(("key", "action", "about_someone"), KEYS)
async def test_each_key_posts_its_command_with_the_highlighted_person(
    key: str, action: str, about_someone: bool
) -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down")
        await pilot.press(key)
        await pilot.pause()
    assert app.commands == [AttendancePanel.Command(action, "iain" if about_someone else None)]


def test_every_command_has_a_key() -> None:
    assert {action for _, action, _ in KEYS} == AttendancePanel.ACTIONS


async def test_an_empty_list_posts_commands_about_no_one() -> None:
    app = Host([])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "A")
        await pilot.pause()
        assert app.query_one(AttendancePanel).highlighted_person() is None
    assert app.commands == [
        AttendancePanel.Command("present", None),
        AttendancePanel.Command("all_present", None),
    ]


async def test_the_header_shows_where_the_meeting_is_and_the_quorum() -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        quorum = app.query_one("#attendance-quorum", Static)
        assert str(app.query_one("#attendance-where", Static).render()) == WHERE
        assert str(quorum.render()) == "Quorum: 5 of 3 needed"
        assert not quorum.has_class("-not-quorate")


async def test_a_lost_quorum_is_flagged_and_cleared_when_regained() -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.query_one(AttendancePanel)
        quorum = app.query_one("#attendance-quorum", Static)
        panel.show(ROWS, QuorumState(2, 3), WHERE)
        await pilot.pause()
        assert "NOT QUORATE" in str(quorum.render())
        assert "2 of 3 needed" in str(quorum.render())
        assert quorum.has_class("-not-quorate")
        normal = app.query_one("#attendance-where", Static).styles.background
        assert quorum.styles.background != normal  # a warning background, not the panel's
        panel.show(ROWS, QuorumState(3, 3), WHERE)
        await pilot.pause()
        assert str(quorum.render()) == "Quorum: 3 of 3 needed"
        assert not quorum.has_class("-not-quorate")


async def test_no_quorum_set_is_said_plainly() -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(AttendancePanel).show(ROWS, QuorumState(4, None), WHERE)
        await pilot.pause()
        quorum = app.query_one("#attendance-quorum", Static)
        assert "no quorum set" in str(quorum.render())
        assert not quorum.has_class("-not-quorate")


async def test_the_cursor_stays_on_the_same_person_after_show() -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.query_one(AttendancePanel)
        await pilot.press("down", "down", "down")  # Linda Cluskey
        assert panel.highlighted_person() == "linda"
        newcomer = AttendanceRow(
            "jjk", "Cllr. John Joseph Kelly", "Substitute", "substitute for Cllr. Phil Hart"
        )
        changed = [
            ROWS[0],
            newcomer,
            *ROWS[1:3],
            AttendanceRow("linda", "Cllr. Linda Cluskey", "Member", "present"),
        ]
        panel.show(changed, QUORATE, "Now: 5. Better Care Fund")
        await pilot.pause()
        assert panel.highlighted_person() == "linda"
        table = app.query_one("#attendance-list", DataTable)
        assert table.cursor_row == 4
        await pilot.press("p")
        await pilot.pause()
    assert app.commands == [AttendancePanel.Command("present", "linda")]


async def test_when_the_highlighted_person_goes_the_cursor_stays_in_place() -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.query_one(AttendancePanel)
        await pilot.press("down", "down", "down", "down", "down")  # the last row
        panel.show(ROWS[:3], QUORATE, WHERE)
        await pilot.pause()
        assert panel.highlighted_person() == "iain"


async def test_rows_keep_their_order_and_read_at_a_glance() -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one("#attendance-list", DataTable)
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == [row.name for row in ROWS]
        marks = {row.person_id: table.get_row(row.person_id) for row in ROWS}
        assert [str(cell) for cell in marks["greg"][1:]] == [
            "Cllr. Greg Myers",
            "present",
            "Vice-Chair",
            "arrived 14:20 (item 4)",
        ]
        assert str(marks["iain"][2]) == "withdrawn"
        # the four states a clerk must tell apart have different marks and colours
        looks = {
            (str(cells[0]), cells[0].style)
            for pid, cells in marks.items()
            if pid in {"carla", "iain", "linda", "phil"}
        }
        assert len(looks) == 4


async def test_the_palette_offers_every_attendance_command_while_the_list_has_focus() -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        titles = {entry.title for entry in binding_entries(app.screen)}
        assert {"Attendance: Present", "Attendance: All present", "Attendance: Declare interest"} <= titles
        assert len([t for t in titles if t.startswith("Attendance: ")]) == len(AttendancePanel.ACTIONS)
        entry = next(e for e in binding_entries(app.screen) if e.title == "Attendance: Back in the room")
        await pilot.press("down")
        await entry.run()
        await pilot.pause()
    assert app.commands == [AttendancePanel.Command("returned", "greg")]


async def test_move_to_puts_the_cursor_on_a_listed_person() -> None:
    app = Host(ROWS)
    async with app.run_test(size=SIZE) as pilot:
        panel = app.query_one(AttendancePanel)
        assert panel.move_to("phil")
        assert not panel.move_to("nobody")
        await pilot.press("b")
        await pilot.pause()
    assert app.commands == [AttendancePanel.Command("returned", "phil")]
