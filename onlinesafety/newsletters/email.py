"""Every format of one piece: complete email HTML, paste-safe fragment, plain text, Markdown, social posts."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

import css_inline

from .errors import NewsletterErrors, problem
from .render import Renderer
from .richtext import wrap_text

EMAIL_LIMIT = 100 * 1024  # Gmail clips messages over about 102 KB
SOCIAL_SHORT_LIMIT = 280
SOCIAL_LONG_LIMIT = 500
FORMATS = ("email", "fragment", "text", "markdown", "social")
FILE_NAMES = {"email": "email.html", "fragment": "fragment.html", "text": "text.txt", "markdown": "markdown.md"}

_EMAIL_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
_FRAGMENT_INLINER = css_inline.CSSInliner(keep_style_tags=False, keep_at_rules=False, load_remote_stylesheets=False)


def email_html(renderer: Renderer, context: dict[str, Any], where: str) -> str:
    """A complete email: table layout, styles inline, dark-mode colours, at most 100 KB."""
    source = renderer.render("html", "email.html.j2", context)
    result = _EMAIL_INLINER.inline(source)
    size = len(result.encode("utf-8"))
    if size > EMAIL_LIMIT:
        raise NewsletterErrors([problem(where, 1, None, f"the email is {size // 1024} KB; the limit is "
                                        f"{EMAIL_LIMIT // 1024} KB (Gmail cuts longer messages)",
                                        "shorten the piece or the template")], "newsletter")
    return result


def fragment_html(renderer: Renderer, context: dict[str, Any]) -> str:
    """HTML to paste into a newsletter tool: every style inline; no style tags, classes, ids, scripts or comments."""
    source = renderer.render("html", "fragment.html.j2", context)
    return paste_safe(_FRAGMENT_INLINER.inline_fragment(source, "")).strip() + "\n"


def plain_text(renderer: Renderer, context: dict[str, Any]) -> str:
    """Literal plain text, wrapped at 72 characters."""
    rendered = renderer.render("text", "text.txt.j2", context)
    rendered = re.sub(r"\n{3,}", "\n\n", rendered.replace("\r\n", "\n"))
    return wrap_text(rendered).strip() + "\n"


def markdown_text(renderer: Renderer, context: dict[str, Any]) -> str:
    rendered = renderer.render("markdown", "markdown.md.j2", context)
    return re.sub(r"\n{3,}", "\n\n", rendered).strip() + "\n"


def social_texts(short: str, long: str, where: str) -> dict[str, str]:
    """The two social posts, checked against their limits once the link is in."""
    problems = []
    if len(short) > SOCIAL_SHORT_LIMIT:
        problems.append(problem(where, 1, "social.short", f"the short post is {len(short)} characters once the "
                                f"link is filled in; the limit is {SOCIAL_SHORT_LIMIT}",
                                "shorten the post, or use a shorter base_url"))
    if len(long) > SOCIAL_LONG_LIMIT:
        problems.append(problem(where, 1, "social.long", f"the long post is {len(long)} characters; the limit "
                                f"is {SOCIAL_LONG_LIMIT}", "shorten the post"))
    if problems:
        raise NewsletterErrors(problems, "content")
    return {"social-short": short.strip() + "\n", "social-long": long.strip() + "\n"}


# --- paste-safe HTML ---------------------------------------------------------------------------

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_DROP_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "title", "head"}
_DROP_ATTRIBUTES = {"class", "id"}


class _PasteSafe(HTMLParser):
    """Re-serialise HTML without classes, ids, comments, scripts, style elements or event handlers."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.skipping = 0

    def _attrs(self, attrs: list[tuple[str, str | None]]) -> str:
        kept = []
        for name, value in attrs:
            if name in _DROP_ATTRIBUTES or name.startswith("on"):
                continue
            if name in ("href", "src") and not (value or "").startswith("https://"):
                continue
            kept.append(f' {name}="{html.escape(value or "", quote=True)}"' if value is not None else f" {name}")
        return "".join(kept)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROP_WITH_CONTENT:
            self.skipping += tag not in _VOID
            return
        if not self.skipping:
            self.out.append(f"<{tag}{self._attrs(attrs)}>")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.skipping and tag not in _DROP_WITH_CONTENT:
            self.out.append(f"<{tag}{self._attrs(attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROP_WITH_CONTENT:
            self.skipping = max(0, self.skipping - 1)
            return
        if not self.skipping and tag not in _VOID:
            self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.out.append(html.escape(data, quote=False))


def paste_safe(fragment: str) -> str:
    """`fragment` with comments, classes, ids, scripts and style elements removed; text re-escaped."""
    parser = _PasteSafe()
    parser.feed(fragment)
    parser.close()
    return re.sub(r"\n\s*\n", "\n", "".join(parser.out))
