"""Word, PDF and calendar libraries load only when such a file is written: the plain-text
export never pays for lxml, Pillow or fontTools; and the new writers stay pure."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("docx", "fpdf", "lxml", "icalendar", "PIL", "fontTools", "pypdf")


def loaded_after(code: str, names: tuple[str, ...]) -> list[str]:
    script = f"{code}\nimport sys\nprint(','.join(m for m in {names!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return [name for name in result.stdout.strip().split(",") if name]


def test_a_text_export_loads_no_word_pdf_or_calendar_library() -> None:
    code = (
        "import clerk_tui.render, clerk_tui.exporting, clerk_tui.records, clerk_tui.cli_papers\n"
        "import clerk_tui.domain.approval, clerk_tui.domain.register, clerk_tui.render.register\n"
        "from clerk_tui.render import build_minutes, MeetingPapers, print_minutes\n"
        "from tests.fixtures import hwb_2019, hwb_2019_06_12\n"
        "people = {p.id: p for p in hwb_2019.people()}\n"
        "print_minutes(MeetingPapers(hwb_2019_06_12.meeting(), hwb_2019.committee(), people))\n"
    )
    assert loaded_after(code, HEAVY) == []


def test_the_new_writers_and_rules_load_no_user_interface() -> None:
    code = (
        "import clerk_tui.render.docx, clerk_tui.render.pdf, clerk_tui.render.calendar\n"
        "import clerk_tui.records, clerk_tui.cli_papers\n"
    )
    assert loaded_after(code, ("textual", "rich")) == []


def test_the_lifecycle_and_register_know_nothing_of_printing_or_storage() -> None:
    code = "import clerk_tui.domain.approval, clerk_tui.domain.register, clerk_tui.domain.record\n"
    assert loaded_after(code, ("clerk_tui.render", "store", "tinydb")) == []
