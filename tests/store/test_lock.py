"""One writer per store; a second clerk is told who has it; a killed holder leaves no lock."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from store import Store, StoreLockedError
from tests.store import builders

TRY_OPEN = textwrap.dedent(
    """
    import sys
    from store import Store, StoreLockedError
    try:
        with Store.open(sys.argv[1], read_only=sys.argv[2] == "ro") as store:
            print("opened", len(store.meeting_summaries()))
    except StoreLockedError as error:
        print("locked", error.pid)
        print(error)
    """
)


def try_open(root: Path, mode: str = "rw") -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", TRY_OPEN, str(root), mode],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_second_process_is_refused_and_told_who(filled: Path) -> None:
    with Store.open(filled):
        owner = json.loads((filled / "owner.json").read_text())
        assert owner["pid"] == os.getpid() and owner["host"] == socket.gethostname()
        lines = try_open(filled)
        assert lines[0] == f"locked {os.getpid()}"
        assert f"process {os.getpid()} on {socket.gethostname()}, since " in lines[1]
        assert lines[1].startswith(f"The store {filled} is in use by another clerk (")
        assert lines[1].endswith("Close it there first.")
        # A read-only open still works while the store is locked.
        assert try_open(filled, "ro") == ["opened 3"]
    assert try_open(filled) == ["opened 3"]
    assert not (filled / "owner.json").exists()


def test_second_open_in_the_same_process_is_refused(filled: Path) -> None:
    with Store.open(filled):
        with pytest.raises(StoreLockedError, match="already open here"):
            Store.open(filled)
        with Store.open(filled, read_only=True) as viewer:
            assert len(viewer.meeting_summaries()) == 3
    with Store.open(filled):
        pass


def test_a_failed_open_releases_the_lock(filled: Path) -> None:
    (filled / "index.json").write_text("{")
    with pytest.raises(Exception, match="damaged"):
        Store.open(filled)
    (filled / "index.json").unlink()
    with Store.open(filled) as store:  # index rebuilt from the meeting files
        assert len(store.meeting_summaries()) == 3


HOLD = textwrap.dedent(
    """
    import sys, time
    from store import Store
    store = Store.open(sys.argv[1])
    print("holding", flush=True)
    time.sleep(60)
    """
)


def test_a_killed_holder_leaves_no_stale_lock(filled: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(filled)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "holding"
        with pytest.raises(StoreLockedError) as caught:
            Store.open(filled)
        assert caught.value.pid == child.pid
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert json.loads((filled / "owner.json").read_text())["pid"] == child.pid  # stale
    with Store.open(filled) as store:
        assert json.loads((filled / "owner.json").read_text())["pid"] == os.getpid()
        store.save_meeting(builders.meeting("hwb-2020-01-15"))


def test_locked_message_without_owner_file() -> None:
    error = StoreLockedError(Path("/x"))
    assert str(error) == "The store /x is in use by another clerk. Close it there first."


def test_a_store_killed_without_closing_is_recognised_at_the_next_open(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import sys

    from store import Store
    from tests.store.builders import meeting as make_meeting

    root = tmp_path / "store"
    with Store.open(root) as store:
        assert store.unclean_shutdown() is None
        store.save_meeting(make_meeting("hwb-2019-06-12"))
    child = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"from store import Store; s = Store.open({str(root)!r}); print('open', flush=True); "
            "import time; time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "open"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    with Store.open(root) as store:
        note = store.unclean_shutdown()
        assert note is not None and note.pid == child.pid
        assert note.last_meeting == "hwb-2019-06-12" and note.last_saved is not None
    with Store.open(root) as store:  # closed cleanly this time
        assert store.unclean_shutdown() is None


def test_a_deleted_lock_file_does_not_let_a_second_clerk_in(filled: Path) -> None:
    """F18: with .clerk.lock deleted under a running clerk, a second one opened (two writers)
    and said "Recovered"."""
    child = subprocess.Popen([sys.executable, "-c", HOLD, str(filled)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "holding"
        (filled / ".clerk.lock").unlink()
        with pytest.raises(StoreLockedError) as caught:
            Store.open(filled)
        assert caught.value.pid == child.pid
        assert json.loads((filled / "owner.json").read_text())["pid"] == child.pid  # untouched
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.stdout is not None:
            child.stdout.close()
    with Store.open(filled) as store:  # the holder is gone: the store opens, and says it was not closed
        note = store.unclean_shutdown()
        assert note is not None and note.pid == child.pid
