"""Every text a user sees exists in Danish, English and Arabic: an untranslated msgid is a bug."""

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = ("da", "ar")  # msgids are English, so the English catalogue may stay empty


def msgids_in_code() -> set[str]:
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found = set()
    keywords = {**DEFAULT_KEYWORDS, "_l": None}  # lazy_gettext is imported as _l
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT), method_map, options_map, keywords=keywords
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


def catalogue(language: str):
    with (ROOT / "translations" / language / "LC_MESSAGES" / "messages.po").open("rb") as po:
        return read_po(po, locale=language)


@pytest.fixture(scope="module")
def code_msgids():
    return msgids_in_code()


@pytest.mark.parametrize("language", (*TRANSLATED, "en"))
def test_every_text_in_the_code_is_in_the_catalogue(code_msgids, language):
    known = {m.id if isinstance(m.id, str) else m.id[0] for m in catalogue(language) if m.id}
    missing = sorted(code_msgids - known)
    assert missing == [], f"run pybabel extract/update; not in {language}: {missing[:10]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_entry_is_translated_and_not_fuzzy(language):
    problems = []
    for message in catalogue(language):
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings) or message.fuzzy:
            problems.append(message.id)
    assert problems == [], f"untranslated or fuzzy in {language}: {problems[:10]}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_survive_translation(language):
    import re

    placeholder = re.compile(r"%\(\w+\)s")
    for message in catalogue(language):
        if message.id and isinstance(message.id, str) and message.string:
            assert sorted(placeholder.findall(message.id)) == sorted(
                placeholder.findall(message.string)
            ), message.id
