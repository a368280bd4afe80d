"""The in-site newsletter builder page: a form, a live preview and copy buttons, for school offices.

The page body is plain HTML (MkDocs passes raw HTML blocks through). It holds no executable
script: templates/material/assets/javascripts/newsletter-builder.js does the work, reading the
English data from a <script type="application/json"> block. Translations are not embedded: the
block lists each language with the site path of its own file (api/newsletter-<code>.json, written
by the site build from exports.language_files), and the script fetches that file only when the
language is chosen, so the page stays as light as the English-only page. A school's details are
kept only in the browser's local storage and never sent anywhere.

`builder_plain_text` is the Python twin of the script's plain-text output, so tests can check that
what the office copies is exactly what we expect.
"""

from __future__ import annotations

import datetime as dt
import html
import json

from ..model import Band, Library
from ..model.common import BAND_LABELS
from .exports import newsletter_languages, snippets_data
from .languages import LRM, RTL_CLOSE, RTL_OPEN, mark_rtl_lines
from .render import LENGTHS, guide_url, season_label
from .richtext import parse_markdown
from .term import MAX_WEEKS, plan_term

DATA_ID = "newsletter-builder-data"
LENGTH_LABELS = {"short": "Short (up to 60 words)", "medium": "Medium (up to 150 words)",
                 "long": "Long (up to 300 words)"}
PLACEHOLDERS = {"school": "[your school's name]", "lead": "", "contact": ""}


def _script_json(data: object) -> str:
    """JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _option(value: str, label: str) -> str:
    return f'<option value="{html.escape(value)}">{html.escape(label)}</option>'


def builder_page(library: Library, *, base_url: str | None = None) -> str:
    """The builder page body (HTML inside Markdown), with the English data embedded (`builder_data`)."""
    topics = [t for t in library.topics_in_order() if any(s.topic == t.id and s.band for s in library.snippets.values())]
    seasonal = sorted((s for s in library.snippets.values() if s.band is None), key=lambda s: (s.season or "", s.id))
    topic_options = "".join(_option(t.id, t.title) for t in topics)
    season_options = "".join(
        _option(f"season:{s.id}", season_label(s.season or s.id)) for s in seasonal)
    groups = f'<optgroup label="Topics">{topic_options}</optgroup>'
    if season_options:
        groups += f'<optgroup label="Times of year (every age)">{season_options}</optgroup>'
    bands = "".join(_option(b.value, BAND_LABELS[b]["title"]) for b in Band)
    lengths = "".join(_option(length, LENGTH_LABELS[length]) for length in LENGTHS)
    regions = "".join(_option(r.id, r.name) for r in library.regions_in_order())
    languages = "".join(_option(value, label) for value, label in language_options(library))
    data = (f'<script type="application/json" id="{DATA_ID}">'
            f"{_script_json(builder_data(library, base_url))}</script>\n")
    return f"""\
<div id="nl-builder" class="nl-builder">
<p>Choose a piece, add your school's details and copy it into your newsletter, email or social media.
Your school's details stay in this browser: they are saved in its local storage so you need not type
them again, and they are never sent anywhere.</p>
<noscript><p><strong>The builder needs JavaScript.</strong> Every piece is also on the parent guide
pages, ready to copy.</p></noscript>
<form class="nl-form" id="nl-form" aria-describedby="nl-privacy">
<fieldset>
<legend>Choose a piece</legend>
<p class="nl-field"><label for="nl-topic">Topic</label>
<select id="nl-topic" name="topic">{groups}</select></p>
<p class="nl-field"><label for="nl-band">Age of the children</label>
<select id="nl-band" name="band" aria-describedby="nl-band-note">{bands}</select>
<span class="nl-note" id="nl-band-note"></span></p>
<p class="nl-field"><label for="nl-length">Length</label>
<select id="nl-length" name="length">{lengths}</select></p>
<p class="nl-field"><label for="nl-region">Country or region (sets the help page and the safeguarding lead's title)</label>
<select id="nl-region" name="region">{regions}</select></p>
<p class="nl-field"><label for="nl-language">Language</label>
<select id="nl-language" name="language" aria-describedby="nl-language-note">{languages}</select>
<span class="nl-note" id="nl-language-note">A translated piece says it is a translation and that the English
is the one to follow. Only pieces that have been translated can be chosen in another language.</span></p>
</fieldset>
<fieldset>
<legend>Your school</legend>
<p class="nl-note" id="nl-privacy">Kept in this browser only, never sent anywhere.</p>
<p class="nl-field"><label for="nl-school">School name</label>
<input id="nl-school" name="school" type="text" maxlength="100" autocomplete="organization" spellcheck="false"></p>
<p class="nl-field"><label for="nl-lead">Safeguarding lead's name</label>
<input id="nl-lead" name="lead" type="text" maxlength="80" autocomplete="off" spellcheck="false"></p>
<p class="nl-field"><label for="nl-contact">Safeguarding contact (email address or phone number)</label>
<input id="nl-contact" name="contact" type="text" maxlength="100" autocomplete="off" spellcheck="false"></p>
<p class="nl-field"><button type="button" class="md-button" id="nl-forget">Forget these details</button></p>
</fieldset>
</form>
<h2 id="nl-preview-heading">Preview</h2>
<div class="nl-actions" id="nl-actions" hidden>
<button type="button" class="md-button md-button--primary" id="nl-copy-email">Copy for email</button>
<button type="button" class="md-button" id="nl-copy-text">Copy plain text</button>
<button type="button" class="md-button" id="nl-copy-social">Copy short social post</button>
<button type="button" class="md-button" id="nl-copy-social-long">Copy long social post</button>
</div>
<p class="nl-status" id="nl-status" role="status"></p>
<div class="nl-preview" id="nl-preview" aria-live="polite" aria-labelledby="nl-preview-heading"></div>
<h3 id="nl-social-heading">Social post, short (with a link)</h3>
<p class="nl-social" id="nl-social" aria-live="polite"></p>
<h3 id="nl-social-long-heading">Social post, long (no link, for where links are hidden)</h3>
<p class="nl-social" id="nl-social-long" aria-live="polite"></p>
<h2 id="term-plan">A term's plan</h2>
<p>Give the first week of term and how many weeks it has. The builder lists one piece a week, in the
order the topics are taught, for the age chosen above. Choose "Show this piece" to see it in the
preview, ready to copy.</p>
<form class="nl-form nl-plan-form" id="nl-plan-form">
<p class="nl-field"><label for="nl-plan-start">First week of term</label>
<input id="nl-plan-start" name="plan-start" type="date"></p>
<p class="nl-field"><label for="nl-plan-weeks">Number of weeks (1 to {MAX_WEEKS})</label>
<input id="nl-plan-weeks" name="plan-weeks" type="number" min="1" max="{MAX_WEEKS}" value="6" inputmode="numeric"></p>
</form>
<p class="nl-status" id="nl-plan-status" role="status"></p>
<ol class="nl-plan" id="nl-plan"></ol>
{data}</div>
"""


def language_options(library: Library) -> list[tuple[str, str]]:
    """The language choices: English only, each language alone ("pl"), and English then it ("en+pl")."""
    options = [("", "English only")]
    for language in newsletter_languages(library):
        name = f"{language.name} ({language.native_name})"
        options.append((language.code, f"{name} only"))
        options.append((f"en+{language.code}", f"English, then {name}"))
    return options


def term_sequence(library: Library) -> dict[str, list[str]]:
    """{band: snippet ids in the order a term's plan uses them}: the plan's own logic
    (onlinesafety/newsletters/term.py), exported so the builder page only adds dates."""
    sequence: dict[str, list[str]] = {}
    for band in Band:
        topics = {s.topic for s in library.snippets.values() if s.band == band}
        if not topics:
            continue
        # The order does not depend on the start date; the page adds the dates the school gives.
        weeks = plan_term(library, [band], dt.date(2027, 1, 4), weeks=min(len(topics), MAX_WEEKS))
        sequence[band.value] = [week.snippets[0].id for week in weeks]
    return sequence


def builder_data(library: Library, base_url: str | None = None) -> dict[str, object]:
    """What the builder page embeds: the English pieces (api/snippets.json without Markdown or translations),
    the term plan, and the languages, each with the site path of the file the script fetches when it is
    chosen (exports.language_data)."""
    data = snippets_data(library, base_url, markdown=False, translations=False)
    data["term_plan"] = term_sequence(library)
    return data


SEPARATOR = "-" * 40  # between the English and the translation, as in build_newsletters.py's text.txt


def chosen_languages(language: str) -> list[str]:
    """The select's value as the parts' languages: "" -> ["en"], "pl" -> ["pl"], "en+pl" -> ["en", "pl"]."""
    if not language:
        return ["en"]
    return language.split("+")


def builder_plain_text(library: Library, *, snippet_id: str, length: str, region_id: str, site_root: str,
                       school: str = "", lead: str = "", contact: str = "", language: str = "") -> str:
    """The exact text "Copy plain text" puts on the clipboard (site_root: the site's absolute URL, ending in /).

    `language` is the Language select's value: "" (English only), "pl" (Polish only) or "en+pl" (English, then
    Polish). A translated part starts with the notice; a right-to-left part's lines are marked as in the
    command's text.txt (languages.mark_rtl_lines)."""
    root = site_root.rstrip("/")
    codes = chosen_languages(language)
    parts = []
    for code in codes:
        lines = _part_lines(library, code, snippet_id, length, region_id, root, lead, contact, alone=len(codes) == 1)
        if code != "en" and library.languages[code].rtl:
            lines = mark_rtl_lines("\n".join([RTL_OPEN, *lines, RTL_CLOSE])).split("\n")
        parts.append(lines)
    lines = parts[0]
    for more in parts[1:]:
        lines += ["", SEPARATOR, "", *more]
    lines += ["", school.strip() or PLACEHOLDERS["school"]]
    return "\n".join(lines) + "\n"


def _part_lines(library: Library, code: str, snippet_id: str, length: str, region_id: str, root: str,
                lead: str, contact: str, *, alone: bool) -> list[str]:
    snippet = library.snippets[snippet_id]
    region = library.regions[region_id]
    english_guide = guide_url(root, snippet.topic, snippet.band)
    if code == "en":
        piece = getattr(snippet, length)
        body = parse_markdown(piece.body).text(root)
        lines = [piece.headline, "", body, "", piece.call_to_action, english_guide, ""]
        lines.append(_worried_line(region.terms.safeguarding_lead, lead, contact))
        lines += ["", f"Where to get help ({region.name}):", f"{root}/help/{region.id}/"]
        return lines
    translations = library.translations[code]
    strings = library.languages[code].strings
    english = library.languages.get("en")
    say = lambda key: strings.get(key) or (english.strings[key] if english else key)  # noqa: E731
    translated = translations.snippets[snippet_id]
    piece = getattr(translated, length)
    guide = (f"{root}/{code}" + guide_url("", snippet.topic, snippet.band)
             if snippet.topic in translations.parent_guides else english_guide)
    local = translations.regions.get(region_id)
    region_name = local.name if local else region.name
    lead_term = local.terms.safeguarding_lead if local else region.terms.safeguarding_lead
    help_url = f"{root}/{code}/help/{region_id}/" if local else f"{root}/help/{region_id}/"
    lines = [say("newsletter_translation_note")]
    if alone:
        lines += [f"{say('read_in_english')}:", english_guide]
    lines += ["", piece.headline, "", parse_markdown(piece.body).text(root), "", piece.call_to_action, guide, ""]
    lines.append(_worried_line_in(say("newsletter_worried"), lead_term, lead, contact))
    lines += ["", say("newsletter_where_help").replace("{region}", region_name) + ":", help_url]
    return lines


def _worried_line(term: str, lead: str, contact: str) -> str:
    who = f"our {term}" + (f", {lead.strip()}" if lead.strip() else "")
    reach = f" ({contact.strip()})" if contact.strip() else ""
    return f"If you are worried about a child, please talk to {who}{reach}."


def _worried_line_in(text: str, term: str, lead: str, contact: str) -> str:
    """The translated 'worried' line; a blank name or contact is left out with the words around it
    ("{lead_term}, {lead_name} ({contact})" -> "{lead_term}"), as in English."""
    lead, contact = lead.strip(), contact.strip()
    if not contact:
        text = text.replace(" ({contact})", "").replace("({contact})", "")
    if not lead:
        for joined in ("، {lead_name}", ", {lead_name}", ": {lead_name}", " {lead_name}", "{lead_name}"):
            text = text.replace(joined, "")
    return text.replace("{lead_term}", term).replace("{lead_name}", lead).replace("{contact}", contact)


def builder_social_text(library: Library, *, snippet_id: str, site_root: str, language: str = "",
                        long: bool = False) -> str:
    """The exact text "Copy short social post" (or, with `long`, "Copy long social post") puts on the clipboard:
    each chosen language's post, English first, a blank line between."""
    snippet = library.snippets[snippet_id]
    root = site_root.rstrip("/")
    english_guide = guide_url(root, snippet.topic, snippet.band)
    posts = []
    for code in chosen_languages(language):
        if code == "en":
            posts.append(snippet.social.long if long else snippet.social.short.replace("{link}", english_guide))
            continue
        translations = library.translations[code]
        social = translations.snippets[snippet_id].social
        guide = (f"{root}/{code}" + guide_url("", snippet.topic, snippet.band)
                 if snippet.topic in translations.parent_guides else english_guide)
        mark = LRM if library.languages[code].rtl else ""
        posts.append(social.long if long else social.short.replace("{link}", guide + mark))
    return "\n\n".join(posts)
