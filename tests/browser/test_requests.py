"""Pages load nothing from any host but the site's own."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.pages import PAGES

pytestmark = pytest.mark.browser

THIRD_PARTY_MARKERS = ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com",
                       "googletagmanager", "google-analytics")


@pytest.mark.parametrize("name", sorted(PAGES))
def test_every_request_goes_to_the_local_server(browser_page, site_url, name):
    browser_page.goto(site_url + PAGES[name])
    browser_page.wait_for_load_state("networkidle")
    local = urlsplit(site_url).netloc
    foreign = [url for url in browser_page.requests
               if urlsplit(url).scheme in ("http", "https") and urlsplit(url).netloc != local]
    assert foreign == []
    assert len(browser_page.requests) > 1


def test_request_log_would_see_a_foreign_request(browser_page, site_url):
    """The fixture must fail closed: a planted external image shows up in the log."""
    browser_page.goto(site_url)
    browser_page.evaluate("new Image().src = 'https://fonts.example.invalid/x.png'")
    browser_page.wait_for_timeout(200)
    assert any("fonts.example.invalid" in url for url in browser_page.requests)


def test_built_html_names_no_third_party_host(built_site):
    offenders = []
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        offenders += [f"{path.relative_to(built_site)}: {marker}" for marker in THIRD_PARTY_MARKERS if marker in text]
    assert offenders == []


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_content_security_policy_violation(browser_page, site_url, name):
    violations = []
    browser_page.on("console", lambda message: violations.append(message.text)
                    if "Content Security Policy" in message.text else None)
    browser_page.goto(site_url + PAGES[name])
    browser_page.wait_for_load_state("networkidle")
    assert browser_page.evaluate("document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]') !== null")
    assert violations == []


def test_policy_blocks_a_planted_inline_script(browser_page, site_url):
    """The policy is live in the browser: an injected inline script is refused."""
    violations = []
    browser_page.on("console", lambda message: violations.append(message.text))
    browser_page.goto(site_url)
    browser_page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__planted = 1'; document.body.appendChild(s); }""")
    assert browser_page.evaluate("window.__planted === undefined")
    assert any("Content Security Policy" in text for text in violations)
