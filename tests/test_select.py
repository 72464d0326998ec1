"""Selecting a set of networks from bundled ids, network folders and folders of networks."""

import shutil

import pytest

from instnet.errors import NetworkNotFound, SelectionError
from instnet.load import bundled_graphs_dir, bundled_ids, select


@pytest.fixture
def mine(tmp_path):
    """A folder of two user networks (copies of bundled ones, renamed)."""
    folder = tmp_path / "mygraphs"
    for source, name in (("korea-1961", "vietnam-2011"), ("japan-1955", "laos-2016")):
        shutil.copytree(bundled_graphs_dir() / source, folder / name)
    return folder


def test_nothing_selects_the_bundled_networks():
    assert list(select()) == bundled_ids()


def test_a_mix_of_ids_network_folders_and_folders_of_networks(mine, tmp_path):
    shutil.copytree(bundled_graphs_dir() / "thailand-1980", tmp_path / "more" / "cambodia-1993")
    chosen = select(["korea-1961", mine / "vietnam-2011", tmp_path / "more", "japan-1955"])
    assert list(chosen) == ["korea-1961", "vietnam-2011", "cambodia-1993", "japan-1955"]
    assert chosen["korea-1961"] == bundled_graphs_dir() / "korea-1961"
    assert chosen["cambodia-1993"] == tmp_path / "more" / "cambodia-1993"


def test_folder_of_networks_expands_in_id_order(mine):
    assert list(select([mine])) == ["laos-2016", "vietnam-2011"]
    assert select([mine])["laos-2016"] == mine / "laos-2016"


def test_with_bundled_adds_them_last(mine):
    chosen = select([mine], with_bundled=True)
    assert list(chosen)[:2] == ["laos-2016", "vietnam-2011"]
    assert list(chosen)[2:] == bundled_ids()


def test_the_same_network_twice_is_an_error_naming_both(mine):
    with pytest.raises(SelectionError, match=r"'vietnam-2011' is selected twice: .*mygraphs/vietnam-2011 and .*mygraphs/vietnam-2011"):
        select([mine, mine / "vietnam-2011"])


def test_two_networks_with_one_id_is_an_error_naming_both_paths(mine, tmp_path):
    shutil.copytree(bundled_graphs_dir() / "korea-1961", tmp_path / "other" / "korea-1961")
    with pytest.raises(SelectionError, match=r"two networks have the id 'korea-1961': .*other/korea-1961 and .*graphs/korea-1961"):
        select([tmp_path / "other"], with_bundled=True)


def test_a_folder_without_networks_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(NetworkNotFound, match="neither a network folder .* nor a folder of networks"):
        select([tmp_path / "empty"])


def test_an_unknown_id_is_an_error_with_a_hint():
    with pytest.raises(NetworkNotFound, match="Did you mean 'korea-1961'"):
        select(["korea-196"])
