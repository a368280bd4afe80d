"""A deck as an editable .pptx file (python-pptx): large type, high contrast, speaker notes for the teacher.

Opens in PowerPoint, Google Slides, Keynote and LibreOffice. Slide titles are real title placeholders
(the outline and screen readers use them), pictures carry alt text, and the bytes are the same on
every run (fixed dates in the file and in the zip).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from ..model import Band, Region
from ..newsletters.richtext import Inline, ItemList, LineBreak, Link, Paragraph, Styled, Text, parse_markdown
from . import deck as d
from .parts import pack_pair, shared_part, unpack_pair
from .icons import icon_png

INK = RGBColor(0x11, 0x11, 0x11)
ACCENT = RGBColor(0x1A, 0x3D, 0x7C)  # dark blue: 10.6:1 on white
PAPER = RGBColor(0xFF, 0xFF, 0xFF)
CARD = RGBColor(0xF2, 0xF4, 0xF8)
FONT = "Arial"  # LibreOffice substitutes the metric-compatible Liberation Sans
WIDTH, HEIGHT = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.6)
FIXED_TIME = (2026, 1, 1, 0, 0, 0)
# Characters XML 1.0 cannot hold (controls other than tab and newline, lone surrogates, U+FFFE/FFFF):
# the loader lets some through in titles, and lxml refuses them, so they are dropped from decks.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: str) -> str:
    return _NOT_XML.sub("", value)
TITLE_ONLY = 5


def deck_pptx(deck: d.Deck, *, large: bool = False, reviewed: dt.date | None = None) -> bytes:
    """The deck as .pptx bytes; `large` makes body type bigger (ages 4–7)."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = WIDTH, HEIGHT
    body_size = Pt(32 if large else 28)
    for slide in deck.slides:
        _add_slide(presentation, slide, body_size)
        if any(isinstance(block, d.Question) for block in slide.blocks):
            for answers in _answer_slides(slide, limit=300 if large else 420):
                _add_slide(presentation, answers, body_size)
    stamp = dt.datetime.combine(reviewed or dt.date(2026, 1, 1), dt.time())
    properties = presentation.core_properties
    properties.title, properties.author, properties.last_modified_by = _xml_text(deck.title), "Safe Online Schools", ""
    properties.subject = f"Lesson slides ({deck.region})"
    properties.keywords = "online safety; CC BY 4.0"
    properties.created = properties.modified = stamp
    properties.revision = 1
    buffer = io.BytesIO()
    presentation.save(buffer)
    return _fixed_zip(buffer.getvalue())


def regional_pptx(deck: d.Deck, regions: list, band: Band, *, large: bool = False,
                  reviewed: dt.date | None = None) -> dict[str, bytes]:
    """{region id: .pptx bytes}: `deck` made once, each region's help slide put in its place.

    Decks for different countries differ only in the help slide (the same for every lesson), so the
    lesson is laid out once and the help slide's two parts are swapped in the zip: the bytes are the
    same as making each region's deck from scratch (tested), at a fraction of the time.
    """
    base = deck_pptx(deck, large=large, reviewed=reviewed)
    slide_part, notes_part = _help_parts(base)
    decks = {}
    for region in regions:
        if region.id == deck.region:
            decks[region.id] = base
            continue
        slide_xml, notes_xml = _help_slide_xml(region.model_dump_json(), band.value, large)
        decks[region.id] = _fixed_zip(base, {slide_part: slide_xml, notes_part: notes_xml},
                                      subject=(deck.region, region.id))
    return decks


def _help_slide_xml(region_json: str, band: str, large: bool) -> tuple[bytes, bytes]:
    """A region's help slide and notes as XML, made once per band (the same in every lesson; see parts.py)."""
    def make() -> bytes:
        region = Region.model_validate_json(region_json)
        alone = d.Deck("help", "help", region.id, (d.help_slide(region, Band(band)),))
        archive = zipfile.ZipFile(io.BytesIO(deck_pptx(alone, large=large)))
        return pack_pair(archive.read("ppt/slides/slide1.xml"), archive.read("ppt/notesSlides/notesSlide1.xml"))
    return unpack_pair(shared_part("help-slide", (region_json, band, str(large)), make))


def _help_parts(data: bytes) -> tuple[str, str]:
    """The zip names of the help slide and its notes (the slide named 'help')."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        if name.startswith("ppt/slides/slide") and b'<p:cSld name="help"' in archive.read(name):
            number = name.removeprefix("ppt/slides/slide").removesuffix(".xml")
            return name, f"ppt/notesSlides/notesSlide{number}.xml"
    raise LookupError("the deck has no help slide")


def _answer_slides(slide: d.Slide, *, limit: int) -> list[d.Slide]:
    """The answers and their feedback after a question, on as many slides as it takes to keep the type large."""
    question = next(block for block in slide.blocks if isinstance(block, d.Question))
    lines = [f"{'✔ ' if answer.correct and question.kind != 'sort' else ''}**{answer.text}**: {answer.feedback}"
             for answer in question.answers]
    prompt = next((block.markdown for block in slide.blocks if isinstance(block, d.Text)), "")
    parts: list[list[str]] = [[]]
    for line in lines:
        if parts[-1] and sum(map(len, parts[-1])) + len(line) + len(prompt) > limit:
            parts.append([])
        parts[-1].append(line)
    suffix = [f" ({n} of {len(parts)})" if len(parts) > 1 else "" for n in range(1, len(parts) + 1)]
    return [d.Slide("answer", f"Answers: {slide.title}{suffix[n]}", (d.Text(prompt), d.Bullets(tuple(part))),
                    notes="Read the feedback for each answer. Praise every attempt; nobody's answer is recorded.")
            for n, part in enumerate(parts)]


def _add_slide(presentation, slide: d.Slide, body_size: Pt) -> None:
    page = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY])
    page._element.cSld.set("name", slide.kind)  # names the help slide for regional_pptx
    title = page.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.3), WIDTH - 2 * MARGIN, Inches(1.2)
    title.text_frame.word_wrap = True
    _write(title.text_frame, slide.title, Pt(40), bold=True, colour=ACCENT)
    bar = page.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, Inches(1.5), WIDTH, Inches(0.08))
    bar.fill.solid()
    bar.fill.fore_color.rgb = ACCENT
    bar.line.fill.background()
    bar.name = "Decoration"
    top = Inches(1.8)
    pictures = [block for block in slide.blocks if isinstance(block, d.Picture)]
    text_width = WIDTH - 2 * MARGIN - (Inches(3.2) if pictures else 0)
    for block in slide.blocks:
        if isinstance(block, d.Text):
            top = _text_box(page, block.markdown, top, text_width, body_size)
        elif isinstance(block, d.Bullets):
            top = _bullets(page, block, top, text_width, body_size)
        elif isinstance(block, d.Cards):
            top = _cards(page, block, top, body_size)
        elif isinstance(block, d.Question):
            top = _answers(page, block, top, text_width, body_size)
        elif isinstance(block, d.HelpList):
            top = _help(page, block, top, text_width, body_size)
    for number, picture in enumerate(pictures):
        shape = page.shapes.add_picture(io.BytesIO(icon_png(picture.icon)), WIDTH - MARGIN - Inches(2.8),
                                        Inches(1.9) + number * Inches(3), Inches(2.8), Inches(2.8))
        _alt(shape, picture.alt)
    if slide.notes:
        page.notes_slide.notes_text_frame.text = _xml_text(slide.notes)


def _fitting(text: str, top: Emu, width: Emu, size: Pt, extra_lines: int = 0) -> tuple[Pt, Emu]:
    """The largest size, down to 18 pt, at which `text` fits below `top`; and its height."""
    room = HEIGHT - top - Inches(0.25)
    points = size.pt
    while points > 18 and _estimate(text, width, Pt(points), extra_lines=extra_lines) > room:
        points -= 2
    return Pt(points), _estimate(text, width, Pt(points), extra_lines=extra_lines)


def _text_box(page, markdown: str, top: Emu, width: Emu, size: Pt) -> Emu:
    blocks = parse_markdown(markdown).blocks
    size, height = _fitting(markdown, top, width, size)
    frame = page.shapes.add_textbox(MARGIN, top, width, height).text_frame
    frame.word_wrap = True
    first = True
    for block in blocks:
        rows = [block.children] if isinstance(block, Paragraph) else list(block.items)
        for index, row in enumerate(rows):
            paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            paragraph.space_after = Pt(10)
            if isinstance(block, ItemList):
                _bullet(paragraph, f"{index + 1}." if block.ordered else None)
            _runs(paragraph, row, size)
    return top + height


def _bullets(page, block: d.Bullets, top: Emu, width: Emu, size: Pt) -> Emu:
    text = "\n".join(block.items)
    size, height = _fitting(text, top, width, size, extra_lines=len(block.items) // 2)
    frame = page.shapes.add_textbox(MARGIN, top, width, height).text_frame
    frame.word_wrap = True
    for index, item in enumerate(block.items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()
        paragraph.space_after = Pt(12)
        _bullet(paragraph, f"{index + 1}." if block.numbered else None)
        for inner in parse_markdown(item).blocks[:1]:
            _runs(paragraph, inner.children if isinstance(inner, Paragraph) else inner.items[0], size)
    return top + height


def _answers(page, block: d.Question, top: Emu, width: Emu, size: Pt) -> Emu:
    if block.kind == "sort":
        cards = d.Cards(block.groups, tuple(d.CardView(answer.text.split(" → ")[0]) for answer in block.answers))
        return _cards(page, cards, top, size)
    letters = "ABCD"
    items = tuple(f"**{letters[n]}** {answer.text}" for n, answer in enumerate(block.answers))
    return _bullets(page, d.Bullets(items), top, width, size)


def _cards(page, block: d.Cards, top: Emu, size: Pt) -> Emu:
    if block.groups:
        top = _text_box(page, "Sort into: " + " · ".join(f"**{group}**" for group in block.groups), top,
                        WIDTH - 2 * MARGIN, size)
    count = len(block.cards)
    columns = 2 if count <= 4 else 3 if count <= 9 else 4
    rows = -(-count // columns)
    gap = Inches(0.2)
    card_width = (WIDTH - 2 * MARGIN - gap * (columns - 1)) // columns
    card_height = min(Inches(1.6), (HEIGHT - top - Inches(0.3) - gap * (rows - 1)) // max(rows, 1))
    longest = max(len(card.text) for card in block.cards)
    card_size = Pt(min(size.pt, 24 if count > 6 else size.pt, 20 if longest > 30 else size.pt,
                       16 if longest > 50 else size.pt))
    for index, card in enumerate(block.cards):
        row, column = divmod(index, columns)
        left = MARGIN + column * (card_width + gap)
        shape_top = top + row * (card_height + gap)
        shape = page.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left, shape_top, card_width, card_height)
        shape.fill.solid()
        shape.fill.fore_color.rgb = CARD
        shape.line.color.rgb = INK
        shape.line.width = Pt(1.5)
        frame = shape.text_frame
        frame.word_wrap = True
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        _write(frame, card.text, card_size, align=PP_ALIGN.CENTER)
        if card.icon:
            side = min(card_height - Inches(0.2), Inches(1.0))
            picture = page.shapes.add_picture(io.BytesIO(icon_png(card.icon)), left + Inches(0.1),
                                              shape_top + (card_height - side) // 2, side, side)
            _alt(picture, card.alt or "")
            frame.margin_left = side + Inches(0.2)
    return top + rows * (card_height + gap)


def _help(page, block: d.HelpList, top: Emu, width: Emu, size: Pt) -> Emu:
    items = []
    for line in block.lines:
        reach = " · ".join(filter(None, (f"call {line.phone}" if line.phone else None,
                                         f"text {line.sms}" if line.sms else None, line.url)))
        items.append(f"{line.what}: **{line.name}**, {reach}" if line.what else f"**{line.name}**: {reach}")
    return _bullets(page, d.Bullets(tuple(items)), top, width, Pt(min(size.pt, 24)))


def _write(frame, text: str, size: Pt, *, bold: bool = False, colour: RGBColor = INK,
           align: PP_ALIGN | None = None) -> None:
    paragraph = frame.paragraphs[0]
    paragraph.text = ""
    if align is not None:
        paragraph.alignment = align
    run = paragraph.add_run()
    run.text = _xml_text(text)
    _font(run, size, bold=bold, colour=colour)


def _runs(paragraph, nodes: tuple[Inline, ...], size: Pt, *, bold: bool = False, italic: bool = False) -> None:
    for node in nodes:
        if isinstance(node, Text):
            run = paragraph.add_run()
            run.text = _xml_text(node.text)
            _font(run, size, bold=bold, italic=italic)
        elif isinstance(node, Styled):
            _runs(paragraph, node.children, size, bold=bold or node.kind == "strong",
                  italic=italic or node.kind == "em")
        elif isinstance(node, Link):
            _runs(paragraph, node.children, size, bold=bold, italic=italic)
        elif isinstance(node, LineBreak):
            run = paragraph.add_run()
            run.text = "\v"


def _font(run, size: Pt, *, bold: bool = False, italic: bool = False, colour: RGBColor = INK) -> None:
    run.font.size, run.font.name, run.font.bold, run.font.italic = size, FONT, bold, italic
    run.font.color.rgb = colour


def _bullet(paragraph, number: str | None) -> None:
    """A real bullet (or number) that PowerPoint and LibreOffice keep when the teacher edits the text."""
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", str(Inches(0.5)))
    properties.set("indent", str(-Inches(0.4)))
    for tag in ("a:buNone", "a:buChar", "a:buAutoNum"):
        for old in properties.findall(qn(tag)):
            properties.remove(old)
    if number is None:
        mark = properties.makeelement(qn("a:buChar"), {"char": "•"})
    else:
        mark = properties.makeelement(qn("a:buAutoNum"), {"type": "arabicPeriod"})
    properties.append(mark)


def _alt(shape, text: str) -> None:
    shape._element.nvPicPr.cNvPr.set("descr", _xml_text(text))


def _estimate(text: str, width: Emu, size: Pt, *, extra_lines: int = 0) -> Emu:
    """A text box tall enough for `text` at `size` (about 0.5 em per character)."""
    per_line = max(int(width / (size * 0.5)), 10)
    lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n")) + extra_lines
    return Emu(int(lines * size * 1.35) + Inches(0.2))


def _fixed_zip(data: bytes, replace: dict[str, bytes] | None = None,
               subject: tuple[str, str] | None = None) -> bytes:
    """The same zip with a fixed date on every entry (so two builds give the same bytes), with parts
    in `replace` swapped in and the region in the document properties changed from subject[0] to [1]."""
    source = zipfile.ZipFile(io.BytesIO(data))
    replace = replace or {}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            content = replace.get(info.filename) or source.read(info.filename)
            if subject and info.filename == "docProps/core.xml":
                content = content.replace(f"Lesson slides ({subject[0]})".encode(),
                                          f"Lesson slides ({subject[1]})".encode())
            target.writestr(fixed, content)
    return out.getvalue()
