"""The app on the writer's desktop: the menu entry, the icon and the AppStream data (freedesktop).

`install()` copies them into the per-user data folder (``~/.local/share``: applications/,
icons/hicolor/, metainfo/), with the entry's Exec pointing at the command that is running, so
a pip, pipx or venv install gets a working menu entry; `uninstall()` removes exactly those files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from beautifulletters import fileio
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.resources import resource_path

APP_ID = "io.github.beautifulletters.beautifulletters"
COMMAND = "beautifulletters"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


class DesktopInstallError(BeautifulLettersError):
    pass


@dataclass(frozen=True)
class DesktopFile:
    source: Path  # in the app's bundled resources
    target: Path  # relative to the data folder (~/.local/share)


def bundled_files() -> list[DesktopFile]:
    """The entry, the metadata and every icon, with where each goes under the data folder."""
    files = [
        DesktopFile(resource_path("desktop", f"{APP_ID}.desktop"), Path("applications", f"{APP_ID}.desktop")),
        DesktopFile(resource_path("desktop", f"{APP_ID}.metainfo.xml"), Path("metainfo", f"{APP_ID}.metainfo.xml")),
    ]
    for relative in [Path("scalable", "apps", f"{APP_ID}.svg")] + [
        Path(f"{size}x{size}", "apps", f"{APP_ID}.png") for size in ICON_SIZES
    ]:
        files.append(
            DesktopFile(resource_path("icons", "hicolor", *relative.parts), Path("icons", "hicolor", *relative.parts))
        )
    return files


def icon_paths() -> list[Path]:
    """The bundled icon files, largest last (for the window's icon)."""
    return [file.source for file in bundled_files() if file.target.parts[0] == "icons"]


def data_home() -> Path:
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """How to start the app that is running now: its own command where there is one."""
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if argv0 is not None and argv0.name == COMMAND and argv0.exists():
        return [str(argv0.resolve())]
    beside = Path(sys.executable).with_name(COMMAND)  # the venv's (or pipx's) own command
    if beside.exists():
        return [str(beside)]
    found = shutil.which(COMMAND)
    if found:
        return [str(Path(found).resolve())]
    return [sys.executable, "-m", "ui"]


def _quote(argument: str) -> str:
    """One Exec argument, quoted as the Desktop Entry spec asks when it holds reserved characters."""
    if argument and not any(c in argument for c in " \t\n\"'\\><~|&;$*?#()`"):
        return argument.replace("%", "%%")
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument).replace("%", "%%")
    # The string escape (a backslash written twice) applies on top of the quoting rule.
    return '"' + escaped.replace("\\", "\\\\") + '"'


def entry_text(command: list[str]) -> str:
    """The bundled .desktop entry with Exec and TryExec set to `command`."""
    lines = []
    for line in resource_path("desktop", f"{APP_ID}.desktop").read_text(encoding="utf-8").splitlines():
        if line.startswith("Exec="):
            line = "Exec=" + " ".join(_quote(part) for part in command)
        elif line.startswith("TryExec="):
            line = "TryExec=" + command[0]
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fileio.write_bytes(path, data)


def _refresh_caches(home: Path) -> None:
    """Tell the desktop about the change where its tools are installed (missing tools are fine)."""
    for command in (
        ["update-desktop-database", "-q", str(home / "applications")],
        ["gtk-update-icon-cache", "-q", "-t", "-f", str(home / "icons" / "hicolor")],
    ):
        if shutil.which(command[0]):
            try:
                subprocess.run(command, capture_output=True, timeout=30, check=False)
            except (OSError, subprocess.SubprocessError):
                pass


def install(home: Path | None = None, command: list[str] | None = None) -> list[Path]:
    """Install the menu entry, icons and metadata for the current user; returns the files written."""
    home = home or data_home()
    written = []
    try:
        for file in bundled_files():
            target = home / file.target
            if file.target.suffix == ".desktop":
                _write(target, entry_text(command or launcher()).encode("utf-8"))
            else:
                _write(target, file.source.read_bytes())
            written.append(target)
    except OSError as error:
        where = f" ({error.filename})" if error.filename else ""
        raise DesktopInstallError(
            _("Cannot install the desktop entry: {reason}{where}.").format(reason=error.strerror, where=where)
        ) from None
    _refresh_caches(home)
    return written


def config_home() -> Path:
    value = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".config"


def autostart_path(config: Path | None = None) -> Path:
    return (config or config_home()) / "autostart" / f"{APP_ID}.reminders.desktop"


def autostart_text(command: list[str], days: int) -> str:
    """The login entry: `beautifulletters remind --days N`, shown nowhere in menus."""
    exec_line = " ".join(_quote(part) for part in [*command, "remind", "--days", str(days)])
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Name=BeautifulLetters reminders\n"
        "Comment=Birthdays and anniversaries coming up, at login\n"
        f"Exec={exec_line}\n"
        f"Icon={APP_ID}\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def install_autostart(days: int, config: Path | None = None, command: list[str] | None = None) -> Path:
    """Switch the login reminder on (or change its days); returns the entry's path."""
    path = autostart_path(config)
    try:
        _write(path, autostart_text(command or launcher(), days).encode("utf-8"))
    except OSError as error:
        raise DesktopInstallError(
            _("Cannot set up the login reminder: {reason} ({path}).").format(reason=error.strerror, path=path)
        ) from None
    return path


def remove_autostart(config: Path | None = None) -> bool:
    """Switch the login reminder off; False when it was not on."""
    try:
        autostart_path(config).unlink()
    except FileNotFoundError:
        return False
    except OSError as error:
        raise DesktopInstallError(
            _("Cannot switch the login reminder off: {reason}.").format(reason=error.strerror)
        ) from None
    return True


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what install() wrote; returns the files removed (none when it was not installed)."""
    home = home or data_home()
    removed = []
    for file in bundled_files():
        target = home / file.target
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise DesktopInstallError(
                _("Cannot remove {path}: {reason}.").format(path=target, reason=error.strerror)
            ) from None
        removed.append(target)
    if removed:
        _refresh_caches(home)
    return removed
