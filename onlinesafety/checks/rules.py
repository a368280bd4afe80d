"""Every rule of the quality gate: its stable id, what it checks and why it matters."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    summary: str
    why: str


RULES: dict[str, Rule] = {rule.id: rule for rule in (
    Rule("readability/reading-level", "Flesch-Kincaid grade within the limit for the audience and band",
         "children and parents stop reading text that is too hard (thresholds.yml)"),
    Rule("readability/sentence-too-long", "no sentence longer than the audience's limit",
         "long sentences are the main cause of hard text, for young readers most of all"),
    Rule("readability/long-words", "few long words for ages 4-7 and 7-11 (warning)",
         "young readers decode long words slowly; teach them as keywords instead"),
    Rule("wording/terminology", "child sexual abuse material, not 'child pornography'; care with 'sexting'",
         "terms that suggest consent minimise abuse and blame children (Luxembourg Guidelines)"),
    Rule("wording/victim-blaming", "never 'your fault', 'you should have', 'if you hadn't'",
         "children who feel to blame do not tell; it is never their fault"),
    Rule("wording/fear", "no fear or shock language ('bad people are watching', 'predators lurking')",
         "scare tactics do not work and stop children telling"),
    Rule("wording/hoax", "no named viral hoax or challenge", "naming a hoax spreads it (DfE 2021)"),
    Rule("wording/band-unsuitable", "nothing sexual and nothing about abuse in pupil text for ages 4-11",
         "primary lessons teach the safe behaviour without describing harm"),
    Rule("wording/platform-name", "no app or platform named in pupil text",
         "teach behaviours, not apps (DfE Teaching online safety in schools)"),
    Rule("evidence/uncited-figure", "every figure (a percentage, 'N in N', or a count) cites a source",
         "an uncited statistic cannot be checked and may be wrong or out of date"),
    Rule("evidence/figure-not-in-evidence",
         "every figure in any text is one content/evidence.yml holds, with the source's words that contain it",
         "citing a source is not enough: '90% of children' in a lesson citing the IWF study is not what it says"),
    Rule("evidence/pupil-statistic", "no statistics in pupil text for ages 4-7 and 7-11",
         "primary pupils cannot weigh statistics; numbers about harm frighten rather than teach"),
    Rule("evidence/unknown-source", "every cited source key exists in content/sources.yml",
         "a citation that leads nowhere is no citation"),
    Rule("evidence/figure-mismatch", "evidence.yml figures appear word for word in their source quote",
         "the staff evidence page must say exactly what the source says"),
    Rule("freshness/overdue", "reviewed + review_interval_months is not in the past (error in CI)",
         "out-of-date guidance is teachers' first complaint about online-safety resources"),
    Rule("freshness/missing-review", "every item has reviewed and review_interval_months (checked on load)",
         "an item with no review date cannot be kept fresh"),
    Rule("freshness/future-date", "no reviewed or last_verified date after today",
         "a date in the future is a typo that would hide an overdue review"),
    Rule("freshness/help-route-stale", "every help route was verified in the last 12 months",
         "a wrong phone number or link fails a child at the worst moment"),
    Rule("safeguarding/prebrief-names-dsl", "the DSL pre-brief names the Designated Safeguarding Lead",
         "CEOP: tell the DSL before teaching; the pre-brief must say who"),
    Rule("safeguarding/prebrief-required", "image-based abuse or nudity-and-sex lessons require a DSL pre-brief",
         "these lessons are the likeliest to prompt a disclosure"),
    Rule("safeguarding/supervision-level", "supervision level fits the content guidance",
         "nudity-and-sex and image-based abuse content needs adult supervision required (level 3) or more"),
    Rule("safeguarding/no-secrecy-promise", "the disclosure response says not to promise secrecy",
         "a teacher cannot keep a disclosure secret and must not promise to"),
    Rule("safeguarding/disclosure-to-dsl", "the disclosure response says to pass it to the DSL",
         "every disclosure goes to the Designated Safeguarding Lead"),
    Rule("safeguarding/distancing", "distancing uses fictional characters, not pupils' own experience",
         "CEOP: distancing protects pupils who are affected"),
    Rule("safeguarding/signposting", "pupil signposting names a trusted adult",
         "every lesson ends with who to tell"),
    Rule("safeguarding/never-your-fault", "pupil text says it is never their fault (or they will not be in trouble)",
         "the message that makes children tell"),
    Rule("a11y/image-alt", "every image has alt text that describes it", "WCAG 2.2 1.1.1 Non-text content"),
    Rule("a11y/link-text", "link text says where it goes: never 'click here', 'here' or a URL",
         "WCAG 2.2 2.4.4 Link purpose; screen-reader users list links out of context"),
    Rule("a11y/bare-url", "no bare URLs in prose", "screen readers read URLs letter by letter"),
    Rule("a11y/heading-skip", "headings do not skip a level", "WCAG 2.2 1.3.1; people navigate by headings"),
    Rule("allow/invalid", "each content/allow.yml entry names a real file, field and rule",
         "an allow entry must point at one exact place"),
    Rule("allow/missing-justification", "each allow entry has a justification of 20 characters or more",
         "every exception to a safety rule needs a written reason"),
    Rule("allow/unused", "each allow entry still matches a finding", "stale exceptions hide future problems"),
    Rule("load/error", "the content file loads (shape, fields, limits, references)",
         "the typed model is the first gate; see content/README.md"),
)}
