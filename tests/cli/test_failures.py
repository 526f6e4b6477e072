"""Every foreseeable failure of `clerk` is a plain line, never "unexpected error"."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from clerk_tui import cli
from store import Store
from tests.cli.helpers import bundle, clerk, write
from tests.store import builders

COMMANDS = ["init", "list", "import", "export", "check", "restore"]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "store"
    assert clerk("--store", str(path), "init", "--demo").returncode == 0
    return path


def test_store_is_accepted_after_the_command(demo: Path) -> None:
    after = clerk("list", "--store", str(demo))
    assert after.returncode == 0, after.stderr
    assert len(after.stdout.splitlines()) == 3
    assert clerk("--store", str(demo), "list").stdout == after.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_description_and_examples(command: str) -> None:
    shown = clerk(command, "--help")
    assert shown.returncode == 0
    usage, _, rest = shown.stdout.partition("\n\n")
    assert usage.startswith(f"usage: clerk {command}")
    assert len(rest.split("\n\n")[0]) > 40  # a sentence saying what it does
    assert "examples:\n  clerk " in shown.stdout and "--store DIR" in shown.stdout


def test_a_broken_pipe_exits_quietly(demo: Path, private_log: Path) -> None:
    """`clerk list | head -1` printed "unexpected error: [Errno 32] Broken pipe" and logged a traceback."""
    child = subprocess.Popen(
        [sys.executable, "-m", "clerk_tui", "--store", str(demo), "list"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=dict(os.environ),
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # the reader goes away before clerk writes
    error = child.stderr.read().decode()
    child.stderr.close()
    assert child.wait(timeout=60) == cli.EXIT_BROKEN_PIPE
    assert error == ""
    assert not private_log.exists()
    piped = subprocess.run(
        f"{sys.executable} -m clerk_tui --store {demo} list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
    )
    assert piped.stderr == "" and piped.stdout.startswith("hwb-2019-06-12\t")


def test_ctrl_c_exits_130_with_one_line(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_list", interrupted)
    assert cli.main(["--store", str(demo), "list"]) == 130
    assert capsys.readouterr().err == "clerk: interrupted.\n"


def test_ctrl_c_while_the_command_line_is_read_exits_130_too(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(arguments: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "parser_for", interrupted)
    assert cli.main(["list"]) == 130
    assert capsys.readouterr().err == "clerk: interrupted.\n"


def test_a_real_sigint_exits_130(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            # 'ready' is said from inside the command, so the signal never comes while the
            # child is still starting (on a busy machine a second was not always enough);
            # SIGINT gets Python's own handler back, as a terminal gives it: a runner started in
            # the background (`cmd &` in a script) hands its children SIGINT ignored
            "import signal; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "from clerk_tui import cli; import time; "
            "cli._list = lambda args: print('ready', flush=True) or time.sleep(60); "
            "raise SystemExit(cli.main(['list']))",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CLERK_STORE": str(tmp_path / "s")},
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGINT)
    _, error = child.communicate(timeout=60)
    assert child.returncode == 130
    assert error.strip() == "clerk: interrupted."


def test_a_bug_is_logged_to_a_private_file_and_said_in_one_line(
    demo: Path, private_log: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bug(args: object) -> int:
        raise RuntimeError("a real bug")

    monkeypatch.setattr(cli, "_list", bug)
    previous = os.umask(0)
    try:
        assert cli.main(["--store", str(demo), "list"]) == 1
    finally:
        os.umask(previous)
    error = capsys.readouterr().err
    assert error.startswith("clerk: unexpected error: a real bug (details in ") and str(private_log) in error
    assert stat.S_IMODE(private_log.stat().st_mode) == 0o600
    assert stat.S_IMODE(private_log.parent.stat().st_mode) == 0o700
    assert "RuntimeError: a real bug" in private_log.read_text()


def test_output_files_are_written_atomically_and_private_unless_public(demo: Path, tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        for args, name, mode in (
            (["minutes", "hwb-2019-09-11"], "minutes.txt", 0o600),
            (["meeting", "hwb-2019-09-11"], "meeting.json", 0o600),
            (["minutes", "hwb-2019-09-11", "--public"], "public.txt", 0o644),
        ):
            target = tmp_path / name
            result = clerk("--store", str(demo), "export", *args, "-o", str(target))
            assert result.returncode == 0, result.stderr
            assert stat.S_IMODE(target.stat().st_mode) == mode, name
            assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    finally:
        os.umask(previous)


def test_the_public_meeting_json_withholds_the_exempt_item(demo: Path) -> None:
    """Issue 9 finding 3 (F4): --public was silently ignored and every exempt field printed.
    The public record keeps the exempt item's heading only (tests/render/test_public.py
    plants canaries in every field)."""
    result = clerk("--store", str(demo), "export", "meeting", "hwb-2019-09-11", "--public")
    whole = clerk("--store", str(demo), "export", "meeting", "hwb-2019-09-11")
    assert result.returncode == 0 == whole.returncode, result.stderr
    exempt = '"report_of": "the Chief Executive"'  # only the exempt item's, in the demo's September
    assert exempt in whole.stdout and exempt not in result.stdout
    assert "Better Care Fund 2019/20 Plans" in result.stdout


def test_list_neutralises_control_characters_and_says_what_is_damaged(tmp_path: Path) -> None:
    root = tmp_path / "store"
    with Store.open(root) as store:
        store.save_committee(builders.committee("hwb", "Health\x1b]52;c;aGk=\x07 Board\x1b[2J"))
        store.save_meeting(builders.meeting("hwb-2019-06-12"))
        store.save_meeting(builders.meeting("hwb-2019-09-11"))
        store.meeting("hwb-2019-06-12")
    (root / "meetings" / "hwb-2019-09-11.json").write_bytes(b'{"meeting": ')
    with Store.open(root, auto_backup=False) as store, pytest.raises(Exception, match="damaged"):
        store.meeting("hwb-2019-09-11")  # reading it finds the damage
    listed = clerk("--store", str(root), "list")
    assert listed.returncode == 0
    assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout
    assert "Health Board" in listed.stdout
    assert "hwb-2019-09-11" in listed.stdout  # still listed, not dropped
    assert (
        "warning: Meeting hwb-2019-09-11 cannot be read" in listed.stderr and "clerk restore" in listed.stderr
    )


def test_check_and_restore_from_the_shell(demo: Path) -> None:
    with Store.open(demo) as store:  # a backup of the demo
        assert store.wait_for_background() is not None
    live = demo / "meetings" / "hwb-2019-09-11.json"
    good = live.read_bytes()
    live.write_bytes(good[:100])
    checked = clerk("--store", str(demo), "check")
    assert checked.returncode == cli.EXIT_DAMAGED
    assert f"damaged: {live}" in checked.stdout and "clerk restore hwb-2019-09-11" in checked.stdout
    assert "last good copy: backup " in checked.stdout
    restored = clerk("--store", str(demo), "restore", "hwb-2019-09-11")
    assert restored.returncode == 0, restored.stderr
    assert "restored meeting hwb-2019-09-11 from backup" in restored.stdout
    assert live.read_bytes() == good
    kept = list((demo / "deleted").glob("hwb-2019-09-11.before-restore-*.json"))
    assert len(kept) == 1 and kept[0].read_bytes() == good[:100]
    again = clerk("--store", str(demo), "check")
    assert again.returncode == 0 and again.stdout.startswith("every record reads")
    nothing = clerk("--store", str(demo), "restore", "hwb-2019-09-11", "--from", "19990101-000000-000000")
    assert nothing.returncode == 1 and "unexpected" not in nothing.stderr


def test_a_symlink_or_a_folder_in_place_of_a_meeting_is_reported(demo: Path, tmp_path: Path) -> None:
    """F13: both silently dropped out of `list` and out of the rewritten index."""
    meetings = demo / "meetings"
    outside = tmp_path / "outside.json"
    (meetings / "hwb-2019-06-12.json").rename(outside)
    (meetings / "hwb-2019-06-12.json").symlink_to(outside)
    (meetings / "hwb-2019-12-04.json").unlink()
    (meetings / "hwb-2019-12-04.json").mkdir()
    listed = clerk("--store", str(demo), "list")
    assert [line.split("\t")[0] for line in listed.stdout.splitlines()] == [
        "hwb-2019-06-12",
        "hwb-2019-09-11",
        "hwb-2019-12-04",
    ]
    assert "hwb-2019-06-12" in listed.stderr and "hwb-2019-12-04" in listed.stderr
    checked = clerk("--store", str(demo), "check")
    assert checked.returncode == cli.EXIT_DAMAGED
    assert "symbolic link" in checked.stdout and "folder" in checked.stdout


def _as_unprivileged(args: list[str]) -> list[str]:
    """As root the kernel skips permission checks: drop every capability, as the tester did."""
    if os.geteuid() != 0:
        return args
    return ["setpriv", "--bounding-set=-all", "--inh-caps=-all", *args]


def test_a_read_only_store_lists_exports_and_refuses_import_plainly(demo: Path, tmp_path: Path) -> None:
    document = write(tmp_path / "b.json", bundle(meetings=1))
    os.chmod(demo, 0o500)
    try:
        run = [sys.executable, "-m", "clerk_tui", "--store", str(demo)]
        env = {**os.environ}
        listed = subprocess.run(
            _as_unprivileged([*run, "list"]), capture_output=True, text=True, env=env, check=False
        )
        assert listed.returncode == 0, listed.stderr
        assert len(listed.stdout.splitlines()) == 3
        exported = subprocess.run(
            _as_unprivileged([*run, "export", "minutes", "hwb-2019-06-12"]),
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert exported.returncode == 0, exported.stderr
        imported = subprocess.run(
            _as_unprivileged([*run, "import", str(document)]),
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )
        assert imported.returncode == 1
        assert "Permission denied" in imported.stderr and ".tmp" not in imported.stderr
        assert "unexpected" not in imported.stderr and len(imported.stderr.splitlines()) == 1
    finally:
        os.chmod(demo, 0o700)


def test_the_app_opens_a_store_it_cannot_write_read_only(demo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """_launch hands the app a read-only store that says why, instead of failing to start."""
    import errno

    from store.files import Files

    class FullDisk(Files):
        def call(self, step: str, action, *args):  # type: ignore[no-untyped-def]
            if step in ("create", "write"):
                raise OSError(errno.ENOSPC, "No space left on device")
            return action(*args)

    opened: list[Store] = []
    real_open = Store.open

    def open_on_a_full_disk(root: Path, **options):  # type: ignore[no-untyped-def]
        return real_open(root, files=FullDisk(), **options)

    class FakeApp:
        return_code = 0

        def __init__(self, store: Store, **options: object) -> None:
            opened.append(store)

        def run(self) -> None:
            store = opened[0]
            assert store.read_only and store.read_only_reason == "the disk is full"
            assert "read-only because the disk is full" in str(store.problems[0])
            with pytest.raises(Exception, match="read-only because the disk is full"):
                store.save_meeting(builders.meeting("hwb-2020-01-01"))

    import clerk_tui.app

    monkeypatch.setattr(Store, "open", staticmethod(open_on_a_full_disk))
    monkeypatch.setattr(clerk_tui.app, "ClerkApp", FakeApp)
    assert cli.main(["--store", str(demo)]) == 0
    assert len(opened) == 1


@pytest.mark.parametrize("command", COMMANDS)
def test_the_shell_commands_never_load_textual_or_rich(demo: Path, tmp_path: Path, command: str) -> None:
    arguments = {
        "init": ["init"],
        "list": ["list"],
        "import": ["import", str(write(tmp_path / "b.json", bundle(meetings=1)))],
        "export": ["export", "minutes", "hwb-2019-09-11"],
        "check": ["check"],
        "restore": ["restore", "hwb-2019-09-11"],
    }[command]
    code = (
        "import sys\nfrom clerk_tui.cli import main\n"
        f"code = main({['--store', str(demo), *arguments]!r})\n"
        "print(sorted(m for m in ('textual', 'rich') if m in sys.modules), file=sys.stderr)\n"
    )
    if command == "restore":
        with Store.open(demo) as store:
            store.wait_for_background()
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stderr.strip().splitlines()[-1] == "[]", result.stderr
    _ = json
