"""The malformed-network corpus: each folder gives its expected path:line messages."""

from pathlib import Path

import pytest
from click.testing import CliRunner

from instnet.cli import cli

CORPUS = Path(__file__).parent / "corpus"
CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir() and p.name.endswith("-2000"))


def test_corpus_is_big_enough():
    assert len(CASES) >= 25


@pytest.mark.parametrize("folder", CASES, ids=lambda p: p.name)
def test_case(folder):
    lines = (folder / "expected.txt").read_text().splitlines()
    status, *exact = lines[0].removeprefix("exit: ").split()
    expected = [line.replace("{dir}", str(folder)) for line in lines[1:] if line]
    result = CliRunner().invoke(cli, ["validate", str(folder)])
    assert result.exit_code == int(status), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    printed = result.stderr.splitlines()
    for message in expected:
        assert any(line.startswith(message) for line in printed), f"{message!r} not in:\n{result.stderr}"
    if exact:  # nothing but the expected messages: no cascade after the first problem of a file
        problems = [line for line in printed if line.startswith(str(folder) + "/")]
        assert problems == expected, result.stderr
    if int(status):
        assert "failed validation" in result.stderr
