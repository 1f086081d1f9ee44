"""Find every request a built site would make to another host (stdlib only)."""

import re
from html.parser import HTMLParser
from pathlib import Path

LOADS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "video": "src",
    "audio": "src",
    "embed": "src",
    "object": "data",
    "track": "src",
    "input": "src",
}
LINK_RELS = {
    "stylesheet",
    "preload",
    "prefetch",
    "preconnect",
    "dns-prefetch",
    "icon",
    "manifest",
    "modulepreload",
    "apple-touch-icon",
}
REMOTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?[/\\\\]{2}|^\s*https?:", re.I)  # browsers read \\ as /


class _Requests(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        url = attrs.get(LOADS.get(tag, "")) or ""
        if tag == "link" and LINK_RELS & set((attrs.get("rel") or "").lower().split()):
            url = attrs.get("href") or ""
        for candidate in [url, *(part.split()[0] for part in (attrs.get("srcset") or "").split(",") if part.strip())]:
            if REMOTE.match(candidate):
                self.found.append(f"<{tag}> {candidate}")
        style = attrs.get("style") or ""
        self.found += [f"<{tag} style> {u}" for u in css_requests(style)]


def css_requests(css: str) -> list[str]:
    """Remote URLs in ``url(...)`` and ``@import`` of a style sheet."""
    urls = re.findall(r"url\(\s*['\"]?([^'\")]+)", css) + re.findall(r"@import\s+['\"]([^'\"]+)", css)
    return [u for u in urls if REMOTE.match(u)]


def external_requests(site: Path) -> dict[str, list[str]]:
    """Per built file, the remote URLs its HTML or CSS would load."""
    out = {}
    for path in sorted(site.rglob("*")):
        if path.suffix == ".html":
            parser = _Requests()
            parser.feed(path.read_text(encoding="utf-8"))
            found = parser.found
        elif path.suffix == ".css":
            found = css_requests(path.read_text(encoding="utf-8"))
        else:
            continue
        if found:
            out[str(path.relative_to(site))] = found
    return out
