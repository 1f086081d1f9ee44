"""kwsite build removes the previous site with kwsite.cli.remove_tree: everything inside goes, a link is
removed as a link (what it points to stays), and a folder that is not there is no error."""

import os

from kwsite.cli import remove_tree


def test_the_tree_goes_and_links_are_not_followed(tmp_path):
    outside = tmp_path / "buiten"
    (outside / "diep").mkdir(parents=True)
    (outside / "diep" / "bewaar.txt").write_text("blijft", encoding="utf-8")
    old = tmp_path / ".site.oud"
    (old / "a" / "b" / "c").mkdir(parents=True)
    for n, folder in enumerate((old, old / "a", old / "a" / "b" / "c")):
        (folder / f"f{n}.html").write_text("x" * n, encoding="utf-8")
    os.symlink(outside, old / "a" / "link-naar-map")
    os.symlink(outside / "diep" / "bewaar.txt", old / "link-naar-bestand")
    os.symlink(tmp_path / "bestaat-niet", old / "a" / "b" / "dode-link")
    remove_tree(old)
    assert not old.exists() and not old.is_symlink()
    assert (outside / "diep" / "bewaar.txt").read_text(encoding="utf-8") == "blijft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buiten"]


def test_a_missing_folder_or_a_link_to_one(tmp_path):
    remove_tree(tmp_path / "nergens")  # nothing there: nothing happens
    target = tmp_path / "echt"
    target.mkdir()
    (target / "x.txt").write_text("x", encoding="utf-8")
    os.symlink(target, tmp_path / "link")
    remove_tree(tmp_path / "link")  # as rmtree: a link to a folder is not emptied through the link
    assert (target / "x.txt").exists()
