"""What the help pages and the home page say when a region has no service for a need."""

from __future__ import annotations

import re
from typing import Any

from ..model.help_route import Need, Region, dial_digits

# Needs a help page always lists: when no service in the region meets one, the page says what a reader
# can do instead (never a dead end). Staff advice is listed only where a service offers it.
ALWAYS_LISTED = (Need.CHILD_TALK, Need.PARENT_ADVICE, Need.REPORT_ABUSE, Need.REMOVE_IMAGE)


def help_fallbacks(region: Region, lang: Any = None) -> dict[str, str]:
    """{need value: what to do instead} for each always-listed need no route in the region meets, in
    the language of `lang` (onlinesafety/site/i18n/strings.py; English when None)."""
    lead = region.terms.safeguarding_lead
    if lang is not None and not lang.english:
        instead = {need: lang.t(f"fallback_{need.value.replace('-', '_')}", lead=lead) for need in ALWAYS_LISTED}
    else:
        instead = {
            Need.CHILD_TALK: f"Your child can talk to a trusted adult at home or at school, such as the {lead}.",
            Need.PARENT_ADVICE: f"Talk to your child's school and ask for the {lead}. The reporting services "
                                "on this page can also tell you what to do next.",
            Need.REPORT_ABUSE: "Call the police. If a child is in danger right now, use the emergency number "
                               "at the top of this page.",
            Need.REMOVE_IMAGE: "Report the image to the app or site where it was shared, and to the reporting "
                               "service on this page. Do not copy or send it on.",
        }
    covered = {need for route in region.routes for need in route.needs}
    return {need.value: instead[need] for need in ALWAYS_LISTED if need not in covered}


# Numbers a reader is told to call in prose ("call 101", "Police on 105"), besides the routes' own numbers.
_SAID = r"(?P<said>\b(?i:call|dial|on|or) )(?P<short>#?\d{3,4})\b(?![\d-]|\s\d)"
# Letter numbers as services advertise them (1-800-CALL-FBI): dialled through the phone keypad.
_LETTERS = r"(?P<letters>\b1-8\d\d-[A-Z0-9]{2,}(?:-[A-Z0-9]{2,})+\b)"
_KEYPAD = {letter: str(digit) for digit, letters in
           {2: "ABC", 3: "DEF", 4: "GHI", 5: "JKL", 6: "MNO", 7: "PQRS", 8: "TUV", 9: "WXYZ"}.items()
           for letter in letters}


def keypad_digits(number: str) -> str:
    """The digits dialled for a number written with letters (1-800-CALL-FBI -> 18002255324)."""
    return "".join(_KEYPAD.get(char, char) for char in number.upper() if char.isalnum())


def link_numbers(text: str, region: Region) -> str:
    """Prose with every phone number it mentions as a Markdown tel: link: the region's route numbers,
    numbers after "call", "dial" or "on", and letter numbers such as 1-800-CALL-FBI."""
    pattern = _number_pattern(region)

    def link(match: re.Match[str]) -> str:
        if match.group("letters"):
            number = match.group("letters")
            return f"[{number}](tel:{keypad_digits(number)})"
        if match.group("said"):
            number = match.group("short")
            return f"{match.group('said')}[{number}](tel:{number.replace('#', '%23')})"
        number = match.group(0)
        return f"[{number}](tel:{dial_digits(number)})"

    return pattern.sub(link, text)


_LINK = re.compile(r"\[[^\]]*\]\((?:tel|sms):[^)]*\)")
_SOURCES = re.compile(r"\n## (?:Sources\b|[^\n]*\{ #sources\b)")


def untapped_numbers(markdown: str, region: Region) -> list[str]:
    """Phone numbers a help page shows as plain text instead of a tel: link (empty when every one can be
    tapped). Left out: the front matter, the Sources list (numbers quoted as citations) and the services'
    names, which some services make of their number."""
    body = _SOURCES.split(markdown, 1)[0]  # the Sources heading, in any language (templates/site/page.md.j2)
    if body.startswith("---\n"):
        body = body.split("\n---\n", 1)[-1]  # front matter: the description is not shown as text
    body = _LINK.sub(" ", body)
    for name in sorted({route.name for route in region.routes}, key=len, reverse=True):
        body = body.replace(name, " ")  # a service's name ("Bantay Bata 163") is not a number to tap
    return [match.group(0) for match in _number_pattern(region).finditer(body)]


def _number_pattern(region: Region) -> re.Pattern[str]:
    known = sorted({route.phone for route in region.routes if route.phone}, key=len, reverse=True)
    parts = [_LETTERS, _SAID]
    if known:
        parts.insert(0, r"(?P<known>(?<![\w\-\[#])(?:" + "|".join(map(re.escape, known)) + r")(?![\w\-\]]))")
    return re.compile("|".join(parts))
