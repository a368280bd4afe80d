"""Checks a phone user depends on, run inside a Playwright page: what the first screen shows, and
whether every phone number can be tapped."""

from __future__ import annotations

IN_FIRST_VIEW = """selector => {
  const element = document.querySelector(selector);
  if (!element) return false;
  const box = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
      && box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
}"""

# Text nodes in the page body that show a known number outside a tel: link (or, for a text line, an sms:
# link) whose digits match it. Longest numbers first, so "000" is not found inside "1800 333 000". The
# Sources list (citations) and the services' own names ("988 Suicide & Crisis Lifeline") are left out.
UNTAPPED = """([numbers, names]) => {
  const article = document.querySelector('article');
  const sources = article.querySelector('#sources');
  const digits = text => text.replace(/[^0-9+]/g, '');
  const escape = text => text.replace(/[-()+ ]/g, m => '[' + m + ']');
  const found = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (sources && (sources.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
    let text = node.textContent;
    for (const name of names) text = text.split(name).join(' ');
    for (const number of numbers) {
      const pattern = new RegExp('(?<![0-9A-Za-z#-]|[0-9] )' + escape(number) + '(?![0-9A-Za-z-]| [0-9])', 'g');
      if (!pattern.test(text)) continue;
      text = text.replace(pattern, ' ');
      const link = node.parentElement.closest('a[href^="tel:"], a[href^="sms:"]');
      if (!link || digits(link.getAttribute('href').split('?')[0]) !== digits(number)) found.push(number);
    }
  }
  return found;
}"""


def in_first_view(page, selector: str) -> bool:
    """True when the element is wholly on the first screen, with no scrolling."""
    return page.evaluate(IN_FIRST_VIEW, selector)


def untapped_numbers(page, numbers: list[str], names: list[str]) -> list[str]:
    return page.evaluate(UNTAPPED, [numbers, names])
