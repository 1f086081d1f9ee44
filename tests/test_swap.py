"""kwsite build puts the new site in place with kwsite.sitefolder.swap: the new folder takes the old one's
place, and the old one goes with everything in it; a link inside is removed as a link (what it points to
stays); without an old site the new one is simply put in place."""

import os

from kwsite.sitefolder import swap


def test_the_old_site_goes_and_links_in_it_are_not_followed(tmp_path):
    outside = tmp_path / "buiten"
    (outside / "diep").mkdir(parents=True)
    (outside / "diep" / "bewaar.txt").write_text("blijft", encoding="utf-8")
    target = tmp_path / "site"
    (target / "a" / "b" / "c").mkdir(parents=True)
    for n, folder in enumerate((target, target / "a", target / "a" / "b" / "c")):
        (folder / f"f{n}.html").write_text("x" * n, encoding="utf-8")
    os.symlink(outside, target / "a" / "link-naar-map")
    os.symlink(outside / "diep" / "bewaar.txt", target / "link-naar-bestand")
    os.symlink(tmp_path / "bestaat-niet", target / "a" / "b" / "dode-link")
    new = tmp_path / ".site.nieuw"
    new.mkdir()
    (new / "index.html").write_text("nieuw", encoding="utf-8")
    swap(new, target)
    assert sorted(p.name for p in target.iterdir()) == ["index.html"]
    assert (target / "index.html").read_text(encoding="utf-8") == "nieuw"
    assert (outside / "diep" / "bewaar.txt").read_text(encoding="utf-8") == "blijft"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["buiten", "site"]


def test_without_an_old_site_the_new_one_is_put_in_place(tmp_path):
    new = tmp_path / ".site.nieuw"
    new.mkdir()
    (new / "index.html").write_text("eerste", encoding="utf-8")
    swap(new, tmp_path / "site")
    assert (tmp_path / "site" / "index.html").read_text(encoding="utf-8") == "eerste"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
