"""The PDF URL fetcher serves only files of the build."""

import pytest
from kwsite.pdf.fetcher import BuildFetcher, RefusedURL
from kwsite.pdf.render import render


@pytest.fixture
def root(tmp_path):
    docs = tmp_path / "content"
    (docs / "img").mkdir(parents=True)
    (docs / "img" / "a.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')
    (tmp_path / "secret.txt").write_text("geheim")
    return docs


def test_serves_memory_and_files_inside_the_docs_dir(root):
    fetcher = BuildFetcher(root, {"grafieken/x.svg": "<svg/>"})
    assert fetcher.fetch((root / "grafieken" / "x.svg").as_uri()).read() == b"<svg/>"
    response = fetcher.fetch((root / "img" / "a.svg").as_uri())
    assert response.content_type == "image/svg+xml" and b"<svg" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/a.svg",
        "https://example.org/a.css",
        "ftp://example.org/a",
        "data:image/svg+xml,<svg/>",
        "file://otherhost/etc/passwd",
        "file:///etc/passwd",
    ],
)
def test_refuses_network_and_other_schemes_and_paths(root, url):
    with pytest.raises((RefusedURL, ValueError)):
        BuildFetcher(root).fetch(url)


def test_refuses_paths_that_climb_out_or_symlink_out(root):
    fetcher = BuildFetcher(root)
    with pytest.raises(RefusedURL):
        fetcher.fetch(root.as_uri() + "/../secret.txt")
    (root / "link.txt").symlink_to(root.parent / "secret.txt")
    with pytest.raises(RefusedURL):
        fetcher.fetch((root / "link.txt").as_uri())
    with pytest.raises(RefusedURL):
        fetcher.fetch((root.parent / "secret.txt").as_uri())


def test_a_document_asking_for_the_network_or_other_files_renders_without_them_and_warns(root):
    html = (
        '<html lang="nl"><title>t</title><body><img src="http://127.0.0.1:9/x.png" alt="x">'
        '<img src="../secret.txt" alt="s"><img src="img/a.svg" alt="a"><img src="weg.svg" alt="w"></body></html>'
    )
    result = render(html, root, {})
    assert result.pages == 1
    assert [w for w in result.warnings if "buiten de build" in w] == [
        "niet gelezen, buiten de build: http://127.0.0.1:9/x.png",
        f"niet gelezen, buiten de build: {(root.parent / 'secret.txt').as_uri()}",
    ]
    assert not any("Failed to load" in w for w in result.warnings)
    assert result.missing == ("weg.svg",)


def test_weasyprint_warnings_are_returned_not_lost(root):
    html = '<html lang="nl"><title>t</title><body><p style="colour-typo: red">x</p></body></html>'
    result = render(html, root, {})
    assert result.pages == 1
    assert any("colour-typo" in w for w in result.warnings), result.warnings
