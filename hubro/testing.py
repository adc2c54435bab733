"""A pytest plugin (``-p hubro.testing`` in pyproject.toml), loaded before Django's
settings are read: the test run's own secret key, since Hubro refuses to start with
DEBUG off and no key. Subprocesses that tests start inherit it."""

import os

os.environ.setdefault("HUBRO_SECRET_KEY", "hubro-test-run-key-" + "x" * 32)
