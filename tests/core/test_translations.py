"""The translations: the language chosen, complete catalogues, placeholders kept, compiled files current."""

from __future__ import annotations

import ast
import gettext
import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.catalog import Catalog

from beautifulletters import i18n
from beautifulletters.i18n import _, n_

REPO = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}|%\(([A-Za-z_]+)\)[sdr]")
SAYING = {"_", "n_", "p_"}  # calls that translate now (N_ only marks)


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("translations_tool", REPO / "scripts" / "translations.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


TOOL = _tool()


def _catalogues() -> list[Catalog]:
    return [TOOL.read_catalogue(path) for path in TOOL.po_paths()]


def _forms(message: object) -> tuple[str, ...]:
    return message if isinstance(message, tuple) else (message,)  # type: ignore[return-value]


def _placeholders(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text.replace("{{", "").replace("}}", ""))}


@pytest.fixture
def language(monkeypatch: pytest.MonkeyPatch):
    """Speak the language the test asks for; English again afterwards."""
    for name in i18n.ENVIRONMENT_VARIABLES:
        monkeypatch.delenv(name, raising=False)

    def speak(code: str | None) -> str:
        return i18n.set_language(code)

    yield speak
    monkeypatch.undo()
    i18n.set_language(None)


def test_the_environment_decides_in_gettexts_order(monkeypatch: pytest.MonkeyPatch, language) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    assert language(None) == "de"
    monkeypatch.setenv("LANG", "C.UTF-8")  # no preference: the code's own English
    assert language(None) == "en"
    monkeypatch.setenv("LC_MESSAGES", "de_AT.UTF-8")
    assert language(None) == "de"  # Austrian German reads the German catalogue
    monkeypatch.setenv("LANGUAGE", "pl:de")  # a list: the first with a catalogue
    assert language(None) == "de"
    monkeypatch.setenv("LANGUAGE", "en_GB:de")
    assert language(None) == "en"
    monkeypatch.setenv("LANGUAGE", "pl")
    assert language(None) == "en"  # nothing in Polish yet: English, never a half-chosen language


def test_the_preferences_override_wins_over_the_environment(monkeypatch: pytest.MonkeyPatch, language) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    assert language("en") == "en"
    assert _("The system's language") == "The system's language"
    monkeypatch.setenv("LANGUAGE", "en")
    assert language("de") == "de"
    assert _("The system's language") == "Die Sprache des Systems"
    assert language("xx") == "en"  # an override without a catalogue falls to the environment's English


def test_plural_forms_follow_the_count(language) -> None:
    language("de")
    said = [n_("{count} person", "{count} people", count).format(count=count) for count in (0, 1, 2)]
    assert said == ["0 Personen", "1 Person", "2 Personen"]
    language("en")
    assert n_("{count} person", "{count} people", 1).format(count=1) == "1 person"


def test_every_string_in_the_code_has_a_german_translation() -> None:
    """A string added to the code without its German fails here: run `make translations` and
    translate what it lists in resources/locale/de/LC_MESSAGES/beautifulletters.po."""
    template = TOOL.extract()
    german = TOOL.read_catalogue(REPO / "resources/locale/de/LC_MESSAGES/beautifulletters.po")
    missing = []
    for message in template:
        if not message.id:
            continue
        translated = german.get(message.id, context=message.context)
        if translated is None or translated.fuzzy or not all(_forms(translated.string)):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    assert missing == [], f"{len(missing)} strings without German: {missing[:20]}"


def test_translations_keep_every_placeholder() -> None:
    """A translation that drops or renames {name} would fail with KeyError where it is shown."""
    wrong = []
    for catalogue in _catalogues():
        for message in catalogue:
            if not message.id or not message.string:
                continue
            ids = _forms(message.id)
            for index, form in enumerate(_forms(message.string)):
                if not form:
                    continue  # not translated yet: the completeness test says so
                source = ids[min(index, len(ids) - 1)]
                if _placeholders(form) != _placeholders(source):
                    wrong.append((catalogue.locale_identifier, source, form))
    assert wrong == []


def test_each_compiled_catalogue_says_what_its_po_says() -> None:
    """The app reads the .mo; one left behind its .po would show old words (`make translations`)."""
    for path in TOOL.po_paths():
        compiled = gettext.GNUTranslations(open(path.with_suffix(".mo"), "rb"))  # noqa: SIM115
        fresh = gettext.GNUTranslations(__import__("io").BytesIO(TOOL.compile_catalogue(TOOL.read_catalogue(path))))
        assert compiled._catalog == fresh._catalog, f"{path.with_suffix('.mo')} is older than its .po"  # type: ignore[attr-defined]


def test_menu_mnemonics_and_marks_are_kept() -> None:
    """A translated menu entry keeps its & (a key to reach it); a trailing … (a dialog follows) stays."""
    for catalogue in _catalogues():
        for message in catalogue:
            if not message.id or not message.string:
                continue
            source, translation = _forms(message.id)[0], _forms(message.string)[0]
            assert source.replace("&&", "").count("&") == translation.replace("&&", "").count("&"), (
                source,
                translation,
            )
            assert source.endswith("…") == translation.endswith("…"), (source, translation)


def _translating_modules(names: set[str] = SAYING | {"N_"}) -> dict[Path, ast.Module]:
    """The modules that import any of `names` from beautifulletters.i18n."""
    found = {}
    for package in ("beautifulletters", "ui"):
        for path in sorted((REPO / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            if any(
                isinstance(node, ast.ImportFrom)
                and node.module == "beautifulletters.i18n"
                and any(alias.name in names for alias in node.names)
                for node in ast.walk(tree)
            ):
                found[path] = tree
    return found


def test_no_string_is_translated_at_import() -> None:
    """_() at module or class level runs at import, before the language is chosen: it would
    stay English (mark it with N_ and translate where it is shown)."""
    early = []
    for path, tree in _translating_modules().items():
        pending: list[ast.AST] = list(tree.body)
        while pending:
            node = pending.pop()
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                continue  # runs later, when called
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in SAYING:
                early.append(f"{path.relative_to(REPO)}:{node.lineno}")
            pending.extend(ast.iter_child_nodes(node))
    assert early == []


def test_modules_that_translate_never_rebind_underscore() -> None:
    """`path, _ = QFileDialog...` in a module that translates would turn _ into a string there."""
    rebound = []
    for path, tree in _translating_modules({"_"}).items():
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                names = [node.id]
            elif isinstance(node, ast.arg):
                names = [node.arg]
            if "_" in names:
                rebound.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert rebound == []


def test_the_continuity_hint_in_german_starts_with_a_capital_and_quotes_the_memory(language) -> None:
    from beautifulletters.continuity import EarlierLetter, Memory, find_hints

    language("de")
    earlier = [EarlierLetter(7, "2024-03-02T10:00:00", "We were dancing in the kitchen to Otis Redding every Sunday.")]
    memory = Memory("dancing in the kitchen to Otis Redding")
    hints = find_hints("I still think of dancing in the kitchen to Otis Redding.", earlier, [memory])
    # It read "dancing in the kitchen to Otis Redding stand schon im Brief vom März 2024." under the page.
    assert [hint.message for hint in hints] == [
        "Im Brief vom März 2024 stand schon: „dancing in the kitchen to Otis Redding“."
    ]
