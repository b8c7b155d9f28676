"""The window's language: the app's own catalogue (beautifulletters.i18n) and Qt's, for the words
Qt writes itself (Cancel, Yes, No, the file and print dialogs, a line edit's context menu)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from beautifulletters.i18n import SOURCE_LANGUAGE, available_languages, current_language

_installed: list[QTranslator] = []  # kept alive: Qt holds only a pointer to an installed translator
_system_default: list[QLocale] = []  # QLocale's default before another language set it


def install_qt_translation(app: QCoreApplication) -> str:
    """Install Qt's translation of its standard words for the current language (replacing any
    installed before); returns the language. English needs none."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = current_language()
    if not _system_default:
        _system_default.append(QLocale())
    if language == SOURCE_LANGUAGE:
        QLocale.setDefault(_system_default[0])
        return language
    # Qt's own dates and numbers (a date field's month names) in the same language as the words.
    QLocale.setDefault(QLocale(language))
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    translator = QTranslator(app)
    # "qtbase_de_AT" falls back to "qtbase_de" inside load(); a missing file leaves Qt in English.
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _installed.append(translator)
    return language


def language_name(language: str) -> str:
    """A language's name in that language ("Deutsch"), as a language menu shows it."""
    if language == SOURCE_LANGUAGE:
        return "English"  # QLocale says "American English"; the catalogue is plain English
    name = QLocale(language).nativeLanguageName()
    return name[:1].upper() + name[1:] if name else language


def window_languages() -> list[tuple[str, str]]:
    """(code, name in its own language) of every language the window can speak, by name."""
    return sorted(((code, language_name(code)) for code in available_languages()), key=lambda pair: pair[1])
