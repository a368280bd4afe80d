"""Online-safety lessons, parent guides and newsletter pieces for schools, from one checked source."""

from .loading import ContentErrors, load_library
from .model import Library

__all__ = ["ContentErrors", "Library", "load_library"]
