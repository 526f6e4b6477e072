"""The pure core and the store never load the user interface libraries."""

import subprocess
import sys

import pytest

FORBIDDEN = ("textual", "rich")


@pytest.mark.parametrize(
    "statement",
    [
        "import clerk_tui.domain, clerk_tui.domain.codec, clerk_tui.domain.numbering, clerk_tui.domain.dates",
        "import store",
        "import clerk_tui.render",
        "import clerk_tui.interchange, clerk_tui.interchange.schema",
        "import clerk_tui.exporting",
    ],
)
def test_core_modules_do_not_import_the_ui(statement: str) -> None:
    code = f"{statement}\nimport sys\nprint(','.join(m for m in {FORBIDDEN!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    leaked = [name for name in result.stdout.strip().split(",") if name]
    assert not leaked, f"{statement!r} imported {leaked}"


def test_the_domain_knows_nothing_of_storage() -> None:
    code = (
        "import clerk_tui.domain, clerk_tui.domain.codec, clerk_tui.domain.phrases, sys\n"
        "print(','.join(m for m in ('tinydb', 'store', 'filelock', 'clerk_tui.render') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
