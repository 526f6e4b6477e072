"""``clerk import FILE.txt`` and ``clerk search``, run as the clerk runs them: a real
process on a real store folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.test_cli import clerk
from tests.render.readback import SEPTEMBER_MARKING, confidential_text

PAPERS = Path(__file__).parent.parent / "reading" / "papers"
GOLDEN = Path(__file__).parent.parent / "golden"
JUNE = PAPERS / "000-hwb-2019-09-11-pack-start.txt"
SEPTEMBER = PAPERS / "001-hwb-2019-12-04-pack-start.txt"
FRONT_SHEET = PAPERS / "003-hwb-2023-03-08-front-sheet.txt"


def listed(store: Path) -> list[str]:
    return [line.split("\t")[0] for line in clerk("--store", str(store), "list").stdout.splitlines()]


def test_a_text_file_is_previewed_then_stored_with_yes(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = clerk("--store", str(store), "import", "--yes", str(JUNE))
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "minutes of Health and Wellbeing Board, 12 June 2019, 10 minutes" in out
    assert "  5. SEND OFSTED/CQC REVIEW: 13 blocks; resolution in 5 parts" in out
    assert "Call-in banner: yes" in out
    assert "line 296: minute 7: table: row 4: no full stop ended its last cell" in out
    assert "lines 518-559 (28 lines, from “Report to: Health and”): after the minutes" in out
    assert out.rstrip().endswith("stored hwb-2019-06-12")
    assert listed(store) == ["hwb-2019-06-12"]
    exported = clerk("--store", str(store), "export", "minutes", "hwb-2019-06-12", "--width", "0")
    assert exported.stdout == (GOLDEN / "hwb-2019-06-12.minutes.txt").read_text(encoding="utf-8")


def test_the_minutes_of_a_year_imported_in_turn_each_print_as_published(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert clerk("--store", str(store), "import", "--yes", str(JUNE)).returncode == 0
    september = clerk("--store", str(store), "import", "--yes", str(SEPTEMBER))
    assert september.returncode == 0, september.stderr
    assert "membership: added butcher, dr-rob-caudwell; members put in the order" in september.stdout
    june = clerk("--store", str(store), "export", "minutes", "hwb-2019-06-12", "--width", "0")
    assert june.stdout == (GOLDEN / "hwb-2019-06-12.minutes.txt").read_text(encoding="utf-8")
    # September's seed prints exempt minute 22: it is read back as the confidential copy.
    september_printed = clerk("--store", str(store), "export", "minutes", "hwb-2019-09-11", "--width", "0")
    assert september_printed.stdout == confidential_text("hwb-2019-09-11.minutes.txt", SEPTEMBER_MARKING)


def test_without_yes_and_without_a_terminal_nothing_is_stored(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = clerk("--store", str(store), "import", str(FRONT_SHEET))
    assert result.returncode == 1
    assert "front sheet of Health and Wellbeing Board, 08 March 2023, 11 agenda items" in result.stdout
    assert "Not stored: there is no terminal to ask on; run again with --yes" in result.stdout
    assert listed(store) == []


def test_asked_on_a_terminal_the_answer_decides(tmp_path: Path) -> None:
    store = tmp_path / "store"
    arguments = ["--store", str(store), "import", str(FRONT_SHEET)]
    code = (
        "import sys; sys.stdin.isatty = lambda: True; import builtins; builtins.input = lambda prompt: 'y';"
        f"from clerk_tui.cli import main; sys.exit(main({arguments!r}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert listed(store) == ["hwb-2023-03-08"]


def test_a_file_that_is_not_a_paper_stores_nothing_not_even_the_good_one(tmp_path: Path) -> None:
    store = tmp_path / "store"
    bad = tmp_path / "letter.txt"
    bad.write_text("Dear Clerk,\nPlease find attached.\n", encoding="utf-8")
    result = clerk("--store", str(store), "import", "--yes", str(FRONT_SHEET), str(bad))
    assert result.returncode == 1
    assert "neither a set of minutes" in result.stdout
    assert result.stderr.startswith("clerk: nothing imported:") and "letter.txt" in result.stderr
    assert "Traceback" not in result.stderr
    assert listed(store) == []


def test_a_paper_already_in_the_store_is_not_stored_twice(tmp_path: Path) -> None:
    store = tmp_path / "store"
    clerk("--store", str(store), "import", "--yes", str(JUNE))
    again = clerk("--store", str(store), "import", "--yes", str(JUNE))
    assert again.returncode == 1
    assert "already holds Health and Wellbeing Board on 12 June 2019 (hwb-2019-06-12)" in again.stderr
    assert listed(store) == ["hwb-2019-06-12"]


def test_text_and_json_files_are_imported_separately(tmp_path: Path) -> None:
    bundle = tmp_path / "meeting.json"
    bundle.write_text("{}", encoding="utf-8")
    result = clerk("--store", str(tmp_path / "store"), "import", str(JUNE), str(bundle))
    assert result.returncode == 1 and "separately" in result.stderr


def test_json_files_still_go_to_the_interchange_import(tmp_path: Path) -> None:
    bundle = tmp_path / "meeting.json"
    bundle.write_text("not json", encoding="utf-8")
    result = clerk("--store", str(tmp_path / "store"), "import", str(bundle))
    assert result.returncode == 1 and "nothing imported" in result.stderr


def test_search_finds_ranked_words_in_context_with_filters(tmp_path: Path) -> None:
    store = tmp_path / "store"
    clerk("--store", str(store), "import", "--yes", str(JUNE))
    clerk("--store", str(store), "import", "--yes", str(SEPTEMBER))
    found = clerk("--store", str(store), "search", "draft", "a", "response", "--resolutions")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0].startswith("hwb-2019-09-11  11 Sep 2019  Health and Wellbeing Board  minute 16")
    assert lines[0].endswith("[resolution]")
    assert "«draft» «a» «response»" in lines[1]
    declared = clerk("--store", str(store), "search", "interest", "--declarations", "--member", "Freeman")
    assert "Richard Freeman declared a personal «interest»" in declared.stdout
    none = clerk("--store", str(store), "search", "dissemination", "--to", "30/6/19")
    assert none.stdout == "No matches.\n"
    june = clerk(
        "--store", str(store), "search", "Ofsted", "--from", "1/6/19", "--to", "30/6/19", "--limit", "3"
    )
    assert len(june.stdout.splitlines()) == 6 and "hwb-2019-06-12" in june.stdout


def test_exempt_text_only_with_the_flag_that_says_so(tmp_path: Path) -> None:
    store = tmp_path / "store"
    clerk("--store", str(store), "import", "--yes", str(SEPTEMBER))
    hidden = clerk("--store", str(store), "search", "submission", "NHS", "England")
    assert hidden.stdout == "No matches.\n"  # minute 22 is exempt: its text is Part 2
    shown = clerk("--store", str(store), "search", "submission", "NHS", "England", "--include-exempt")
    assert shown.stdout.startswith("Exempt (Part 2) text is shown, marked NOT FOR PUBLICATION")
    assert "NOT FOR PUBLICATION (exempt)" in shown.stdout


def test_search_mistakes_are_one_clear_line(tmp_path: Path) -> None:
    store = tmp_path / "store"
    clerk("--store", str(store), "import", "--yes", str(JUNE))
    for args, message in (
        (["search", "x", "--from", "31/02/2019"], "--from/--to:"),
        (["search", "x", "--member", "Nobody Known"], "No one in the store is called"),
        (["search", "?!"], "Type a word"),
        (["search", "x", "--committee", "Licensing"], "No committee in the index"),
    ):
        result = clerk("--store", str(store), *args)
        assert result.returncode == 1 and message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_the_commands_load_no_user_interface_library() -> None:
    code = (
        "import clerk_tui.cli, clerk_tui.cli_reading, clerk_tui.importing, clerk_tui.reading, store.search\n"
        "from clerk_tui.cli import build_parser; build_parser()\n"
        "import sys; print([m for m in ('textual', 'rich') if m in sys.modules])"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
