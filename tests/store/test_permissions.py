"""Minutes may hold exempt (Schedule 12A) business: files 0600, folders 0700, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from store import Store
from tests.store import builders


@pytest.fixture
def open_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(os.stat(root).st_mode)}
    for folder, folders, files in os.walk(root):
        for name in folders + files:
            path = Path(folder, name)
            found[str(path.relative_to(root))] = stat.S_IMODE(os.lstat(path).st_mode)
    return found


@pytest.mark.usefixtures("open_umask")
def test_everything_is_private(tmp_path: Path) -> None:
    root = tmp_path / "a" / "store"
    with Store.open(root) as store:
        store.save_committee(builders.committee())
        store.save_meeting(builders.meeting())
        store.save_meeting(builders.meeting("hwb-2019-09-11"))
    with Store.open(root, backup_interval=timedelta(0)) as store:  # takes a backup
        store.delete_meeting("hwb-2019-09-11")
        store.wait_for_background()
        found = modes(root)
    assert stat.S_IMODE(os.stat(tmp_path / "a").st_mode) == 0o700
    expected_dirs = {".", "meetings", "backups", "deleted"}
    assert expected_dirs <= set(found)
    assert any(name.startswith("backups/") for name in found)
    assert {".clerk.lock", "owner.json", "registry.json", "index.json"} <= set(found)
    for name, mode in found.items():
        is_dir = (root / name).is_dir()
        assert mode == (0o700 if is_dir else 0o600), (name, oct(mode))


@pytest.mark.usefixtures("open_umask")
def test_copied_backups_are_private_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "store"
    with Store.open(root) as store:
        store.save_meeting(builders.meeting())

    def no_links(source: object, target: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    monkeypatch.setattr(os, "link", no_links)
    for _ in range(2):  # the second backup would link the first's copies: they are copied too
        with Store.open(root, backup_interval=timedelta(0)) as store:
            store.save_meeting(builders.meeting("hwb-2019-09-11"))
            assert store.wait_for_background() is not None
    with Store.open(root, backup_interval=timedelta(0)) as store:
        assert store.wait_for_background() is not None
        assert store.last_backup is not None
        copied = store.last_backup / "meetings" / "hwb-2019-06-12.json"
        assert os.stat(copied).st_ino != os.stat(root / "meetings" / "hwb-2019-06-12.json").st_ino
    for name, mode in modes(root).items():
        assert mode == (0o700 if (root / name).is_dir() else 0o600), (name, oct(mode))
