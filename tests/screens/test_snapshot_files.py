"""Every stored snapshot belongs to a test that compares it.

Under pytest-xdist (the suite's default) syrupy cannot tell which snapshots went unused, so a
renamed or deleted test would leave its picture behind unnoticed. This does that check."""

from __future__ import annotations

import ast
from pathlib import Path

HERE = Path(__file__).parent
SNAPSHOTS = HERE / "__snapshots__"


def compared_in(module: Path) -> set[str]:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name.startswith("test_")
    }


def test_every_stored_snapshot_has_its_test() -> None:
    pictures = sorted(SNAPSHOTS.glob("*/*.svg"))
    assert pictures, f"no snapshots under {SNAPSHOTS}"
    orphans = []
    for picture in pictures:
        module = HERE / f"{picture.parent.name}.py"
        test = picture.stem.split("[")[0]  # test_x[80x24].svg is a parametrised test_x
        if not module.exists() or test not in compared_in(module):
            orphans.append(str(picture.relative_to(HERE)))
    assert not orphans, f"snapshots with no test: {orphans}"
