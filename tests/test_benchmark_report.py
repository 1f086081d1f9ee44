"""benchmarks/report.py: each figure beside its goal, and the section run.py puts into RESULTS.md."""

import datetime
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import report  # noqa: E402
from report import Figure  # noqa: E402


def test_verdict_beside_goal():
    over = Figure("(a) empty cache ÷ stock, CPU", 2.45, 2.0, detail="wall 2,10", load=1.25)
    under = Figure("(a) warm cache ÷ stock, CPU", 1.2, 1.3)
    assert over.line == "(a) empty cache ÷ stock, CPU: 2,45 (wall 2,10)  (doel ≤ 2,0: niet gehaald; load 1,2)"
    assert under.line == "(a) warm cache ÷ stock, CPU: 1,20  (doel ≤ 1,3: gehaald)"
    assert Figure("(b) preview", 0.15, 0.15).verdict == "gehaald"  # the goal is "≤"
    assert Figure("(d) PDF", 12.5, 12, "s").goal == "≤ 12,0 s"


def test_value_just_over_the_goal_is_not_printed_as_the_goal():
    just = Figure("(a) empty cache ÷ stock, CPU", 2.004, 2.0)
    assert just.verdict == "niet gehaald"
    assert just.measured == "2,004"


def test_not_measured_and_no_goal():
    failed = Figure("(d) PDF", None, 12, detail="mislukt, zie hierboven")
    assert (failed.measured, failed.verdict) == ("niet gemeten (mislukt, zie hierboven)", "niet gemeten")
    rate = Figure("(c) hit rate", 98.571, unit="%")
    assert (rate.measured, rate.goal, rate.verdict) == ("98,57 %", "—", "—")
    assert report.table([rate])[2] == "| (c) hit rate | 98,57 % | — | — |  |"


def test_results_section_goes_first_after_the_title(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Benchmark at scale\n\n## Older run\n\nold text\n", encoding="utf-8")
    context = report.Context(
        "python benchmarks/run.py --runs 1",
        "2 cores",
        "abc123",
        datetime.datetime(2026, 12, 5, 1, 2),
        0.5,
        1.75,
        754,
        40,
        440,
    )
    figures = [Figure("(a) warm ÷ stock, CPU", 1.2, 1.3), Figure("(b) preview ÷ build", 0.2, 0.15)]
    report.write_results(results, report.section(context, figures, ["line one", "line two"]))
    text = results.read_text(encoding="utf-8")
    head, older = text.split("## Older run")
    assert older == "\n\nold text\n"
    assert head.startswith("# Benchmark at scale\n\n## 2026-12-05 01:02 UTC: `benchmarks/run.py`, 1 of 2 goals met\n")
    assert "- command: `python benchmarks/run.py --runs 1`\n" in head
    assert "- corpus: 40 colleges, 440 pages" in head
    assert "- load average (1 min) before 0,5, after 1,8; elapsed 12 min 34 s\n" in head
    assert "| (b) preview ÷ build | 0,20 | ≤ 0,15 | niet gehaald |  |\n" in head
    assert "```text\nline one\nline two\n```\n" in head


def test_results_file_is_made_when_missing(tmp_path):
    results = tmp_path / "new.md"
    context = report.Context("cmd", "m", "c", datetime.datetime(2026, 1, 1), 0, 0, 5, 4, 93)
    report.write_results(results, report.section(context, [], []))
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark at scale (issues 8 and 20)\n\n## 2026-01-01 00:00 UTC")
    assert "(a 4-college corpus, not the issue's)" in text


def test_preview_value_is_not_on_the_page_before_the_save():
    import preview

    page = "<td>21,3%</td><td>21,4</td><td>121,5%</td>"
    value = preview.new_value(page, 0)
    assert value == "21.5"  # 21,3 and 21,4 are shown already; 121,5 is another number
    assert not preview.shown(value).search(page)
    assert preview.shown(value).search(page.replace("121,5%", "21,5%"))
    assert not preview.shown("21.5").search("<td>21,55</td>")
