"""Jinja2 environments and the data every newsletter template receives.

Content and profile values go into templates as data, never as template source. HTML templates
autoescape; text templates do not (plain text is literal); Markdown templates escape every value
for Markdown. Undefined variables are errors. A school's own template folder renders in Jinja2's
immutable sandbox, with limits on time, output and value sizes (sandbox.py), with our templates as
the fallback for anything it does not override; any problem there is reported with the template's
file and line.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import (
    ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateNotFound,
    TemplateSyntaxError, UndefinedError,
)
from jinja2.sandbox import SecurityError
from markupsafe import Markup

from ..loading.errors import ContentProblem
from ..model import Band, Library, Region, Snippet
from ..model.common import BAND_LABELS
from .colours import Colours, colours_for
from .errors import NewsletterErrors, UsageError, problem
from .profile import SchoolProfile
from .richtext import clean, escape_markdown, renderings
from .sandbox import MAX_OUTPUT_CHARS, SchoolSandbox, TemplateLimit, TemplateTimeout, limited, render_limited

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "newsletter"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
LENGTHS = ("short", "medium", "long")


class MarkdownText(str):
    """Markdown we wrote ourselves: the Markdown environment outputs it unescaped."""


# --- the data templates see --------------------------------------------------------------------

@dataclass(frozen=True)
class SchoolView:
    """The school, as templates see it."""

    name: str
    lead_name: str
    contact: str
    sign_off: str | None
    logo_url: str | None
    base_url: str
    home_url: str
    region_id: str
    region_name: str
    lead_term: str
    lead_term_short: str
    help_url: str


@dataclass(frozen=True)
class PieceView:
    """One newsletter piece (one snippet at one length), as templates see it."""

    snippet_id: str
    length: str
    topic_id: str
    topic_title: str
    band: str | None
    band_label: str
    audience_label: str
    season: str | None
    headline: str
    body_html: Markup
    body_text: str
    body_markdown: MarkdownText
    call_to_action: str
    guide_url: str
    preheader: str
    issue_date: str | None = None
    issue_date_label: str | None = None


@dataclass(frozen=True)
class Social:
    short: str
    long: str


def school_view(profile: SchoolProfile, region: Region) -> SchoolView:
    base = profile.base_url
    return SchoolView(
        name=clean(profile.school_name), lead_name=clean(profile.safeguarding_lead_name),
        contact=profile.safeguarding_contact, sign_off=profile.sign_off, logo_url=profile.logo_url,
        base_url=base, home_url=f"{base}/", region_id=region.id, region_name=region.name,
        lead_term=region.terms.safeguarding_lead, lead_term_short=region.terms.safeguarding_lead_short,
        help_url=f"{base}/help/{region.id}/",
    )


def band_anchor(band: Band) -> str:
    """The id of a band's section in every parent guide page ("ages-7-11")."""
    return f"ages-{band.value}"


def guide_url(base_url: str, topic: str, band: Band | None = None) -> str:
    """The parent guide for a topic; for a piece written for one age band, that band's section of it."""
    return f"{base_url}/parents/{topic}/" + (f"#{band_anchor(band)}" if band is not None else "")


def band_label(snippet: Snippet) -> str:
    return BAND_LABELS[snippet.band]["title"] if snippet.band else "All ages"


SEASON_LABELS = {"new-devices": "New devices", "safer-internet-day": "Safer Internet Day",
                 "summer-holidays": "Before the summer holidays"}


def season_label(season: str) -> str:
    """A seasonal piece's name for people ('safer-internet-day' → 'Safer Internet Day')."""
    return SEASON_LABELS.get(season, season.replace("-", " ").capitalize())


def audience_label(snippet: Snippet) -> str:
    if snippet.band is None:
        return "For all families"
    return f"For families of children aged {snippet.band.value.replace('-', '–')}"


def date_label(day: dt.date) -> str:
    """'Week of 4 January 2027', the same on every machine (no locale)."""
    return f"Week of {day.day} {MONTHS[day.month - 1]} {day.year}"


def piece_view(library: Library, snippet: Snippet, length: str, base_url: str,
               issue_date: dt.date | None = None) -> PieceView:
    piece = getattr(snippet, length)
    body_html, text, body_markdown = renderings(piece.body).for_site(base_url)
    topic = library.topics.get(snippet.topic)
    return PieceView(
        snippet_id=snippet.id, length=length, topic_id=snippet.topic,
        topic_title=topic.title if topic else snippet.topic, band=snippet.band.value if snippet.band else None,
        band_label=band_label(snippet), audience_label=audience_label(snippet), season=snippet.season, headline=clean(piece.headline),
        body_html=body_html, body_text=text, body_markdown=MarkdownText(body_markdown),
        call_to_action=clean(piece.call_to_action), guide_url=guide_url(base_url, snippet.topic, snippet.band),
        preheader=_first_sentence(text),
        issue_date=issue_date.isoformat() if issue_date else None,
        issue_date_label=date_label(issue_date) if issue_date else None,
    )


def social_posts(snippet: Snippet, base_url: str) -> Social:
    return Social(short=snippet.social.short.replace("{link}", guide_url(base_url, snippet.topic, snippet.band)),
                  long=snippet.social.long)


def _first_sentence(text: str, limit: int = 110) -> str:
    first = re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0].replace("\n", " ")
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


# --- environments ------------------------------------------------------------------------------

def md_url(value: str) -> MarkdownText:
    """A link target for Markdown: an absolute https URL with brackets and spaces percent-encoded."""
    value = str(value)
    if not value.startswith("https://"):
        raise ValueError(f"not an https link: {value!r}")
    return MarkdownText(value.replace("(", "%28").replace(")", "%29").replace(" ", "%20").replace("<", "%3C")
                        .replace(">", "%3E"))


def _markdown_finalize(value: Any) -> Any:
    if isinstance(value, MarkdownText):
        return value
    return escape_markdown(str(value))


@dataclass
class Renderer:
    """The three environments (HTML, text, Markdown) for one run."""

    html: Environment
    text: Environment
    markdown: Environment
    school_templates: Path | None = None
    _cache: dict[tuple[str, str], Any] = field(default_factory=dict)

    def render(self, kind: str, name: str, context: dict[str, Any]) -> str:
        """Render template `name` in the `kind` environment ('html', 'text' or 'markdown')."""
        environment: Environment = getattr(self, kind)
        if self.school_templates is not None:
            return self._render_school(environment, kind, name, context)
        try:
            template = self._cache.get((kind, name))
            if template is None:
                template = self._cache[(kind, name)] = environment.get_template(name)
            return template.render(context)
        except TemplateError as error:
            raise NewsletterErrors([self.problem_for(error, name)], "template") from None

    def _render_school(self, environment: Environment, kind: str, name: str, context: dict[str, Any]) -> str:
        """Render with a school's folder first: untrusted, so every failure is the template's, with its line."""
        try:
            template = self._cache.get((kind, name))
            if template is None:
                template = self._cache[(kind, name)] = environment.get_template(name)
            return render_limited(template, context)
        except TemplateError as error:
            raise NewsletterErrors([self.problem_for(error, name)], "template") from None
        except (NewsletterErrors, KeyboardInterrupt):
            raise
        except Exception as error:  # noqa: BLE001 (anything a school's template does is reported as its problem)
            raise NewsletterErrors([self.school_problem(error, name)], "template") from None

    def source_of(self, kind: str, name: str) -> str | None:
        """The file a template comes from, as shown in messages (None if it has not been loaded)."""
        template = self._cache.get((kind, name))
        return _shown(template.filename) if template is not None and template.filename else None

    def is_schools(self, kind: str, name: str) -> bool:
        """Whether the template `name` came from the school's own folder."""
        template = self._cache.get((kind, name))
        if self.school_templates is None or template is None or not template.filename:
            return False
        folder = self.school_templates.resolve()
        return folder in Path(template.filename).resolve().parents

    def school_problem(self, error: Exception, name: str) -> ContentProblem:
        """Anything else a school's template did wrong, with the innermost template file and line."""
        filename, line = None, None
        cause: BaseException | None = error
        while cause is not None and line is None:  # a RecursionError may recur while Jinja2 rewrites frames
            filename, line = _template_frame(cause.__traceback__, None)
            cause = cause.__context__
        if filename is None and self.school_templates is not None and (self.school_templates / name).is_file():
            filename = str(self.school_templates / name)
        if isinstance(error, RecursionError) and filename:
            line = _self_reference(filename) or line  # Jinja2 puts a repeating extends or include on line 1
        path, line = _shown(filename or name), line or 1
        if isinstance(error, RecursionError):
            return problem(path, line, None, "the template calls itself without end (a macro that calls itself, "
                           "or a template that extends or includes itself)",
                           "remove the call, include or extends that repeats")
        if isinstance(error, TemplateTimeout):
            return problem(path, line, None, f"{error}; the limit is there so a loop cannot run for ever",
                           "remove the long or nested loop")
        if isinstance(error, TemplateLimit):
            return problem(path, line, None, str(error), "make the template produce less (newsletter pieces are "
                           f"short: the limit for a whole document is {MAX_OUTPUT_CHARS:,} characters)")
        if isinstance(error, MemoryError):
            return problem(path, line, None, "the template needed more memory than templates are allowed (its values or output are too big)",
                           "make the template produce less")
        if isinstance(error, UnicodeDecodeError):
            return problem(path, 1, None, f"the template is not UTF-8 text ({error.reason}): it may be a picture or "
                           "another binary file", "save the template as plain UTF-8 text, or remove the file")
        if isinstance(error, OverflowError):
            return problem(path, line, None, f"a number or range in the template is too big ({error})",
                           "use smaller numbers (ranges up to 100,000 items)")
        return problem(path, line, None, f"the template stopped with an error ({type(error).__name__}: {error})",
                       "check the filters and their arguments on this line (see templates/newsletter/README.md)")

    def problem_for(self, error: TemplateError, name: str) -> ContentProblem:
        """A template error as file, line, what was wrong and how to fix it."""
        if isinstance(error, TemplateLimit):
            return self.school_problem(error, name)
        path, line = self._where(error, name)
        if isinstance(error, TemplateSyntaxError):
            return problem(path, line, None, f"template syntax error: {error.message}",
                           "check the {{ }} and {% %} tags on this line")
        if isinstance(error, SecurityError) or "unsafe" in str(error):
            return problem(path, line, None, f"the template tried something unsafe ({error.message})",
                           "templates may only use the variables listed in templates/newsletter/README.md")
        if isinstance(error, UndefinedError):
            return problem(path, line, None, f"undefined variable: {error.message}",
                           "check the spelling; the variables are listed in templates/newsletter/README.md")
        if isinstance(error, TemplateNotFound):
            return problem(path, line, None, f"template not found: {error.name}",
                           "check the name in the include or extends tag")
        return problem(path, line, None, f"template error: {error}", "correct the template")

    def _where(self, error: TemplateError, name: str) -> tuple[str, int]:
        filename = getattr(error, "filename", None)
        line = getattr(error, "lineno", None)
        if not filename or not line:
            filename, line = _template_frame(sys.exc_info()[2], filename)
        return _shown(filename or name), line or 1


def _template_frame(tb: Any, fallback: str | None) -> tuple[str | None, int | None]:
    """The innermost template file and line in a traceback (Jinja2 rewrites frames to point there)."""
    found: tuple[str | None, int | None] = (fallback, None)
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None and template.filename:  # a frame Jinja2 did not rewrite (a RecursionError)
            found = (template.filename, template.get_corresponding_lineno(tb.tb_lineno))
        elif tb.tb_frame.f_code.co_filename.endswith(".j2"):
            found = (tb.tb_frame.f_code.co_filename, tb.tb_lineno)
        tb = tb.tb_next
    return found


def _self_reference(filename: str) -> int | None:
    """The line of an extends, include or import tag in `filename` that names the file itself."""
    from jinja2 import nodes

    path = Path(filename)
    try:
        tree = Environment().parse(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, TemplateError):
        return None
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        target = node.template
        if isinstance(target, nodes.Const) and isinstance(target.value, str) and Path(target.value).name == path.name:
            return node.lineno
    return None


def _shown(filename: str) -> str:
    path = Path(filename)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def make_renderer(school_templates: Path | None = None) -> Renderer:
    """Environments for our templates, or for a school's folder (sandboxed) falling back to ours."""
    if school_templates is not None and not school_templates.is_dir():
        raise UsageError(f"--templates {school_templates}: no such folder",
                         "give the folder that holds your .j2 templates")
    folders = [str(school_templates)] if school_templates else []
    loader = ChoiceLoader([FileSystemLoader(folder) for folder in [*folders, str(TEMPLATES)]])
    kind = SchoolSandbox if school_templates else Environment
    common: dict[str, Any] = dict(loader=loader, undefined=StrictUndefined, keep_trailing_newline=True,
                                  trim_blocks=True, lstrip_blocks=True, auto_reload=False)
    html = kind(autoescape=True, **common)
    text = kind(autoescape=False, **common)
    markdown = kind(autoescape=False, finalize=_markdown_finalize, **common)
    markdown.filters["md_url"] = limited(md_url) if school_templates else md_url
    from .languages import t_html, t_text  # languages.py builds on this module's views

    for environment, fill in ((html, t_html), (text, t_text), (markdown, t_text)):
        environment.filters["t"] = limited(fill) if school_templates else fill
    return Renderer(html=html, text=text, markdown=markdown, school_templates=school_templates)


def context(school: SchoolView, piece: PieceView, colours: Colours, social: Social | None = None,
            parts: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """The variables every piece template receives. `parts` (languages.parts_for): the piece in each
    language, English first; without it, the English piece alone. `piece` and `social` are the first part's."""
    if parts is None:
        from .languages import english_part

        parts = (english_part(None, school, piece, social),)
    return {"school": school, "piece": parts[0].piece, "colours": colours, "social": parts[0].social if social else None,
            "parts": parts}


__all__ = ["LENGTHS", "MarkdownText", "PieceView", "Renderer", "SchoolView", "Social", "colours_for", "context",
           "band_anchor", "guide_url", "make_renderer", "piece_view", "school_view", "social_posts"]
