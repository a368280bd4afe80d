"""Safe loading of content files into the typed model, with errors that name file and line."""

from .errors import ContentError, ContentErrors, ContentProblem
from .loader import load_library, load_yaml_model
from .safe_yaml import YamlDocument, parse_yaml

__all__ = ["ContentError", "ContentErrors", "ContentProblem", "YamlDocument", "load_library",
           "load_yaml_model", "parse_yaml"]
