"""The ``clerk`` parser builds only the sub-command a command line names, and that parser
reads every command line exactly as the parser of all the sub-commands does."""

from __future__ import annotations

import argparse
import contextlib
import io

import pytest

from clerk_tui.cli import COMMANDS, _asked_command, build_parser, parser_for

COMMAND_LINES = [
    ["export", "minutes", "hwb-2019-09-11"],
    ["--store", "/tmp/council", "export", "minutes", "m", "--paginate", "--public", "--width", "60"],
    ["export", "agenda", "m", "--format", "markdown", "-o", "agenda.md", "--store", "/tmp/after"],
    ["--store=/tmp/council", "list"],
    ["--sto", "/tmp/council", "check"],
    ["--store", "export", "list"],  # a store folder called "export"
    ["import", "a.json", "b.txt", "--yes", "--adopt-style"],
    ["search", "public", "health", "--from", "1/4/2019", "--include-exempt", "--limit", "5"],
    ["sign", "m", "--chair", "Councillor Moncur", "--on", "11/9/19"],
    ["confirm", "m", "--by", "n", "--amendment", "one", "--amendment", "two"],
    ["register", "hwb", "--year", "2019/20", "--format", "csv"],
    ["restore", "m", "--from", "20250312-091500-000000"],
    ["init", "--demo"],
    ["--demo"],
    ["--store", "/tmp/council"],
    ["--store", "list"],
    [],
]


@pytest.mark.parametrize("argv", COMMAND_LINES, ids=" ".join)
def test_the_one_command_parser_reads_a_line_as_the_whole_parser_does(argv: list[str]) -> None:
    assert parser_for(argv).parse_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize(
    ("argv", "asked"),
    [
        (["export", "minutes", "m"], "export"),
        (["--store", "/x", "export", "minutes", "m"], "export"),
        (["--store=/x", "list"], "list"),
        (["--store", "export", "list"], "list"),
        (["--demo", "search", "x"], "search"),
        (["-h", "export"], None),  # the top-level help lists every command
        (["--he", "export"], None),
        (["exprot", "minutes", "m"], None),  # argparse names the choices of a mistyped command
        (["--version"], ""),  # options alone: a parser of no sub-command reads them
        (["--store", "/x"], ""),
        (["--sto", "list"], ""),  # a store folder called "list"
        (["--demo"], ""),
        ([], ""),
    ],
)
def test_the_command_asked_for(argv: list[str], asked: str | None) -> None:
    assert _asked_command(argv) == asked


def _choices(parser: argparse.ArgumentParser) -> list[str]:
    (commands,) = (action for action in parser._actions if isinstance(action, argparse._SubParsersAction))
    return list(commands.choices)


def test_a_one_command_parser_knows_that_command_alone_and_the_whole_one_every_command() -> None:
    assert _choices(build_parser("export")) == ["export"]
    assert _choices(build_parser()) == list(COMMANDS)
    assert _choices(build_parser("")) == []


def test_the_top_level_help_still_lists_every_command() -> None:
    help_text = io.StringIO()
    with contextlib.redirect_stdout(help_text), pytest.raises(SystemExit):
        parser_for(["--help"]).parse_args(["--help"])
    for name in COMMANDS:
        assert f"\n    {name} " in help_text.getvalue(), name


def test_a_mistyped_command_is_told_the_choices() -> None:
    error = io.StringIO()
    with contextlib.redirect_stderr(error), pytest.raises(SystemExit):
        parser_for(["exprot", "minutes", "m"]).parse_args(["exprot", "minutes", "m"])
    assert "invalid choice: 'exprot'" in error.getvalue()
    assert "'export'" in error.getvalue() and "'search'" in error.getvalue()
