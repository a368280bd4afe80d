"""The in-site newsletter builder page: a form, a live preview and copy buttons, for school offices.

The page body is plain HTML (MkDocs passes raw HTML blocks through). It holds no executable
script: templates/material/assets/javascripts/newsletter-builder.js does the work, reading the
data from a <script type="application/json"> block (or fetching api/snippets.json). A school's
details are kept only in the browser's local storage and never sent anywhere.

`builder_plain_text` is the Python twin of the script's plain-text output, so tests can check that
what the office copies is exactly what we expect.
"""

from __future__ import annotations

import html
import json

from ..model import Band, Library
from ..model.common import BAND_LABELS
from .exports import snippets_data
from .render import LENGTHS, guide_url, season_label
from .richtext import parse_markdown

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


def builder_page(library: Library, *, base_url: str | None = None, data_url: str | None = None) -> str:
    """The builder page body (HTML inside Markdown); data embedded unless `data_url` is given."""
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
    source = (f' data-src="{html.escape(data_url)}"' if data_url else "")
    data = "" if data_url else (
        f'<script type="application/json" id="{DATA_ID}">'
        f"{_script_json(snippets_data(library, base_url, markdown=False))}</script>\n")
    return f"""\
<div id="nl-builder" class="nl-builder"{source}>
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
<button type="button" class="md-button" id="nl-copy-social">Copy social post</button>
</div>
<p class="nl-status" id="nl-status" role="status"></p>
<div class="nl-preview" id="nl-preview" aria-live="polite" aria-labelledby="nl-preview-heading"></div>
<h3 id="nl-social-heading">Social post</h3>
<p class="nl-social" id="nl-social" aria-live="polite"></p>
{data}</div>
"""


def builder_plain_text(library: Library, *, snippet_id: str, length: str, region_id: str, site_root: str,
                       school: str = "", lead: str = "", contact: str = "") -> str:
    """The exact text "Copy plain text" puts on the clipboard (site_root: the site's absolute URL, ending in /)."""
    snippet = library.snippets[snippet_id]
    region = library.regions[region_id]
    piece = getattr(snippet, length)
    root = site_root.rstrip("/")
    body = parse_markdown(piece.body).text(root)
    lines = [piece.headline, "", body, "", piece.call_to_action, guide_url(root, snippet.topic, snippet.band), ""]
    lines.append(_worried_line(region.terms.safeguarding_lead, lead, contact))
    lines += ["", f"Where to get help ({region.name}):", f"{root}/help/{region.id}/", ""]
    lines.append(school.strip() or PLACEHOLDERS["school"])
    return "\n".join(lines) + "\n"


def _worried_line(term: str, lead: str, contact: str) -> str:
    who = f"our {term}" + (f", {lead.strip()}" if lead.strip() else "")
    reach = f" ({contact.strip()})" if contact.strip() else ""
    return f"If you are worried about a child, please talk to {who}{reach}."


def builder_social_text(library: Library, *, snippet_id: str, site_root: str) -> str:
    """The exact text "Copy social post" puts on the clipboard."""
    snippet = library.snippets[snippet_id]
    return snippet.social.short.replace("{link}", guide_url(site_root.rstrip("/"), snippet.topic, snippet.band))
