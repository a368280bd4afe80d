"""Run queries through the site's own search (Material's lunr worker, in Chromium) and check the order."""

from __future__ import annotations

PARENT_WORDS = ["worried", "my child", "message", "photo", "blackmail", "message from stranger"]
SCHOOL_YEARS = {"year 4": "7-11", "grade 7": "11-14", "year 10": "14-18", "ks2": "7-11", "reception": "4-7"}
FOR_PARENTS = ("parents/", "help/")


def results(page, site_url: str, query: str) -> list[dict]:
    """The results for `query` in the order the site shows them: page location, title and tags."""
    page.goto(site_url)
    page.keyboard.press("/")
    page.keyboard.type(query)
    items = page.locator(".md-search-result__item")
    items.or_(page.locator(".md-search-result__meta", has_text="No matching")).first.wait_for(timeout=15_000)
    page.wait_for_timeout(200)  # the worker answers each keystroke; let the last answer land
    return page.eval_on_selector_all(".md-search-result__item > a", """(links, root) => links.map(a => ({
        location: a.getAttribute('href').replace(root, '').split('?')[0],
        title: a.querySelector('h1, h2') ? a.querySelector('h1, h2').textContent : '',
        tags: Array.from(a.querySelectorAll('.md-tag')).map(t => t.textContent.trim()),
        preview: a.querySelector('article').textContent}))""", site_url)


def ranking_problems(page, site_url: str) -> list[str]:
    """What is wrong with the ranking for parents' words and school years (empty when right)."""
    problems = []
    for query in PARENT_WORDS:
        found = results(page, site_url, query)
        if not found or not found[0]["location"].startswith(FOR_PARENTS):
            problems.append(f"{query!r}: first result is {found[0]['location'] if found else 'nothing'}, "
                            "not a page for parents or a help page")
    for query, band in SCHOOL_YEARS.items():
        found = results(page, site_url, query)
        first = found[0]["location"] if found else ""
        if band not in first.split("/"):
            problems.append(f"{query!r}: first result is {first or 'nothing'}, not the page for ages {band}")
    return problems
