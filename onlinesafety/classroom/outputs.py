"""Every classroom file of the site, by path: made once per content hash, on every core, in one place.

For each lesson and each region: an editable slide deck (.pptx) and a printable pupil pack (PDF);
for each lesson: the Present page and, where it has knowledge checks, a Moodle GIFT file. Renderers
are plain functions; this module alone names files, consults the cache and farms work out.
"""

from __future__ import annotations

import io

from ..model import Band, Lesson, Library, Region
from ..site.workers import OrderedWorkers, job, workers_wanted
from .cache import OutputCache, cache_folder, key_for
from .parts import shared_part, use_folder
from .paths import deck_path, gift_path, lesson_folder, lesson_paths, pack_path, present_path
from .deck import lesson_deck
from .gift import lesson_gift
from .pack import help_card, lesson_pack
from .pack_pdf import help_pages, laid_out
from .present import present_html
from .pptx_file import regional_pptx

def _inputs(lesson: Lesson, regions: list[Region]) -> tuple[str, ...]:
    return (lesson.model_dump_json(), *(region.model_dump_json() for region in regions))


def lesson_files(lesson: Lesson, regions: list[Region]) -> dict[str, bytes]:
    """Every classroom file of one lesson, made from scratch (no cache)."""
    large = lesson.band is Band.AGES_4_7
    files: dict[str, bytes] = {}
    decks = regional_pptx(lesson_deck(lesson, regions[0]), regions, lesson.band, large=large,
                          reviewed=lesson.reviewed)
    pack = lesson_pack(lesson)
    pages = laid_out(pack)
    lesson_pdf = pages.write_pdf()
    for region in regions:
        files[deck_path(lesson, region)] = decks[region.id]
        files[pack_path(lesson, region)] = _joined(lesson_pdf, _help_card_pdf(region, lesson.band), lesson.title)
    depth = lesson_folder(lesson).count("/") + 2  # lessons/<band>/<id>/present/
    files[present_path(lesson)] = present_html(lesson, regions, assets="../" * depth + "assets/",
                                                lesson_url="../").encode("utf-8")
    if lesson.knowledge_checks:
        files[gift_path(lesson)] = lesson_gift(lesson).encode("utf-8")
    return files


def _help_card_pdf(region: Region, band: Band) -> bytes:
    """A region's help card page for `band`, laid out once (the same in every lesson; see parts.py)."""
    def make() -> bytes:
        from .pack import Pack

        return help_pages(Pack("help", "help", band is Band.AGES_4_7, ()), help_card(region, band)).write_pdf()
    return shared_part("help-card", (region.model_dump_json(), band.value), make)


def _joined(lesson_pdf: bytes, help_pdf: bytes, title: str) -> bytes:
    """The lesson's pages then the help card, as one PDF with the same bytes every run."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for part in (lesson_pdf, help_pdf):
        writer.append(PdfReader(io.BytesIO(part)))
    writer.add_metadata({"/Title": f"{title}: pupil pack", "/Author": "Safe Online Schools",
                         "/Subject": "Pupil pack. CC BY 4.0", "/Producer": "Safe Online Schools"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _made_in_worker(lesson_id: str) -> dict[str, bytes]:
    library, regions, folder = job()
    use_folder(folder)
    return lesson_files(library.lessons[lesson_id], regions)


def classroom_files(library: Library, *, cache: OutputCache | None = None,
                    workers: int | None = None) -> dict[str, bytes]:
    """{path in the site: bytes} for every lesson's classroom files, in sorted order.

    Files whose inputs are unchanged come from the cache; lessons with any file missing are made
    again, on every core.
    """
    cache = cache if cache is not None else OutputCache(cache_folder())
    use_folder(cache.folder)
    regions = library.regions_in_order()
    files: dict[str, bytes] = {}
    todo: list[Lesson] = []
    for lesson in library.lessons.values():
        inputs = _inputs(lesson, regions)
        found = {path: cache.get(key_for(path, *inputs)) for path in lesson_paths(lesson, regions)}
        if all(data is not None for data in found.values()):
            files.update(found)  # type: ignore[arg-type]
        else:
            todo.append(lesson)
    count = min(workers_wanted() if workers is None else workers, len(todo))
    pool = OrderedWorkers(_made_in_worker, [lesson.id for lesson in todo], (library, regions, cache.folder),
                          workers=count if count > 1 else 0)
    try:
        for lesson in todo:
            result = pool.result(lesson.id)
            made = result[0] if result is not None else lesson_files(lesson, regions)
            inputs = _inputs(lesson, regions)
            for path, data in made.items():
                cache.put(key_for(path, *inputs), data)
                cache.misses += 1
            files.update(made)
    finally:
        pool.close()
    return dict(sorted(files.items()))
