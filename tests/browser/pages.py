"""The representative pages every browser test visits: one of each page type."""

PAGES = {
    "home": "",
    "lesson": "lessons/7-11/live-streaming-7-11/",
    "topic": "topics/live-streaming/",
    "age-band": "ages/7-11/",
    "parent-guide": "parents/live-streaming/",
    "parents-by-age": "parents/ages/7-11/",
    "ages-index": "ages/",
    "help": "help/uk/",
    "lesson-finder": "lessons/",
    "newsletter-builder": "newsletters/builder/",
}
