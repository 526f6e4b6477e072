"""The layers hold: the import-linter contracts in pyproject.toml are kept, and the pure core
and the store never load the user interface libraries, even at run time."""

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
FORBIDDEN = ("textual", "rich")

LINT_IMPORTS = (
    "import sys\n"
    "from importlinter.cli import lint_imports\n"
    "sys.exit(lint_imports(no_cache=True, no_logo=True))\n"
)


def test_every_import_linter_contract_is_kept() -> None:
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    result = subprocess.run(
        [sys.executable, "-c", LINT_IMPORTS], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"Contracts: {len(contracts)} kept, 0 broken." in result.stdout, result.stdout


@pytest.mark.parametrize(
    "statement",
    [
        # every name of the domain package (it loads each module when one of its names is asked for)
        "from clerk_tui.domain import *\n"
        "import clerk_tui.domain.codec, clerk_tui.domain.numbering, clerk_tui.domain.dates",
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
        "from clerk_tui.domain import *\nimport clerk_tui.domain.codec, clerk_tui.domain.phrases, sys\n"
        "print(','.join(m for m in ('tinydb', 'store', 'filelock', 'clerk_tui.render') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_no_screen_imports_the_app_even_for_typing() -> None:
    """Screens reach the app through ``clerk_tui.services.ClerkServices``: an import of the
    app, even one only for the type checker, would tie every screen into a circle with it."""
    import ast

    offenders = []
    for path in sorted((ROOT / "clerk_tui" / "screens").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                names = [module] + [f"{module}.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            if any(name == "clerk_tui.app" or name.startswith("clerk_tui.app.") for name in names):
                offenders.append(f"{path.name}:{node.lineno}")
    assert not offenders


def test_the_app_provides_the_services_the_screens_use(tmp_path: Path) -> None:
    """mypy checks this assignment: ClerkApp has every member of ClerkServices, typed alike."""
    from clerk_tui.app import ClerkApp
    from clerk_tui.services import ClerkServices
    from store import Store

    store = Store.open(tmp_path / "store")
    try:
        services: ClerkServices = ClerkApp(store)
        assert services.store is store
        assert services.recovery_folders
    finally:
        store.close()
