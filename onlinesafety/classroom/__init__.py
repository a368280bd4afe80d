"""Classroom outputs made from a typed lesson: slide deck, pupil pack, Present view and knowledge checks.

Each output kind is a plain function from a lesson (and region) to bytes, with no I/O; `placement`
alone decides which text may go where, by its audience; `outputs` caches and names the files.
"""

from .paths import classroom_enabled


def classroom_files(library, **options):
    """{path in the site: bytes} for every lesson's slides, pupil packs, Present page and checks file."""
    from .outputs import classroom_files as build  # heavy imports (python-pptx, WeasyPrint) only when building

    return build(library, **options)


__all__ = ["classroom_enabled", "classroom_files"]
