"""Atomic writes keep old content on failure and leave unchanged files alone."""

import os

import pytest

from instnet.atomic import write_atomic


def test_new_file_gets_umask_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        assert write_atomic(tmp_path / "a.txt", "x") is True
    finally:
        os.umask(old)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644


def test_unchanged_content_is_not_rewritten(tmp_path):
    target = tmp_path / "a.txt"
    write_atomic(target, "same")
    before = target.stat().st_mtime_ns
    assert write_atomic(target, "same") is False
    assert target.stat().st_mtime_ns == before


def test_failure_keeps_old_content_and_leaves_no_temp_file(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    write_atomic(target, "old")

    def boom(*args):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_a_failed_write_names_the_file_asked_for_not_its_temporary_twin(tmp_path, monkeypatch):
    """A full disk while rendering: the message names out/view.html, exit status 1, no traceback, no temp file."""
    import errno

    from click.testing import CliRunner

    from instnet.cli import cli

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    target = tmp_path / "out" / "view.html"
    with pytest.raises(OSError) as caught:
        write_atomic(target, "data")
    assert caught.value.errno == errno.ENOSPC and caught.value.filename == str(target)
    result = CliRunner().invoke(cli, ["render", "korea-1961", "-o", str(target)])
    assert result.exit_code == 1
    assert result.output.strip().endswith(f"Error: No space left on device: {target}")
    assert "Traceback" not in result.output
    assert list((tmp_path / "out").iterdir()) == []
