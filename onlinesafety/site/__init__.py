"""Site generation: pages and data files from the library, independent of MkDocs."""

from .build import site_files
from .export import export_markdown
from .pages import allowed_tags

__all__ = ["allowed_tags", "export_markdown", "site_files"]
