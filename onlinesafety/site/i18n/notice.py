"""The notice at the top of every translated page: its review status in the reader's language, and a
link to the English original, which stays the one to follow."""

from __future__ import annotations

from typing import Any

from .. import paths
from .strings import Strings


def notice(strings: Strings, info: Any, page_path: str, english_path: str) -> str:
    """Markdown for the notice on `page_path`, the translation of `english_path` (`info`: its TranslationInfo)."""
    if info.status == "reviewed" and info.reviewer:
        lines = [strings.t("notice_reviewed", reviewer=info.reviewer)]
    else:
        lines = [strings.t("notice_machine")]
    if info.out_of_date:
        lines.append(strings.t("notice_outdated"))
    kind = "warning" if info.out_of_date else "info"
    title = strings.t("notice_title").replace('"', "'")
    body = "\n\n".join([*lines, f"[{strings.t('read_in_english')}]({paths.md_link(page_path, english_path)}){{ hreflang=en lang=en }}"])
    indented = "\n".join(f"    {line}" if line else "" for line in body.split("\n"))
    status = "reviewed" if info.status == "reviewed" and info.reviewer else "machine-assisted"
    classes = f"translation-notice status-{status}" + (" out-of-date" if info.out_of_date else "")
    return f'!!! {kind} {classes} "{title}"\n\n{indented}\n'
