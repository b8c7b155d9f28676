"""The menu entry, icon and AppStream data: checked by the freedesktop validators, installed and removed."""

from __future__ import annotations

import struct
import subprocess
from pathlib import Path

from beautifulletters import desktop

REPO = Path(__file__).resolve().parents[2]
ENTRY = REPO / "resources" / "desktop" / f"{desktop.APP_ID}.desktop"
METAINFO = REPO / "resources" / "desktop" / f"{desktop.APP_ID}.metainfo.xml"


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def test_the_menu_entry_is_valid():
    result = _run("desktop-file-validate", str(ENTRY))
    assert result.returncode == 0 and result.stdout == "" and result.stderr == "", result.stdout + result.stderr


def test_the_appstream_metadata_is_valid_even_pedantically():
    result = _run("appstreamcli", "validate", "--pedantic", "--no-net", "--explain", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    # Not even an informational or pedantic note.
    assert "Validation was successful." in result.stdout and ":" not in result.stdout.split("✔")[0], result.stdout
    text = METAINFO.read_text(encoding="utf-8")
    assert '<screenshot type="default">' in text and "<release version=" in text


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_icons_from_16_to_512_are_pngs_of_their_size_with_the_svg():
    icons = desktop.icon_paths()
    assert icons[0].suffix == ".svg" and icons[0].read_text(encoding="utf-8").lstrip().startswith("<?xml")
    sizes = {}
    for path in icons[1:]:
        width, height = _png_size(path)
        sizes[width] = height
        assert path.parent.parent.name == f"{width}x{height}"
    assert sorted(sizes) == [16, 22, 24, 32, 48, 64, 128, 256, 512]
    assert (REPO / "resources" / "icons" / "README.md").read_text(encoding="utf-8").count("MIT") >= 1


def test_install_and_uninstall_for_the_current_user(tmp_path):
    home = tmp_path / "share"
    command = [str(tmp_path / "my apps" / "beautiful$letters")]
    written = desktop.install(home, command)
    entry = home / "applications" / f"{desktop.APP_ID}.desktop"
    assert entry in written and (home / "metainfo" / f"{desktop.APP_ID}.metainfo.xml") in written
    assert (home / "icons" / "hicolor" / "512x512" / "apps" / f"{desktop.APP_ID}.png").exists()
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / f"{desktop.APP_ID}.svg").exists()
    text = entry.read_text(encoding="utf-8")
    # A path with a space and a dollar sign, quoted as the Desktop Entry spec says.
    assert f'Exec="{tmp_path}/my apps/beautiful\\\\$letters"' in text
    result = _run("desktop-file-validate", str(entry))
    assert result.returncode == 0, result.stdout + result.stderr
    assert sorted(desktop.uninstall(home)) == sorted(written)
    assert not [path for path in home.rglob("*") if path.is_file() and desktop.APP_ID in path.name]
    assert desktop.uninstall(home) == []


def test_the_screenshots_named_in_the_metadata_are_in_the_repository_at_their_stated_size():
    import xml.etree.ElementTree as ElementTree

    images = ElementTree.parse(METAINFO).getroot().findall("./screenshots/screenshot/image")
    assert len(images) >= 2
    for image in images:
        url = image.text or ""
        assert url.startswith("https://") and "/docs/screenshots/" in url
        local = REPO / "docs" / "screenshots" / url.rsplit("/", 1)[1]
        assert _png_size(local) == (int(image.get("width", "0")), int(image.get("height", "0"))), local
