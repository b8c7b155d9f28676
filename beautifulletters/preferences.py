"""The user's preferences, kept as JSON in the per-user config folder (shared by window and command line)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

import platformdirs

from beautifulletters import APP_NAME, fileio
from beautifulletters.errors import BeautifulLettersError

if TYPE_CHECKING:
    from beautifulletters.stationery import Style


def preferences_path() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)) / "preferences.json"


@dataclass
class Preferences:
    font_family: str = "Dancing Script"
    font_size_pt: float | None = None  # None: the font's natural size
    stationery: str = "cream"
    page_size: str = "A4"
    ink_color: str = "blue-black"
    place: str = ""
    signature_font: str | None = None
    signature_image_path: str | None = None
    voice: str | None = None
    speech_rate_wpm: int = 160
    speech_volume: float = 1.0
    autosave_seconds: float = 1.5
    upcoming_days: int = 60
    last_archive: str | None = None
    recent_archives: list[str] = field(default_factory=list)
    last_export_folder: str | None = None
    calendar_path: str | None = None  # a calendar file (.ics) kept up to date, or None
    calendar_remind_days: int = 7  # its alarm, this many days before each date ("post by")
    login_reminders: bool = False  # a notification at login of the dates within calendar_remind_days
    mark_sent_on_export: str | None = None  # None: ask once; "yes" / "no": remembered answer
    first_start_hint_dismissed: bool = False
    interface_language: str | None = None  # the window's and command line's language ("de"); None: the system's
    appearance: str = "system"  # "light", "dark", or "system": follow the desktop's light or dark setting
    extra: dict[str, object] = field(default_factory=dict)

    def dark_appearance(self) -> bool | None:
        """True for dark, False for light, None to follow the desktop (also for an unknown stored word)."""
        return {"dark": True, "light": False}.get(self.appearance)

    def style_defaults(self) -> Style:
        """The letter style a new letter starts with (see beautifulletters.stationery.DEFAULT_STYLE)."""
        defaults: Style = {
            "font_family": self.font_family,
            "font_size_pt": self.font_size_pt,
            "stationery": self.stationery,
            "page_size": self.page_size,
            "ink_color": self.ink_color,
            "place": self.place,
            "signature_font": self.signature_font,
        }
        if self.signature_image_path:
            try:
                from beautifulletters.images import read_photo
                from beautifulletters.stationery import encode_signature_image

                # Checked as any photo is: a FIFO or /dev/zero named here must not hang or fill memory.
                defaults["signature_image"] = encode_signature_image(read_photo(self.signature_image_path))
            except (OSError, BeautifulLettersError):
                pass  # a moved or unusable signature file: letters fall back to the signed name
        return {key: value for key, value in defaults.items() if value not in (None, "")}

    @classmethod
    def load(cls, path: Path | None = None) -> Preferences:
        """Read preferences; a missing or unreadable file gives the defaults (never an error at start)."""
        path = path or preferences_path()
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        known = {f.name for f in fields(cls)}
        defaults = cls()
        values: dict[str, Any] = {}  # each checked against its field's type below, which mypy cannot follow
        for key, value in data.items():
            if key not in known:
                continue
            default = getattr(defaults, key)
            if isinstance(default, float) and isinstance(value, int | float) and not isinstance(value, bool):
                values[key] = float(value)
            elif default is None or value is None or isinstance(value, type(default)):
                values[key] = value
        return cls(**values)

    def save(self, path: Path | None = None) -> None:
        """Write atomically: a crash mid-save leaves the previous preferences intact."""
        path = path or preferences_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        fileio.write_text(path, json.dumps(asdict(self), ensure_ascii=False, indent=2))
