#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages BeautifulLetters needs outside Python.
# Usage: scripts/system-deps.sh [run|test]
#   run  - what the app needs: the speech engine and the X11 libraries Qt's xcb plugin loads
#   test - also the independent readers the tests use (poppler-utils, sox, xvfb, the desktop-file validators)
# As root (or with password-less sudo) it installs what is missing with apt-get;
# otherwise it prints the exact command to run and carries on.
set -u
purpose="${1:-run}"

runtime_packages=(
    espeak-ng
    libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0 libxcb-keysyms1 libxcb-image0
    libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libxcb-xkb1
    libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0
    libpulse0 alsa-utils
    # Fallback fonts for scripts the bundled handwriting fonts cannot draw (CJK, symbols/emoji
    # as outlines so PDFs stay text, not images); DejaVu covers Hebrew, Arabic, Cyrillic, Greek.
    fonts-dejavu-core fonts-wqy-microhei fonts-symbola
    # Spell checking: Enchant and Hunspell's dictionaries, by language and region.
    libenchant-2-2 hunspell-en-gb hunspell-en-us hunspell-de-de hunspell-fr hunspell-es
)
# desktop-file-utils and appstream: the validators of the menu entry and the AppStream metadata.
test_packages=(poppler-utils sox xvfb xauth util-linux desktop-file-utils appstream)

packages=("${runtime_packages[@]}")
if [ "$purpose" = "test" ]; then
    packages+=("${test_packages[@]}")
fi
# Python's venv module is a separate package on Debian's own python3.
if ! python3 -c "import ensurepip" >/dev/null 2>&1; then
    packages+=(python3-venv)
fi

if ! command -v dpkg >/dev/null 2>&1; then
    echo "note: not a Debian/Ubuntu system; install these with your package manager: ${packages[*]}" >&2
    exit 0
fi

missing=()
for package in "${packages[@]}"; do
    # A package renamed on newer releases (libglib2.0-0 -> libglib2.0-0t64) counts as present
    # when any installed package provides it.
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        && ! dpkg-query -W -f='${Status}' "${package}t64" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
    sudo_cmd=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo_cmd=(sudo)
else
    echo "note: missing system packages; install them with:" >&2
    echo "    sudo apt-get install ${missing[*]}" >&2
    exit 0
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q >/dev/null || echo "note: apt-get update failed; trying the install anyway" >&2
installable=()
for package in "${missing[@]}"; do
    if apt-cache show "$package" >/dev/null 2>&1; then
        installable+=("$package")
    elif apt-cache show "${package}t64" >/dev/null 2>&1; then
        installable+=("${package}t64")
    else
        echo "note: no package named $package on this system; skipping it" >&2
    fi
done
if [ ${#installable[@]} -gt 0 ]; then
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${installable[@]}" >/dev/null \
        || echo "note: apt-get install failed for: ${installable[*]}" >&2
fi
exit 0
