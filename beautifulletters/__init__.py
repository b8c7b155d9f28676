"""BeautifulLetters core: the archive, drafting, speech and plain exports; no Qt here."""

__version__ = "0.1.0"  # the one place the version is written (pyproject.toml reads it)
APP_NAME = "BeautifulLetters"
