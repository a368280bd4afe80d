"""What counts as a figure (a finding someone measured) in prose, and the number at its core.

Figures: percentages ("98%", "12.5 per cent"), rates ("9 in 10", "one in five"), counts with thousands
separators ("2,082") or scale words ("85 million", "half a million", "tens of thousands of"), fractions
of a population ("half of all children", "the majority of girls"), and counts of what research counts:
any number of offenders, victims, cases, reports, files, captures, forums or websites ("seven
offenders", "16 dedicated forums"), and 10 or more children, young people, images, videos and the like
("74 children").

Not figures: ages ("aged 13", "13 or under", "under-18s", "13-year-olds"), durations ("10 minutes",
"two years"), years ("2017"), times and phone numbers ("24/7", "0800 1111"), list numbering, and small
numbers of people in a story or an activity ("two friends", "three children", "groups of 4 pupils").
The core is the part an evidence quote must contain: the number with its unit or scale
("96%", "9 in 10", "85 million", "half"), not the words around it, which our statements paraphrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .markdown import URL

NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
                r"a\s+hundred|hundred|a\s+thousand")
PEOPLE = (r"children|child|young\s+people|pupils|students|teenagers|teens|girls|boys|parents|carers|adults|"
          r"victims|offenders|images|videos|captures|cases|reports|schools|teachers|users|families")
# What research counts: any number of these is a finding.
COUNTED = (r"offenders|victims|survivors|cases|reports|referrals|files|captures|forums|websites|webpages|"
           r"urls|incidents|respondents|convictions|arrests|prosecutions")
# People and material: 10 or more of these is a finding (fewer is usually a story or an activity).
POPULATION = (r"children|child|young\s+people|people|pupils|students|teenagers|teens|girls|boys|parents|carers|"
              r"adults|images|videos|photos|pictures|accounts|users|families|schools|teachers")
FRACTION = r"half|a\s+third|two\s+thirds|a\s+quarter|three\s+quarters|the\s+majority|a\s+minority"
YEAR = r"(?:19|20)\d\d"

# (name, pattern): each pattern has one group, the core: the part an evidence quote must contain.
# Counts of things (the last two) are skipped after words that make the number an age, a class size or
# a place in a list.
_PATTERNS = [
    ("percentage", r"\b(\d+(?:[.,]\d+)?\s?(?:%|per\s?cent\b|percent\b))"),
    ("rate", rf"\b((?:\d+|{NUMBER_WORDS})\s+(?:in|out\s+of)\s+(?:every\s+)?(?:\d{{1,3}}(?:,\d{{3}})*|{NUMBER_WORDS}))\b"),
    ("scale", r"\b((?:tens|hundreds)\s+of\s+(?:thousands|millions)|half\s+a\s+million|a\s+million|"
              r"(?:thousands|millions)(?=\s+of\b))"),
    ("scaled", r"\b(\d+(?:\.\d+)?\s*(?:thousand|million|billion))\b"),
    ("thousands", r"\b(\d{1,3}(?:,\d{3})+)\b"),
    ("fraction", rf"\b({FRACTION})\s+of\s+(?:all\s+|the\s+)?(?:{PEOPLE})\b"),
    ("counted", rf"\b(\d+|{NUMBER_WORDS})(?:\s+[a-z][a-z-]*)?\s+(?:{COUNTED})\b"),
    ("population", rf"\b((?!{YEAR}\b)\d{{2,}})(?:\s+[a-z][a-z-]*)?\s+(?:{POPULATION})\b"),
]
COUNTS = {"counted", "population"}
_ALTERNATIVES = "|".join(f"(?P<{name}>{pattern})" for name, pattern in _PATTERNS)
FIGURE = re.compile(_ALTERNATIVES, re.IGNORECASE)
# The same on lower-cased text, tried only where a figure can start (a digit or the first letter of a
# number, fraction or scale word): several times faster than ignoring case at every position.
_FIGURE_LOWER = re.compile(r"(?=[\dotfsenhatmq])(?:" + _ALTERNATIVES + ")")
# Letters that lower-case to something of another length or to ASCII: such text is searched ignoring case.
_FOLDS_ODDLY = re.compile("[\u0130\u0131\u017f\u212a]")
_CORE = {name: re.compile(pattern, re.IGNORECASE) for name, pattern in _PATTERNS}
NOT_A_COUNT_AFTER = re.compile(
    r"(?:\baged?|\bages|\bunder|\bover|\byears?|\bclass\s+of|\bgroups?\s+of|\bstep|\bpart|\bnumber|"
    r"\bno\.|\bpage|\blesson|\bactivity|\bquestion|\bslide|\bsection)\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class FoundFigure:
    text: str  # the words that make it a figure, e.g. "74 children"
    core: str  # what an evidence quote must contain, e.g. "74"
    start: int
    kind: str  # which of _PATTERNS found it


_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[a-z]+")
_SINGLE_NUMBER_WORDS = frozenset(word for word in NUMBER_WORDS.split("|") if word.isalpha())
_COUNTED_WORDS = frozenset(COUNTED.split("|"))
_SCALE_OR_FRACTION = ("half", "third", "quarter", "majority", "minority", "thousand", "million", "billion")


def might_have_figures(text: str) -> bool:
    """A quick test before the full pattern: False only when `text` cannot hold a figure.

    The full pattern tries many alternatives at every position; most text has no digit and no number
    word, and this rules it out with a few passes in C (the check of every block took 0.4 s, now 0.05 s).
    """
    if _DIGIT.search(text):
        return True
    lowered = text.lower()
    if any(word in lowered for word in _SCALE_OR_FRACTION):
        return True
    words = set(_WORD.findall(lowered))
    return bool(words & _SINGLE_NUMBER_WORDS) and (
        "in" in words or "out" in words or bool(words & _COUNTED_WORDS) or "hundred" in words)


def find_figures(text: str) -> list[FoundFigure]:
    """The figures in plain `text`, in order (URLs are skipped)."""
    if not might_have_figures(text):
        return []
    text = URL.sub(lambda match: " " * len(match.group(0)), text)
    matches = FIGURE.finditer(text) if _FOLDS_ODDLY.search(text) else _FIGURE_LOWER.finditer(text.lower())
    found: list[FoundFigure] = []
    for match in matches:
        kind = next(name for name, _ in _PATTERNS if match.group(name) is not None)
        if kind in COUNTS and NOT_A_COUNT_AFTER.search(text[max(0, match.start() - 24):match.start()]):
            continue
        words = text[match.start(kind):match.end(kind)]  # as written, not lower-cased
        core = _CORE[kind].fullmatch(words)
        found.append(FoundFigure(words, core.group(1) if core else words, match.start(), kind))
    return found


def figures_in(text: str) -> list[str]:
    """The words of each figure in plain `text`."""
    return [figure.text for figure in find_figures(text)]


