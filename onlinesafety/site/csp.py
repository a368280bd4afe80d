"""Content-Security-Policy without 'unsafe-inline': every inline script must be listed by hash.

Material for MkDocs emits a few small inline scripts (its bootstrap, which varies with page depth,
and the palette restore). Their SHA-256 hashes are kept in templates/material/csp-hashes.txt; a
Material upgrade that changes them fails the build until a maintainer reviews and lists the new ones
(the GOV.UK Frontend pattern).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path

HASHES_FILE = Path(__file__).resolve().parents[2] / "templates" / "material" / "csp-hashes.txt"
NOT_EXECUTED = {"application/json", "application/ld+json", "text/template"}
META_MARKER = '<meta http-equiv="Content-Security-Policy"'


class _InlineScripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.scripts: list[str] = []
        self._current: list[str] | None = None
        self.handlers: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        self.handlers += [f"{name}=javascript:" for name, value in attrs
                          if name in ("href", "src") and (value or "").strip().lower().startswith("javascript:")]
        if tag == "script" and "src" not in values and (values.get("type") or "").lower() not in NOT_EXECUTED:
            self._current = []

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.scripts.append("".join(self._current))
            self._current = None


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def inline_script_hashes(html: str) -> set[str]:
    """Hashes of the executable inline scripts in one page."""
    parser = _InlineScripts()
    parser.feed(html)
    return {script_hash(source) for source in parser.scripts}


def inline_handlers(html: str) -> list[str]:
    """Inline event handlers and javascript: URLs, which no hash can allow."""
    parser = _InlineScripts()
    parser.feed(html)
    return parser.handlers


def allowed_hashes(path: Path = HASHES_FILE) -> set[str]:
    """The reviewed hashes: one per line, comments after '#'."""
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def policy(hashes: Iterable[str]) -> str:
    sources = " ".join(f"'{value}'" for value in sorted(hashes))
    return ("default-src 'self'; "
            f"script-src 'self' {sources}; "
            "style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            "worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'")


def add_policy(html: str, hashes: Iterable[str]) -> str:
    """The page with a CSP meta element as the first thing in <head>."""
    if META_MARKER in html:
        return html
    meta = f'{META_MARKER} content="{policy(hashes)}">'
    return re.sub(r"<head>", "<head>\n    " + meta, html, count=1)


def headers_file(hashes: Iterable[str]) -> str:
    """A _headers file (Netlify, Cloudflare Pages) with the same policy as a real header."""
    return ("/*\n"
            f"  Content-Security-Policy: {policy(hashes)}; frame-ancestors 'none'\n"
            "  X-Content-Type-Options: nosniff\n"
            "  Referrer-Policy: no-referrer\n")


def unlisted_scripts(site: Path, allowed: set[str]) -> list[str]:
    """Pages with an inline script or handler that the policy would block: 'page: hash' lines."""
    problems: list[str] = []
    for page in sorted(site.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        shown = page.relative_to(site).as_posix()
        problems += [f"{shown}: inline script {value} is not in {HASHES_FILE.name}"
                     for value in sorted(inline_script_hashes(html) - allowed)]
        problems += [f"{shown}: inline handler {name} cannot be allowed by a hash" for name in inline_handlers(html)]
    return problems


def apply_policy(site: Path, allowed: set[str] | None = None) -> list[str]:
    """Add the policy to every built page and write _headers; return the problems (empty when clean)."""
    allowed = allowed_hashes() if allowed is None else allowed
    problems = unlisted_scripts(site, allowed)
    if problems:
        return problems
    for page in site.rglob("*.html"):
        page.write_text(add_policy(page.read_text(encoding="utf-8"), allowed), encoding="utf-8")
    (site / "_headers").write_text(headers_file(allowed), encoding="utf-8")
    return []
