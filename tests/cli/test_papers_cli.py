"""The papers commands of the real `clerk`: the minutes' lifecycle (circulate, confirm,
sign, verify), Word and PDF exports, printing, the calendar and the register. Each run is
a separate process, as the clerk runs it; none of them loads Textual."""

from __future__ import annotations

import json
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from store import Store
from tests.cli.helpers import clerk, files_of
from tests.fixtures import hwb_2019, hwb_2019_06_12, hwb_2019_09_11

GOLDEN = Path(__file__).parents[1] / "golden"
JUNE, SEPTEMBER = "hwb-2019-06-12", "hwb-2019-09-11"
JUNE_TEXT = (GOLDEN / "hwb-2019-06-12.minutes.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def kept(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("papers") / "store"
    with Store.open(root, backups_to_keep=0) as store:
        for person in hwb_2019.people():
            store.save_person(person)
        store.save_committee(hwb_2019.committee())
        store.save_meeting(hwb_2019_06_12.meeting())
        store.save_meeting(hwb_2019_09_11.meeting())
    return root


@pytest.fixture
def root(kept: Path, tmp_path: Path) -> Path:
    """A fresh copy of the HWB 2019/20 store for a test that changes it."""
    copy = tmp_path / "store"
    shutil.copytree(kept, copy)
    return copy


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return clerk("--store", str(root), *args)


def test_circulate_confirm_sign_and_verify_from_the_shell(root: Path) -> None:
    sent = run(root, "circulate", JUNE, "--on", "20/6/19", "--to", "the Chair")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout == f"{JUNE}: revision 1 of the minutes circulated to the Chair on 2019-06-20\n"
    confirmed = run(root, "confirm", JUNE, "--by", SEPTEMBER)
    assert confirmed.returncode == 0, confirmed.stderr
    assert confirmed.stdout == (
        f"{JUNE}: revision 1 of the minutes confirmed as a correct record by {SEPTEMBER}\n"
    )
    signed = run(root, "sign", JUNE)
    assert signed.returncode == 0, signed.stderr
    assert signed.stdout.startswith(
        f"{JUNE}: signed by Councillor Moncur on 2019-09-11; the minutes are locked"
    )
    with Store.open(root, read_only=True) as store:
        signature = store.meeting(JUNE).record.signature
        assert signature is not None and signature.copy.text == JUNE_TEXT
        assert signature.copy.text_sha256[:12] in signed.stdout
    verified = run(root, "verify")
    assert verified.returncode == 0, verified.stderr
    assert f"{JUNE}\tsigned\tok" in verified.stdout.splitlines()
    assert verified.stdout.splitlines()[-1].startswith("1 signed set of minutes checked; all match")
    exported = run(root, "export", "minutes", JUNE, "--width", "0")
    assert exported.returncode == 0 and exported.stdout == JUNE_TEXT
    before = files_of(root)
    again = run(root, "sign", JUNE, "--chair", "Someone Else")
    assert again.returncode == 1 and again.stdout == ""
    assert again.stderr.startswith(
        "clerk: The minutes of the meeting held on Wednesday 12 June 2019 were signed by"
    )
    assert "can no longer be changed" in again.stderr and "Traceback" not in again.stderr
    assert len(again.stderr.splitlines()) == 1
    assert files_of(root) == before


def test_the_lifecycle_refuses_what_is_out_of_order_plainly_and_changes_nothing(root: Path) -> None:
    before = files_of(root)
    for args, said in [
        (["confirm", JUNE, "--by", SEPTEMBER], "have not been circulated"),
        (["sign", JUNE], "record the confirmation first"),
        (["circulate", JUNE, "--on", "13/13/19"], "13/13/19"),
        (["circulate", "no-such-meeting"], "no-such-meeting"),
        (["confirm", SEPTEMBER, "--by", JUNE], "have not been circulated"),
    ]:
        result = run(root, *args)
        assert result.returncode == 1, args
        assert said in result.stderr and "Traceback" not in result.stderr, (args, result.stderr)
        assert len(result.stderr.splitlines()) == 1, result.stderr
    assert files_of(root) == before


def test_an_amendment_at_confirmation_prints_in_the_confirming_minute(root: Path) -> None:
    assert run(root, "circulate", JUNE, "--on", "20 June 2019").returncode == 0
    amendment = "in Minute No. 5, “Chief Executive” to read “Executive Director”"
    confirmed = run(root, "confirm", JUNE, "--by", SEPTEMBER, "--amendment", amendment)
    assert confirmed.returncode == 0, confirmed.stderr
    assert confirmed.stdout.endswith("subject to 1 amendment\n")
    september = run(root, "export", "minutes", SEPTEMBER, "--width", "0").stdout
    assert f"be confirmed as a correct record, subject to the following amendment: {amendment}." in september


@pytest.mark.parametrize(("fmt", "magic"), [("pdf", b"%PDF-"), ("docx", b"PK\x03\x04")])
def test_word_and_pdf_exports_with_each_copy_private_as_it_should_be(
    kept: Path, tmp_path: Path, fmt: str, magic: bytes
) -> None:
    confidential, public = tmp_path / f"september.{fmt}", tmp_path / f"september-public.{fmt}"
    assert run(kept, "export", "minutes", SEPTEMBER, "--format", fmt, "-o", str(confidential)).returncode == 0
    result = run(kept, "export", "minutes", SEPTEMBER, "--format", fmt, "--public", "-o", str(public))
    assert result.returncode == 0, result.stderr
    assert confidential.read_bytes().startswith(magic) and public.read_bytes().startswith(magic)
    assert stat.S_IMODE(confidential.stat().st_mode) == 0o600
    assert stat.S_IMODE(public.stat().st_mode) == 0o644
    agenda = run(kept, "export", "agenda", JUNE, "--format", fmt, "-o", str(tmp_path / f"agenda.{fmt}"))
    assert agenda.returncode == 0 and (tmp_path / f"agenda.{fmt}").read_bytes().startswith(magic)


def test_a_pdf_can_go_down_a_pipe_and_pages_are_its_own(kept: Path) -> None:
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "clerk_tui",
            "--store",
            str(kept),
            "export",
            "minutes",
            JUNE,
            "--format",
            "pdf",
        ],
        capture_output=True,
        check=False,
    )
    assert piped.returncode == 0 and piped.stdout.startswith(b"%PDF-")
    paged = run(kept, "export", "minutes", JUNE, "--format", "pdf", "--paginate")
    assert paged.returncode == 1 and "leave out --paginate" in paged.stderr


def test_no_printer_says_what_to_do_and_a_printer_gets_the_pdf(kept: Path, tmp_path: Path) -> None:
    bare = run_with_path(kept, tmp_path / "empty-bin", "print", "minutes", JUNE)
    assert bare.returncode == 1
    assert "no printer command on this computer" in bare.stderr
    assert f"clerk export minutes {JUNE} --format pdf" in bare.stderr
    folder = tmp_path / "bin"
    folder.mkdir()
    lp = folder / "lp"
    cat = shutil.which("cat")
    lp.write_text(f'#!/bin/sh\n{cat} > "{tmp_path}/printed.pdf"\necho "request id is Office-7 (1 file(s))"\n')
    lp.chmod(0o755)
    printed = run_with_path(kept, folder, "print", "minutes", JUNE)
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == "request id is Office-7 (1 file(s))\n"
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF-")


def run_with_path(root: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    folder.mkdir(exist_ok=True)
    return clerk("--store", str(root), *args, env={"PATH": str(folder)})


def test_the_calendar_keeps_its_events_on_re_export(kept: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "first.ics", tmp_path / "second.ics"
    for path in (first, second):
        result = run(kept, "calendar", "hwb", "--year", "2019/20", "-o", str(path))
        assert result.returncode == 0, result.stderr
    uids = [
        sorted(line for line in path.read_text().splitlines() if line.startswith("UID:"))
        for path in (first, second)
    ]
    assert len(uids[0]) == 2 and uids[0] == uids[1]
    assert first.read_text().startswith("BEGIN:VCALENDAR")
    bad = run(kept, "calendar", "hwb", "--year", "2019/21")
    assert bad.returncode == 1 and "is not a municipal year" in bad.stderr


def test_the_register_and_a_members_history(kept: Path) -> None:
    register = run(kept, "register", "hwb", "--year", "2019/20", "--format", "csv")
    assert register.returncode == 0, register.stderr
    header, *rows = register.stdout.splitlines()
    assert header.split(",")[:9] == [
        "committee_id",
        "year",
        "person_id",
        "name",
        "role",
        "expected",
        "attended",
        "apologies",
        "absent",
    ]
    assert "hwb,2019/20,ian-moncur,Ian Moncur,chair,2,1,1,0,0,0,0,50" in rows
    history = run(kept, "history", "ian-moncur")
    assert history.returncode == 0, history.stderr
    assert history.stdout.startswith("CLLR. IAN MONCUR\n\nATTENDANCE AT COMMITTEE MEETINGS\n")
    row = next(line for line in history.stdout.splitlines() if line.startswith("Health and"))
    assert row.split()[-9:] == ["2019/20", "2", "1", "1", "0", "0", "0", "0", "50%"]


def test_no_shell_command_loads_textual(root: Path, tmp_path: Path) -> None:
    commands = [
        ["verify"],
        ["export", "minutes", JUNE, "--format", "pdf", "-o", str(tmp_path / "june.pdf")],
        ["export", "agenda", JUNE, "--format", "docx", "-o", str(tmp_path / "june.docx")],
        ["calendar", "hwb", "--year", "2019/20", "-o", str(tmp_path / "hwb.ics")],
        ["register", "hwb", "--year", "2019/20"],
        ["history", "ian-moncur"],
        ["circulate", JUNE, "--to", "the Chair"],
    ]
    code = (
        "import json, sys\n"
        "from clerk_tui.cli import main\n"
        f"codes = [main(['--store', {str(root)!r}, *args]) for args in {json.dumps(commands)}]\n"
        "loaded = sorted({name.split('.')[0] for name in sys.modules} & {'textual', 'rich'})\n"
        "sys.stdout = sys.__stdout__\n"
        "print(json.dumps([codes, loaded]), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    codes, loaded = json.loads(result.stderr.strip().splitlines()[-1])
    assert codes == [0] * len(commands) and loaded == []
