"""Generated pages' texts kept between builds (kwsite.rendered): the next build with the same context,
templates and code reads the text instead of rendering it; another context, an edited template or a
context that cannot be pickled is rendered. The key is the same in every process (a model's set of given
fields is hashed in another order per process)."""

import os
import subprocess
import sys

from pydantic import BaseModel

from kwsite.chartcache import ChartCache
from kwsite.rendered import pickled
from kwsite.templating import Templates


class Probe(BaseModel):
    id: str
    name: str
    code: str | None = None
    kind: str = "college"


CONTEXT = {"unit": Probe(id="a", name="Techniek <Noord>", code="100", kind="college"), "n": 3}
PICKLE = (
    "import sys; sys.path.insert(0, {tests!r}); from test_rendered import CONTEXT; "
    "from kwsite.rendered import pickled; sys.stdout.write(pickled(CONTEXT).hex())"
)


def theme(tmp_path, text="{{ unit.name }} ({{ unit.code }}): {{ n }}\n"):
    pages = tmp_path / "site" / "theme" / "pages"
    pages.mkdir(parents=True, exist_ok=True)
    (pages / "probe.md").write_text(text, encoding="utf-8")
    return tmp_path / "site" / "theme"


def test_the_key_is_the_same_in_every_process():
    tests = os.path.dirname(__file__)
    keys = {
        subprocess.run(
            [sys.executable, "-c", PICKLE.format(tests=tests)],
            env=os.environ | {"PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(keys) == 1 and keys == {pickled(CONTEXT).hex()}
    other = dict(CONTEXT, unit=Probe(id="a", name="Techniek <Noord>", code="100"))  # kind not given
    assert pickled(other) != pickled(CONTEXT)


def test_the_next_build_reads_the_text(tmp_path, monkeypatch):
    folder, cache = theme(tmp_path), tmp_path / "cache"
    first = Templates(folder, cache=ChartCache(cache))
    text = first.render("pages/probe.md", **CONTEXT)
    assert text == "Techniek &lt;Noord&gt; (100): 3\n" and first.kept.hits == 0
    later = Templates(folder, cache=ChartCache(cache))
    monkeypatch.setattr(later.env, "get_template", lambda name: (_ for _ in ()).throw(AssertionError(name)))
    assert later.render("pages/probe.md", **CONTEXT) == text and later.kept.hits == 1
    monkeypatch.undo()
    assert later.render("pages/probe.md", **dict(CONTEXT, n=4)) == "Techniek &lt;Noord&gt; (100): 4\n"


def test_an_edited_template_or_an_unpicklable_context_is_rendered(tmp_path):
    folder, cache = theme(tmp_path), tmp_path / "cache"
    Templates(folder, cache=ChartCache(cache)).render("pages/probe.md", **CONTEXT)
    theme(tmp_path, "{{ unit.name }} - {{ n }}\n")
    edited = Templates(folder, cache=ChartCache(cache))
    assert edited.render("pages/probe.md", **CONTEXT) == "Techniek &lt;Noord&gt; - 3\n" and edited.kept.hits == 0
    odd = dict(CONTEXT, n=lambda: 3)  # a callable cannot be pickled: rendered every time
    theme(tmp_path, "{{ n() }}\n")
    again = Templates(folder, cache=ChartCache(cache))
    assert again.render("pages/probe.md", **odd) == "3\n" and again.render("pages/probe.md", **odd) == "3\n"
    assert again.kept.hits == 0


def test_no_cache_folder_no_kept_texts(tmp_path):
    templates = Templates(theme(tmp_path), cache=ChartCache(None))
    assert templates.render("pages/probe.md", **CONTEXT) == templates.render("pages/probe.md", **CONTEXT)
    assert templates.kept.hits == 0 and templates.kept.salt is None
