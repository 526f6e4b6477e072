"""The README's two commands stay true: CI runs exactly the README's test command."""

from pathlib import Path

ROOT = Path(__file__).parent.parent


def shell_blocks(text: str) -> list[str]:
    blocks: list[str] = []
    current: list[str] = []
    inside = False
    for line in text.splitlines():
        if line.startswith("```sh"):
            inside, current = True, []
        elif line.startswith("```") and inside:
            inside = False
            blocks.append("\n".join(current))
        elif inside:
            current.append(line)
    return blocks


def test_the_first_two_commands_install_and_launch_then_install_and_test() -> None:
    launch, test = shell_blocks((ROOT / "README.md").read_text(encoding="utf-8"))[:2]
    assert "pip install" in launch and "clerk --demo" in launch
    assert "pip install" in test and "[test]" in test and "pytest" in test
    assert "-c constraints.txt" in launch and "-c constraints.txt" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci == test


def test_pytest_finding_no_tests_would_fail_ci() -> None:
    # pytest exits 5 when it collects nothing; .ci/run propagates any non-zero exit.
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "set -euo pipefail" in ci and "|| true" not in ci
