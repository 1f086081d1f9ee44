"""Work a build does once, not once per page or per file (#20): package versions, the parse of a page."""

import hashlib
import importlib.metadata
import json
import zlib

from kwsite import spreadsheet


def test_the_workbook_key_reads_the_xlsxwriter_version_once(monkeypatch):
    calls = []
    real = importlib.metadata.version

    def version(name):
        calls.append(name)
        return real(name)

    monkeypatch.setattr(importlib.metadata, "version", version)
    spreadsheet._xlsxwriter_version.cache_clear()
    keys = [spreadsheet.workbook_digest((("kop",), n)) for n in range(3)]
    assert calls == ["xlsxwriter"]
    expected = [(("kop",), 2), real("xlsxwriter"), zlib.ZLIB_RUNTIME_VERSION, spreadsheet.WORKBOOK_FORMAT]
    assert keys[2] == hashlib.sha256(json.dumps(expected, ensure_ascii=False).encode("utf-8")).hexdigest()
    assert len(set(keys)) == 3
