"""The CLI's edges: ids and their advice, placeholders, files it must not overwrite, printed commands."""

import shlex
import shutil

import pytest
from click.testing import CliRunner

from instnet.cli import cli
from instnet.load import bundled_graphs_dir


def _run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


@pytest.mark.parametrize(
    ("bad", "hint"),
    [("Vietnam_2011", "vietnam-2011"), ("vietnam 2011", "vietnam-2011"), ("Việt-Nam-2011", "viet-nam-2011")],
)
def test_new_with_a_bad_id_is_a_usage_error_with_the_right_advice(bad, hint, tmp_path):
    result = _run("new", bad, "--dir", tmp_path)
    assert result.exit_code == 2
    assert f"lower case such as '{hint}'" in result.output
    assert not any(tmp_path.iterdir())


def test_new_prints_a_next_command_the_shell_can_run(tmp_path):
    parent = tmp_path / "my (graphs)"
    result = _run("new", "vietnam-2011", "--dir", parent)
    assert result.exit_code == 0, result.output
    command = result.output.splitlines()[-1].split("run: ", 1)[1]
    args = shlex.split(command)
    assert args == ["instnet", "validate", str(parent / "vietnam-2011")]
    assert _run(*args[1:]).exit_code == 0


def test_scaffold_placeholders_warn_until_replaced(tmp_path):
    _run("new", "vietnam-2011", "--dir", tmp_path)
    folder = tmp_path / "vietnam-2011"
    result = _run("validate", folder)
    assert result.exit_code == 0
    assert (
        f"{folder}/network.toml:7: warning: summary still holds the placeholder text of 'instnet new'" in result.output
    )
    assert (
        f"{folder}/network.toml:13: warning: [references.mine] citation still holds the placeholder text"
        in result.output
    )
    assert f"{folder}/nodes.csv:3: warning: description still the placeholder text of 'instnet new'" in result.output
    assert "ok, 5 warning(s)" in result.output
    toml = folder / "network.toml"
    toml.write_text(toml.read_text().replace("Replace with one paragraph", "The planning ministry"))
    assert "summary still holds" not in _run("validate", folder).output


def _copy(tmp_path, name):
    folder = tmp_path / name
    shutil.copytree(bundled_graphs_dir() / "korea-1961", folder)
    return folder


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("korea_1961", "rename the folder to 'korea-1961'"),
        ("Korea-1961", "rename the folder to 'korea-1961'"),
        ("korea", "rename the folder to 'korea-1961'"),
    ],
)
def test_folder_name_advice_is_right(tmp_path, name, advice):
    result = _run("validate", _copy(tmp_path, name))
    assert result.exit_code == 1
    assert advice in result.output
    assert "-1961-1961" not in result.output


def test_a_variant_suffix_keeps_two_versions_of_one_era(tmp_path):
    for name in ("korea-1961-v2", "korea-1961-coder2"):
        result = _run("validate", _copy(tmp_path, name))
        assert result.exit_code == 0, result.output
        assert "ok" in result.output


def test_render_does_not_overwrite_a_file_instnet_did_not_write(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes")
    result = _run("render", "korea-1961", "-o", notes)
    assert result.exit_code == 1
    assert f"Error: {notes} exists and was not written by instnet: choose another name, or use --force" in result.output
    assert notes.read_text() == "my notes"
    assert _run("render", "korea-1961", "-o", notes, "--force").exit_code == 0
    assert "<html" in notes.read_text()


def test_render_replaces_its_own_page(tmp_path):
    page = tmp_path / "k.html"
    assert _run("render", "korea-1961", "-o", page).exit_code == 0
    assert _run("render", "japan-1955", "-o", page).exit_code == 0
    assert "Japan in the high-growth era" in page.read_text()


def test_diff_html_does_not_overwrite_a_file_instnet_did_not_write(tmp_path):
    notes = tmp_path / "notes.html"
    notes.write_text("<p>mine</p>")
    result = _run("diff", "japan-1955", "japan-2012", "--html", notes)
    assert result.exit_code == 1
    assert notes.read_text() == "<p>mine</p>"


def test_a_local_folder_named_like_a_bundled_id_gets_a_note(tmp_path, monkeypatch):
    shutil.copytree(bundled_graphs_dir() / "korea-1961", tmp_path / "korea-1961")
    monkeypatch.chdir(tmp_path)
    result = _run("show", "korea-1961")
    assert result.exit_code == 0
    assert result.stderr.startswith("note: using the folder ./korea-1961, not the bundled network korea-1961 (")
    monkeypatch.chdir(tmp_path.parent)
    assert "note:" not in _run("show", "korea-1961").stderr
