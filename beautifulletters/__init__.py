"""BeautifulLetters core: the archive, drafting, speech and plain exports; no Qt here."""

__version__ = "0.1.0"
APP_NAME = "BeautifulLetters"
