"""Parent material in other languages: translation files beside their English source, merged into
full items, with the hash of the English they translate (see content/README.md, 'Translations')."""

from .files import is_translation, source_of, translation_files
from .hashing import source_hash
from .model import TranslatedSet, TranslationInfo

__all__ = ["TranslatedSet", "TranslationInfo", "is_translation", "source_hash", "source_of", "translation_files"]
