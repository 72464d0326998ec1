"""Shared fixtures: one headless Chromium for the whole test session; a cache of loaded networks of the session's own."""

import os
import shutil
import tempfile

import pytest

from browser import BrowserUnavailable, chromium


@pytest.fixture(scope="session")
def session_browser():
    """Debian's Chromium through Playwright; a missing browser fails, never skips."""
    try:
        with chromium() as browser:
            yield browser
    except BrowserUnavailable as exc:
        pytest.fail(str(exc))


def pytest_configure(config):
    # builds cache loaded networks (instnet.graphcache): in a folder of this session, not the user's ~/.cache
    config._instnet_cache = tempfile.mkdtemp(prefix="instnet-cache-")
    os.environ["INSTNET_CACHE"] = config._instnet_cache


def pytest_unconfigure(config):
    folder = getattr(config, "_instnet_cache", None)
    if folder:
        shutil.rmtree(folder, ignore_errors=True)
