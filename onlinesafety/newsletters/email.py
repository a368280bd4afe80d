"""Every format of one piece: complete email HTML, paste-safe fragment, plain text, Markdown, social posts."""

from __future__ import annotations

import re
from typing import Any

import css_inline

from .errors import NewsletterErrors, problem
from .languages import RTL_OPEN, mark_rtl_lines
from .render import Renderer
from .richtext import wrap_text
from .stand_ins import StandIn

EMAIL_LIMIT = 100 * 1024  # Gmail clips messages over about 102 KB
SOCIAL_SHORT_LIMIT = 280
SOCIAL_LONG_LIMIT = 500
FORMATS = ("email", "fragment", "text", "markdown", "social")
FILE_NAMES = {"email": "email.html", "fragment": "fragment.html", "text": "text.txt", "markdown": "markdown.md"}

_EMAIL_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
_FRAGMENT_INLINER = css_inline.CSSInliner(keep_style_tags=False, keep_at_rules=False, load_remote_stylesheets=False)


def email_html(renderer: Renderer, context: dict[str, Any], where: str, stand_in: StandIn | None = None) -> str:
    """A complete email: table layout, styles inline, dark-mode colours, at most 100 KB.

    With `stand_in`, the inlining is done once for every school with the same shape (see stand_ins.py).
    """
    source = renderer.render("html", "email.html.j2", context)
    result = stand_in.inline(renderer, "email.html.j2", source, _inline_email) if stand_in else None
    if result is None:
        result = _inline_email(source)
    size = len(result.encode("utf-8"))
    if size > EMAIL_LIMIT:
        message = f"the email is {size // 1024} KB; the limit is {EMAIL_LIMIT // 1024} KB (Gmail cuts longer messages)"
        if renderer.is_schools("html", "email.html.j2"):  # the school's own email template made it this long
            template = renderer.source_of("html", "email.html.j2") or "email.html.j2"
            raise NewsletterErrors([problem(template, 1, None, f"{message}, with this template and the piece "
                                            f"in {where}", "make the template shorter (styles, images and "
                                            "repeated text all count)")], "template")
        raise NewsletterErrors([problem(where, 1, None, message, "shorten the piece or the template")], "newsletter")
    return result


def fragment_html(renderer: Renderer, context: dict[str, Any], stand_in: StandIn | None = None) -> str:
    """HTML to paste into a newsletter tool: every style inline; no style tags, classes, ids, scripts or comments."""
    source = renderer.render("html", "fragment.html.j2", context)
    result = (stand_in.inline(renderer, "fragment.html.j2", source, _inline_fragment, _clean_serialised)
              if stand_in else None)
    if result is None:
        result = _clean_serialised(_inline_fragment(source))
    return result.strip() + "\n"


def _inline_email(source: str) -> str:
    return _EMAIL_INLINER.inline(source)


def _inline_fragment(source: str) -> str:
    return _FRAGMENT_INLINER.inline_fragment(source, "")


def plain_text(renderer: Renderer, context: dict[str, Any]) -> str:
    """Literal plain text, wrapped at 72 characters."""
    rendered = renderer.render("text", "text.txt.j2", context)
    rendered = re.sub(r"\n\n\n+", "\n\n", rendered.replace("\r\n", "\n"))  # (\n{3,} is 15 times slower)
    wrapped = wrap_text(rendered)
    if RTL_OPEN in wrapped:
        wrapped = re.sub(r"\n\n\n+", "\n\n", mark_rtl_lines(wrapped))
    return wrapped.strip() + "\n"


def markdown_text(renderer: Renderer, context: dict[str, Any]) -> str:
    rendered = renderer.render("markdown", "markdown.md.j2", context)
    return re.sub(r"\n\n\n+", "\n\n", rendered).strip() + "\n"


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

_DROP_WITH_CONTENT = ("script", "style", "template", "noscript", "iframe", "object", "title", "head", "textarea")
_DROP_TAGS = {"link", "meta", "base", "embed"}
_ATTRS = r"""(?:\s+[^\s"'>/=]+(?:="[^"]*")?)*"""


def paste_safe(fragment: str) -> str:
    """`fragment` without comments, classes, ids, event handlers, scripts or style elements.

    The input is first serialised by css_inline (html5ever), which quotes every attribute and
    escapes every '<' in text; that makes the one-pass scan below exact.
    """
    return _clean_serialised(_FRAGMENT_INLINER.inline_fragment(fragment, ""))


_TAG = re.compile(rf"<[a-z][a-z0-9-]*{_ATTRS}\s*/?>|</[a-z][a-z0-9-]*\s*>")
_REMOVE = re.compile(
    r"<!--.*?-->"
    rf"|<(?P<raw>{'|'.join(_DROP_WITH_CONTENT)})\b{_ATTRS}\s*>.*?</(?P=raw)\s*>"
    rf"|<(?P<tag>[a-z][a-z0-9-]*)(?P<attrs>{_ATTRS})\s*(?P<close>/?)>", re.S)


def _clean_serialised(html: str) -> str:
    """Clean css_inline's output: its serialiser quotes every attribute and escapes '<' in text, so
    every '<' the scan meets starts a tag or comment, and a '<' inside a quoted value is skipped
    with the tag it belongs to."""
    cleaned = _REMOVE.sub(_replace, html)
    if "<" in _TAG.sub("", cleaned):  # every '<' left must open a plain tag whose attributes were filtered
        raise ValueError("unexpected markup left in a paste-safe fragment")
    return re.sub(r"\n\s*\n", "\n", cleaned)


def _replace(match: re.Match[str]) -> str:
    tag = match.group("tag")
    if tag is None or tag in _DROP_TAGS:  # a comment, a dropped element, or a dropped tag
        return ""
    attributes = match.group("attrs")
    if not attributes:
        return match.group(0)
    return f"<{tag}{_kept_attributes(attributes)}>"


_DROPPED_ATTRIBUTE = re.compile(r"""\s(?:(?:class|id|on[a-z0-9_-]*)(?:="[^"]*")?|(?:href|src)="(?!https://)[^"]*")(?=[\s/>]|$)""")


def _kept_attributes(attributes: str) -> str:
    """Attributes without class, id or event handlers, and without links that are not https."""
    return _DROPPED_ATTRIBUTE.sub("", attributes)
