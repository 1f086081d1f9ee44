"""A build that works opened from disk (``file://``): ``kwsite build --offline``.

Over ``file://`` a link to ``themas/`` opens a folder listing and the search worker cannot start.
The offline build uses Material's offline plugin (``material.plugins.offline``): file URLs
(``use_directory_urls: false``, so links end in ``index.html``) and the search index inlined as
``search/search_index.js``. The plugin would load its web-worker shim from unpkg.com; kwsite ships
that shim (iframe-worker 1.0.4, MIT, ``theme/assets/vendor/iframe-worker/``) and puts it in instead,
so the site reads nothing from the network.

The CLI sets :data:`ENV`; the kwsite plugin calls :func:`setup` in its ``on_config``. A site that
lists Material's offline plugin itself in ``mkdocs.yml`` keeps it (only the shim is replaced).
"""

from __future__ import annotations

import os

ENV = "KWSITE_OFFLINE"
"""Set to ``1`` by ``kwsite build --offline`` for the MkDocs build it runs."""
SHIM = "assets/vendor/iframe-worker/shim.js"
"""The vendored iframe-worker shim, relative to the site root (kwsite's theme copies it)."""


def wanted(environ=None) -> bool:
    """Whether this build is an offline build (:data:`ENV` set to a true value)."""
    environ = os.environ if environ is None else environ
    return environ.get(ENV, "").strip().lower() in {"1", "true", "ja", "yes"}


def local_shim(config) -> None:
    """Make ``extra.polyfills`` load the vendored iframe-worker shim, never one from the network."""
    polyfills = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in str(p)]
    config.extra["polyfills"] = [*polyfills, SHIM]


def setup(config, environ=None) -> bool:
    """In an offline build, switch on Material's offline plugin for ``config`` (adding it to
    ``config.plugins`` when the site does not list it) with the local shim. Returns whether the
    build is offline."""
    listed = [p for name, p in config.plugins.items() if name in {"offline", "material/offline"}]
    enabled = any(p.config.enabled for p in listed)
    if not (wanted(environ) or enabled):
        return False
    local_shim(config)
    if not enabled:
        from material.plugins.offline.plugin import OfflinePlugin

        plugin = OfflinePlugin()
        errors, _ = plugin.load_config({"enabled": True})
        assert not errors, errors
        plugin.on_config(config)  # file URLs now; its on_post_build (inline the search index) runs last
        config.plugins["material/offline"] = plugin
    return True
