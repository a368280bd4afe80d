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
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

HASHES_FILE = Path(__file__).resolve().parents[2] / "templates" / "material" / "csp-hashes.txt"
NOT_EXECUTED = {"application/json", "application/ld+json", "text/template"}
META_MARKER = '<meta http-equiv="Content-Security-Policy"'


def _scan(html: str) -> tuple[list[str], list[str]]:
    """The executable inline scripts and the inline handlers (or javascript: URLs) of one page.

    Lexbor (through selectolax) parses the page as a browser does, so a script's text is exactly
    what the browser hashes; it is about a hundred times faster than html.parser on a full page.
    """
    scripts: list[str] = []
    handlers: list[str] = []
    for node in LexborHTMLParser(html).root.traverse(include_text=False):
        attributes = node.attributes
        for name, value in attributes.items():
            if name.startswith("on"):
                handlers.append(name)
            elif name in ("href", "src") and (value or "").strip().lower().startswith("javascript:"):
                handlers.append(f"{name}=javascript:")
        if (node.tag == "script" and "src" not in attributes
                and (attributes.get("type") or "").lower() not in NOT_EXECUTED):
            scripts.append(node.text(deep=True))
    return scripts, handlers


def script_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def inline_script_hashes(html: str) -> set[str]:
    """Hashes of the executable inline scripts in one page."""
    return {script_hash(source) for source in _scan(html)[0]}


def inline_handlers(html: str) -> list[str]:
    """Inline event handlers and javascript: URLs, which no hash can allow."""
    return _scan(html)[1]


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
    return re.sub(r"<head>", "<head>\n" + meta, html, count=1)


def headers_file(hashes: Iterable[str]) -> str:
    """A _headers file (Netlify, Cloudflare Pages) with the same policy as a real header."""
    return ("/*\n"
            f"  Content-Security-Policy: {policy(hashes)}; frame-ancestors 'none'\n"
            "  X-Content-Type-Options: nosniff\n"
            "  Referrer-Policy: no-referrer\n")


def page_problems(html: str, shown: str, allowed: set[str]) -> list[str]:
    """What the policy would block in one page: 'page: hash' lines (empty when clean)."""
    scripts, handlers = _scan(html)
    problems = [f"{shown}: inline script {value} is not in {HASHES_FILE.name}"
                for value in sorted({script_hash(source) for source in scripts} - allowed)]
    problems += [f"{shown}: inline handler {name} cannot be allowed by a hash" for name in handlers]
    return problems


def unlisted_scripts(site: Path, allowed: set[str], *, done: Iterable[Path] = ()) -> list[str]:
    """Pages with an inline script or handler that the policy would block (pages in `done` were
    checked as they were built and are skipped)."""
    skip = {Path(path) for path in done}
    problems: list[str] = []
    for page in sorted(site.rglob("*.html")):
        if page not in skip:
            problems += page_problems(page.read_text(encoding="utf-8"), page.relative_to(site).as_posix(), allowed)
    return problems


def apply_policy(site: Path, allowed: set[str] | None = None, *, done: Iterable[Path] = ()) -> list[str]:
    """Add the policy to every built page not in `done` (already given it as it was built) and write
    _headers; return the problems (empty when clean)."""
    allowed = allowed_hashes() if allowed is None else allowed
    skip = {Path(path) for path in done}
    problems = unlisted_scripts(site, allowed, done=skip)
    if problems:
        return problems
    for page in site.rglob("*.html"):
        if page not in skip:
            page.write_text(add_policy(page.read_text(encoding="utf-8"), allowed), encoding="utf-8")
    (site / "_headers").write_text(headers_file(allowed), encoding="utf-8")
    return []
