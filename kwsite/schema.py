"""JSON Schema for the editors' YAML files, generated from the data models.

One schema per file of :data:`kwsite.loaded.FILES` (``schema/indicators.schema.json``
describes ``{"indicators": [Indicator, ...]}``), committed in the repository and
wired to editors through ``.vscode/settings.json`` (Red Hat YAML extension,
``yaml.schemas``), so a typo'd key is underlined while typing. Unknown keys are
refused (``additionalProperties: false``), as the loader refuses them.
``tests/test_schema.py`` checks that the committed files equal the generated ones.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ConfigDict, create_model

from .loaded import FILES

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(key: str) -> dict:
    """The schema of the file with top key ``key`` (``"indicators"``)."""
    file, model, is_list = FILES[key]
    inner = list[model] if is_list else model
    wrapper = create_model(f"{key.capitalize()}File", __config__=ConfigDict(extra="forbid"), **{key: (inner, ...)})
    schema = wrapper.model_json_schema()
    return {"$schema": DIALECT, "$id": f"{key}.schema.json", "title": f"kwsite data/{file}", **schema}


def schemas() -> dict[str, str]:
    """File name (``indicators.schema.json``) → JSON text (sorted keys, 2-space indent, final newline)."""
    return {
        f"{key}.schema.json": json.dumps(schema_for(key), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for key in FILES
    }


def write(directory: Path) -> list[Path]:
    """Write every schema into ``directory``; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def stale(directory: Path) -> list[str]:
    """Names of schema files in ``directory`` that are missing or differ from the generated ones."""
    return [
        name
        for name, text in schemas().items()
        if not (directory / name).is_file() or (directory / name).read_text(encoding="utf-8") != text
    ]
