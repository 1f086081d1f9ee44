"""Work a build does once, not once per page or per process (#20): MkDocs in the process of `kwsite build`,
the parse of a page; plain words skipped by the search folding."""


def test_kwsite_build_runs_mkdocs_in_its_own_process_and_leaves_it_as_it_was(mini, monkeypatch):
    """No second Python process (it imported and read everything again); the exit status, the Dutch lines and
    the previous site on failure as before; afterwards the folder, the environment and MkDocs' logging as they were."""
    import logging
    import os
    import subprocess
    import sys
    from pathlib import Path

    from click.testing import CliRunner
    from conftest import edit

    from kwsite.cli import main

    started = []
    real = subprocess.Popen.__init__

    def popen(self, args, *rest, **kwargs):
        started.append(args)
        return real(self, args, *rest, **kwargs)

    monkeypatch.setattr(subprocess.Popen, "__init__", popen)
    monkeypatch.delenv("KWSITE_OFFLINE", raising=False)
    where, logger = Path.cwd(), logging.getLogger("mkdocs")
    state = (logger.propagate, logger.level, list(logger.handlers), logging.getLogRecordFactory())
    built = CliRunner().invoke(main, ["build", str(mini), "--offline"])
    assert built.exit_code == 0, built.output
    assert "Site gebouwd in" in built.output and f"Gebouwd: {(mini / 'site').resolve()}" in built.output
    assert (mini / "site" / "themas" / "kern.html").is_file()  # --offline reached the build
    assert not [a for a in started if sys.executable in a or "kwsite.dutch" in a], started
    assert "git" in {a[0] for a in started}  # the dates of the data (the test sees what it starts)
    assert Path.cwd() == where and "KWSITE_OFFLINE" not in os.environ
    assert (logger.propagate, logger.level, logger.handlers, logging.getLogRecordFactory()) == state

    before = (mini / "site" / "index.html").read_bytes()
    edit(mini, "data/indicators.yaml", "    theme: kern\n    name: Aandeel", "    theme: kernn\n    name: Aandeel")
    failed = CliRunner().invoke(main, ["build", str(mini)])
    assert failed.exit_code == 1
    assert "Gestopt: de site is niet gebouwd" in failed.output and "onbekend thema 'kernn'" in failed.output
    assert "Bouwen mislukt; de vorige versie in" in failed.output and "Traceback" not in failed.output
    assert (mini / "site" / "index.html").read_bytes() == before
    assert not [p.name for p in mini.iterdir() if p.name.startswith(".site")]
    assert Path.cwd() == where and logger.propagate == state[0]


def test_search_folding_looks_only_at_words_with_marks_and_finds_each():
    from kwsite.searchfold import folded_words

    texts = ("Plain ASCII text, <b>no marks</b>.", "Oekraïne-crisis en ÉÉN straße", "", "€ 7,0 mln; café")
    assert folded_words(*texts) == "oekraine-crisis een cafe"  # straße and € have no combining mark
    assert folded_words(texts[0]) == "" and folded_words("<a title='ë'>x</a>") == ""  # a tag's text is skipped


def test_the_build_parses_each_hand_written_page_once_for_its_tables_and_its_links(mini, monkeypatch):
    """build.text_tables and pagecheck share one Markdown parse per page (they were two); the problems are
    the ones the own parse of pagecheck finds, with their place in the page as written."""
    import markdown

    from kwsite import build, pagecheck
    from kwsite.load import load_site
    from kwsite.mkdocsproject import load

    project = load(mini)
    site, _ = load_site(project.data_dir, project.data_rel)
    texts = pagecheck.read_pages(project)
    texts["a.md"] = "---\ntitle: A\n---\n# Kop A {#kop-a}\n\n| x | y |\n|---|---|\n| 1 | [[agenda.period]] |\n"
    texts["b.md"] = (
        "# B\n\nZie [a](a.md#kop-a), [weg](weg.md), [anker](a.md#geen) en [hier](#b).\n\n<p id='rauw'></p>\n"
    )
    texts["c.md"] = "Title: C\nSummary: meta lines\n\n# C\n\n[b](b.md#rauw) [niet](b.md#nee)\n"  # MultiMarkdown meta
    converted = []
    real = markdown.Markdown.convert

    def convert(self, source):
        converted.append(source)
        return real(self, source)

    monkeypatch.setattr(markdown.Markdown, "convert", convert)
    monkeypatch.setattr(build, "_TABLES", {})
    monkeypatch.setattr(pagecheck, "_READ", {})
    links: dict = {}
    tables = build.text_tables(build.expanded(site, texts), project.markdown_extensions, project.mdx_configs, links)
    assert sorted(links) == ["a.md", "b.md", "index.md"]  # c.md: MkDocs splits its meta lines otherwise
    assert links["b.md"] == (frozenset({"b", "rauw"}), ("#b", "a.md#kop-a", "weg.md", "a.md#geen", "#b"))  # ¶ first
    assert links["a.md"][0] == {"kop-a"} and [d.rows for d in tables["a.md"]] == [(("1", "2019-2022"),)]
    found = pagecheck.page_problems(project, texts, [], links)
    assert len(converted) == len(texts) + 1  # every page once, and c.md a second time for its links
    assert [str(p) for p in found] == [
        "content/a.md pagina staat niet in de nav van mkdocs.yml; zet hem erin of noem hem onder not_in_nav",
        "content/b.md pagina staat niet in de nav van mkdocs.yml; zet hem erin of noem hem onder not_in_nav",
        "content/c.md pagina staat niet in de nav van mkdocs.yml; zet hem erin of noem hem onder not_in_nav",
        "content/b.md:3:28 link 'weg.md' leidt nergens heen: pagina 'weg.md' bestaat niet en wordt niet gegenereerd",
        "content/b.md:3:45 link 'a.md#geen': pagina 'a.md' heeft geen kop of anker '#geen'",
        "content/c.md:6:23 link 'b.md#nee': pagina 'b.md' heeft geen kop of anker '#nee'",
    ]
    monkeypatch.setattr(pagecheck, "_READ", {})
    assert pagecheck.page_problems(project, texts, []) == found  # each page parsed by pagecheck itself
