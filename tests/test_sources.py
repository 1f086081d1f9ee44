"""Source references (kwsite/sources.py): every narrative paragraph of the three sites' content and
every data record with narrative text names the seed lines it rests on, in the exact format, and
those lines exist in the seed. The references never reach a reader (HTML, search index, PDF).

Seeds: ``$KWSITE_SEEDS``, else ``shared/seeds`` beside the clone or one level higher (CI has
``../shared``; a worktree in ``wt/`` finds ``../../shared``). Without them only the line-range check
is skipped; presence and format are always checked."""

import json
import os
from pathlib import Path

import pytest

from conftest import ROOT
from kwsite.build import load_site
from kwsite.pdf.markup import convert
from kwsite.sanitize import clean_html
from kwsite.sources import all_refs, blocks, needs_ref, parse, records

SITES = {"flagship": ROOT, "noorderpoort": ROOT / "examples" / "noorderpoort", "clusius": ROOT / "examples" / "clusius"}


def seed_dir() -> Path | None:
    candidates = [Path(os.environ["KWSITE_SEEDS"])] if os.environ.get("KWSITE_SEEDS") else []
    candidates += [ROOT.parent / "shared" / "seeds", ROOT.parent.parent / "shared" / "seeds"]
    return next((c for c in candidates if c.is_dir()), None)


def seed_lengths() -> dict[str, int]:
    """``"S3"`` → number of lines of seed 003_…"""
    folder = seed_dir()
    if folder is None:
        pytest.skip("seeds niet gevonden (zet KWSITE_SEEDS); alleen het bereik wordt dan niet gecontroleerd")
    out = {}
    for path in sorted(folder.glob("00[0-4]_*.txt")):
        out[f"S{int(path.name[:3])}"] = len(path.read_text(encoding="utf-8").splitlines())
    assert len(out) == 5, sorted(out)
    return out


def pages(site: Path) -> list[Path]:
    return sorted((site / "content").rglob("*.md"))


def markdown_refs(site: Path) -> list[tuple[str, str]]:
    out = []
    for page in pages(site):
        found, _ = blocks(page.read_text(encoding="utf-8"))
        out += [(f"{page.relative_to(site)}:{b.line}", b.ref) for b in found if b.ref]
    return out


@pytest.mark.parametrize("name", SITES)
def test_every_narrative_block_has_a_source_reference(name):
    site = SITES[name]
    missing, bad = [], []
    for page in pages(site):
        found, problems = blocks(page.read_text(encoding="utf-8"))
        rel = page.relative_to(site)
        missing += [f"{rel}:{b.line}: {b.text.splitlines()[0][:70]}" for b in found if b.ref is None]
        bad += [f"{rel}:{line}: {message}" for line, message in problems]
    assert pages(site), f"geen Markdown in {site}/content"
    assert not bad, "\n".join(bad)
    assert not missing, f"{len(missing)} alinea's zonder <!-- bron: … -->:\n" + "\n".join(missing)


@pytest.mark.parametrize("name", SITES)
def test_every_data_record_with_narrative_text_has_a_source_reference(name):
    site, _ = load_site(SITES[name] / "data")
    checked = list(records(site))
    assert len(checked) > 5
    missing = [where for where, record in checked if needs_ref(record) and not record.source_ref]
    assert not missing, "records met tekst zonder source_ref:\n" + "\n".join(missing)


@pytest.mark.parametrize("name", SITES)
def test_referenced_lines_exist_in_the_seed(name):
    lengths = seed_lengths()
    site, _ = load_site(SITES[name] / "data")
    refs = markdown_refs(SITES[name]) + [(where, ref) for where, record in records(site) for ref in all_refs(record)]
    assert refs
    wrong = []
    for where, ref in refs:
        for span in parse(ref):
            if span.seed not in lengths or not 1 <= span.start <= span.end <= lengths[span.seed]:
                wrong.append(f"{where}: {ref} ({span.seed} heeft {lengths.get(span.seed, 0)} regels)")
    assert not wrong, "\n".join(wrong)


# --- the checker itself ----------------------------------------------------------------------------


def test_parse_reads_ranges_seeds_and_redactie():
    spans = parse("S4 r. 2134-2137, 2167; S1 r. 5-9; redactie")
    assert [(s.seed, s.start, s.end) for s in spans] == [("S4", 2134, 2137), ("S4", 2167, 2167), ("S1", 5, 9)]
    assert parse("redactie") == []
    for wrong in ("S3 r 12", "S3 r. 12-", "S5 r. 1", "S3 r. 12,13", "s3 r. 1", "bron: S3 r. 1", "S3 r. 9-3"):
        with pytest.raises(ValueError):
            parse(wrong)


def test_blocks_find_missing_and_misplaced_references():
    text = (
        "---\ntitle: x\n---\n# Kop\n\n<!-- bron: S3 r. 1-2 -->\nAlinea een.\nnog een regel.\n\n"
        "Alinea zonder bron.\n\n**Ambities:**\n\n<!-- bron: S3 r. 4 -->\n- een\n\n- twee\n    vervolg\n\n"
        "<!-- bron: S3 r 4 -->\nFout formaat.\n\n<!-- bron: redactie -->\n\nLos van de alinea.\n\n"
        "<!-- bron: redactie -->\n| a | b |\n|---|---|\n| 1 | 2 |\n\n**Doelen:**\n\n- na een label een nieuwe lijst\n"
    )
    found, problems = blocks(text)
    assert [(b.line, b.ref) for b in found] == [
        (7, "S3 r. 1-2"),
        (10, None),
        (15, "S3 r. 4"),
        (21, None),
        (25, None),
        (28, "redactie"),
        (34, None),
    ]
    assert [line for line, _ in problems] == [20, 23]
    assert blocks("# Toegankelijkheid\n\n<!-- bron: redactie, hele pagina -->\nEigen tekst.\n\nNog een alinea.\n") == (
        [],
        [],
    )
    assert blocks("# Kop\n\nTekst.\n\n<!-- bron: redactie, hele pagina -->\n")[0][0].ref is None


def test_a_record_with_narrative_text_needs_a_reference_unless_its_parts_carry_one():
    from kwsite.model import Goal, Theme

    bare = Theme(id="t", number=1, title="T", short_title="T")
    assert not needs_ref(bare)
    assert needs_ref(bare.model_copy(update={"summary": "Tekst"}))
    with_goal = bare.model_copy(update={"goals": [Goal(id="a", text="Doel")]})
    assert needs_ref(with_goal)
    assert not needs_ref(bare.model_copy(update={"goals": [Goal(id="a", text="Doel", source_ref="S4 r. 1")]}))


def test_data_refuses_a_malformed_reference():
    from pydantic import ValidationError

    from kwsite.model import Measure

    Measure(id="m", theme="t", group="programma", title="M", source_ref="S3 r. 6031-6040")
    with pytest.raises(ValidationError):
        Measure(id="m", theme="t", group="programma", title="M", source_ref="S3, r. 6031")


# --- never shown to readers -----------------------------------------------------------------------


def test_references_do_not_reach_the_print_html():
    html = convert("# Kop\n\n<!-- bron: S3 r. 1-2 -->\nAlinea.\n", "a.md", {"a.md"}, ["tables", "footnotes"], {}).html
    assert "<!--" in html  # Markdown passes the comment on; the sanitizer must remove it
    cleaned = clean_html(html, single_document=True)
    assert "bron" not in cleaned and "<p>Alinea.</p>" in cleaned


def test_references_do_not_reach_the_site_or_the_search_index(flagship_site):
    assert any("<!-- bron:" in p.read_text(encoding="utf-8") for p in pages(ROOT))
    for path in flagship_site.rglob("*.html"):
        assert "bron: S" not in path.read_text(encoding="utf-8"), path
        assert "bron: redactie" not in path.read_text(encoding="utf-8"), path
    index = json.loads((flagship_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"]
    assert not [d["location"] for d in index["docs"] if "bron:" in d["text"] or "S3 r." in d["text"]]
