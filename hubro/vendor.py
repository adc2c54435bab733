"""The front-end packages Hubro serves as static files (from npm, never a CDN): where
each one's files are in ``node_modules`` and under which static prefix they are served.

A source checkout serves them from ``node_modules`` (settings.py). A wheel carries a
copy in ``hubro/static/vendor/``, made by the build (setup.py), so that an installed
Hubro needs no ``node_modules`` at run time."""

PACKAGES = {
    "designsystemet-css": "@digdir/designsystemet-css/dist/src",
    "designsystemet-theme": "@digdir/designsystemet-theme/brand",
    "htmx": "htmx.org/dist",
    "inter": "@fontsource-variable/inter",
}
# Only what a browser loads; not the packages' type definitions, sources or READMEs.
SUFFIXES = {".css", ".js", ".woff2", ".woff", ".map", ".svg"}
