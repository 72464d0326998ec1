"""Shared fixtures: one headless Chromium for the whole test session."""

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
