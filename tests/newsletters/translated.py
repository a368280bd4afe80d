"""Fixture translations for the newsletter tests: Polish (left-to-right) and Urdu (right-to-left).

The translations are built as the loader builds them (onlinesafety/translations/): a Language from
content/languages/<code>.yml and a TranslatedSet whose snippets are full Snippet instances (the English
item with the translated text in place). The newsletter code reads only `library.languages` and
`library.translations`, so the tests do not depend on translation files in content/.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from onlinesafety.model import Library, ParentGuide
from onlinesafety.model.language import Language
from onlinesafety.translations.model import TranslatedSet, TranslationInfo

ROOT = Path(__file__).resolve().parents[2]

# The newsletter strings as the translators wrote them (branches tr-pl and tr-ur, 2 December 2026).
STRINGS = {
    "pl": {
        "newsletter_worried": "Jeśli martwisz się o dziecko, porozmawiaj z naszą osobą odpowiedzialną za ochronę "
                              "dzieci ({lead_term}): {lead_name} ({contact}).",
        "newsletter_where_help": "Gdzie szukać pomocy ({region})",
        "newsletter_translation_note": "To jest tłumaczenie tekstu angielskiego. Obowiązuje tekst angielski.",
        "newsletter_in_language": "W języku: {language}",
        "read_in_english": "Przeczytaj stronę po angielsku",
        "band_4-7": "Wiek od 4 do 7 lat", "band_7-11": "Wiek od 7 do 11 lat",
        "band_11-14": "Wiek od 11 do 14 lat", "band_14-18": "Wiek od 14 do 18 lat",
    },
    "ur": {
        "newsletter_worried": "اگر آپ کسی بچے کے بارے میں پریشان ہیں تو براہِ کرم ہمارے {lead_term}، {lead_name} "
                              "({contact}) سے بات کریں۔",
        "newsletter_where_help": "مدد کہاں سے ملے ({region})",
        "newsletter_translation_note": "یہ انگریزی متن کا ترجمہ ہے۔ انگریزی متن پر عمل کریں۔",
        "newsletter_in_language": "{language} میں",
        "read_in_english": "انگریزی صفحہ پڑھیں",
        "band_4-7": "4 سے 7 سال کی عمر", "band_7-11": "7 سے 11 سال کی عمر",
        "band_11-14": "11 سے 14 سال کی عمر", "band_14-18": "14 سے 18 سال کی عمر",
    },
}
NAMES = {"pl": ("Polish", "Polski", "ltr"), "ur": ("Urdu", "اردو", "rtl")}

PIECES = {
    "pl": {
        "short": ("Rozmowa o transmisjach na żywo",
                  "Zapytaj dziecko, których aplikacji **używa** do transmisji. Rozmawiajcie spokojnie i otwarcie.",
                  "Przeczytaj nasz poradnik dla rodziców"),
        "medium": ("Transmisje na żywo: co może zrobić rodzina",
                   "Transmisje mogą być fajne. Każdy, kto ogląda, może nagrać to, co widzi.\n\n"
                   "- Ustalcie, gdzie używa się urządzeń\n- Porozmawiajcie o tym, kto ogląda\n\n"
                   "Nasz [poradnik dla rodziców](/parents/live-streaming/) ma więcej pomysłów.",
                   "Przeczytaj nasz poradnik dla rodziców"),
        "long": ("Transmisje na żywo i twoje dziecko",
                 "Wiele dzieci lubi transmisje na żywo. Warto rozmawiać o nich _wcześnie_ i często.\n\n"
                 "1. Rozmawiajcie często\n2. Ustalcie zasady\n3. Wiedzcie, jak zgłosić problem\n\n"
                 "Jeśli coś pójdzie nie tak, zachowaj spokój: to nigdy nie jest wina dziecka.",
                 "Przeczytaj nasz poradnik dla rodziców"),
        "social": ("Każdy, kto ogląda transmisję, może ją nagrać. Porozmawiaj z dzieckiem: {link}",
                   "Transmisje mogą być fajne, a każdy, kto ogląda, może je nagrać. Zapytaj dziecko, co lubi oglądać."),
    },
    "ur": {
        "short": ("لائیو اسٹریمنگ کے بارے میں بات کریں",
                  "اپنے بچے سے پوچھیں کہ وہ لائیو جانے کے لیے کون سی ایپس **استعمال** کرتا ہے۔ بات چیت پرسکون رکھیں۔",
                  "والدین کے لیے ہماری گائیڈ پڑھیں"),
        "medium": ("لائیو اسٹریمنگ: خاندان کیا کر سکتے ہیں",
                   "لائیو اسٹریمز مزے کی ہو سکتی ہیں۔ دیکھنے والا کوئی بھی اسے ریکارڈ کر سکتا ہے۔\n\n"
                   "- طے کریں کہ آلات کہاں استعمال ہوں گے\n- اس بارے میں بات کریں کہ کون دیکھ رہا ہے\n\n"
                   "ہماری [والدین کی گائیڈ](/parents/live-streaming/) میں مزید خیالات ہیں۔",
                   "والدین کے لیے ہماری گائیڈ پڑھیں"),
        "long": ("لائیو اسٹریمنگ اور آپ کا بچہ",
                 "بہت سے بچے لائیو جانا پسند کرتے ہیں۔ اس کے بارے میں _جلدی_ اور اکثر بات کریں۔\n\n"
                 "1. اکثر بات کریں\n2. اصول طے کریں\n3. رپورٹ کرنا سیکھیں\n\n"
                 "اگر کوئی بچہ ابھی خطرے میں ہو تو 999 پر کال کریں۔ یہ کبھی بھی بچے کی غلطی نہیں ہوتی۔",
                 "والدین کے لیے ہماری گائیڈ پڑھیں"),
        "social": ("لائیو اسٹریم دیکھنے والا کوئی بھی اسے ریکارڈ کر سکتا ہے۔ اپنے بچے سے بات کریں: {link}",
                   "لائیو اسٹریمز مزے کی ہو سکتی ہیں، اور دیکھنے والا کوئی بھی انہیں ریکارڈ کر سکتا ہے۔"),
    },
}
REGION_NAMES = {"pl": ("Anglia", "osoba odpowiedzialna za ochronę dzieci (Designated Safeguarding Lead)"),
                "ur": ("انگلینڈ", "اسکول میں بچوں کے تحفظ کے ذمہ دار (Designated Safeguarding Lead)")}


def english_language() -> Language:
    data = yaml.safe_load((ROOT / "content" / "languages" / "en.yml").read_text(encoding="utf-8"))
    return Language(**data)


def language(code: str, **strings: str) -> Language:
    name, native, direction = NAMES[code]
    english = english_language().strings
    return Language(code=code, name=name, native_name=native, dir=direction,
                    strings={**english, **STRINGS[code], **strings})


def translated_text(code: str, pieces: dict[str, Any] | None = None) -> dict[str, Any]:
    """The translatable fields of a snippet in `code`, in the snippet's shape."""
    given = {**PIECES[code], **(pieces or {})}
    data: dict[str, Any] = {length: {"headline": given[length][0], "body": given[length][1],
                                     "call_to_action": given[length][2]} for length in ("short", "medium", "long")}
    data["social"] = {"short": given["social"][0], "long": given["social"][1]}
    return data


def translate(library: Library, code: str, *, snippets: list[str] | None = None,
              pieces: dict[str, Any] | None = None, guides: tuple[str, ...] = (),
              regions: tuple[str, ...] = (), out_of_date: tuple[str, ...] = (), **strings: str) -> Library:
    """`library` with a translation into `code` of the named snippets (default: all), parent guides and regions."""
    if not hasattr(library, "languages") or not isinstance(getattr(library, "languages"), dict):
        library.languages = {}
    if not hasattr(library, "translations") or not isinstance(getattr(library, "translations"), dict):
        library.translations = {}
    library.languages.setdefault("en", english_language())
    lang = library.languages[code] = language(code, **strings)
    found = TranslatedSet(lang)
    for snippet_id in snippets if snippets is not None else list(library.snippets):
        english = library.snippets[snippet_id]
        text = translated_text(code, pieces)
        found.snippets[snippet_id] = english.model_validate(
            {**english.model_dump(), **text, "social": text["social"]})
        path = f"content/snippets/{english.topic}/{snippet_id}.{code}.yml"
        found.info[("snippet", snippet_id)] = TranslationInfo(
            language=code, kind="snippet", item_id=snippet_id, path=path, source_path=path.replace(f".{code}", ""),
            status="machine-assisted", reviewer=None, reviewed_on=None, translated=dt.date(2026, 12, 2),
            recorded_hash="0" * 12, current_hash=("1" if snippet_id in out_of_date else "0") * 12)
    for guide in guides:
        found.parent_guides[guide] = ParentGuide.model_construct(id=guide, topic=guide)
    for region_id in regions:
        english = library.regions[region_id]
        name, lead = REGION_NAMES[code]
        terms = english.terms.model_copy(update={"safeguarding_lead": lead})
        found.regions[region_id] = english.model_copy(update={"name": name, "terms": terms})
    library.translations[code] = found
    return library
