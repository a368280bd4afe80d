"""Write the generated site as plain Markdown, so any Material-compatible builder can build it."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from pathlib import Path

from ..model import Library
from .build import site_files


def export_markdown(library: Library, out: Path, *, base_url: str = "http://127.0.0.1:8000/",
                    today: dt.date | None = None) -> int:
    """Write handwritten and generated pages to `out` (replaced whole, atomically); return the file count."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        pages_root = library.root / "pages"
        count = 0
        for source in sorted(pages_root.rglob("*")):
            if source.is_file():
                target = staging / source.relative_to(pages_root)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
                count += 1
        for path, text in site_files(library, base_url=base_url, today=today).items():
            target = staging / path
            if target.exists():
                raise FileExistsError(f"generated page {path} would overwrite content/pages/{path}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            count += 1
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
            try:
                os.replace(staging, out)
            except BaseException:
                os.replace(old, out)  # put the earlier export back whole
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, out)
        return count
    finally:
        shutil.rmtree(staging, ignore_errors=True)
