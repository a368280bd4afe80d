"""Newsletter pieces for schools: profiles, rendering, safe output, feeds and the in-site builder."""

from .errors import NewsletterErrors, UsageError
from .profile import SchoolProfile, load_profile, load_profiles_csv

__all__ = ["NewsletterErrors", "SchoolProfile", "UsageError", "load_profile", "load_profiles_csv"]
