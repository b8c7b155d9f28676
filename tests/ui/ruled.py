"""Measuring a picture of ruled paper: where each line of writing sits, and where the rules are.

Pillow (which pikepdf brings) does the pixel work, a row at a time, so a whole page takes milliseconds.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageChops
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QColor, QImage


def to_pillow(image: QImage | str | Path) -> Image.Image:
    if isinstance(image, QImage):
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return Image.open(io.BytesIO(bytes(buffer.data()))).convert("RGB")
    return Image.open(image).convert("RGB")


def _row_fractions(mask: Image.Image) -> list[float]:
    """For each row, the fraction of its pixels set in a black-and-white ("L", 0/255) mask."""
    column = mask.resize((1, mask.height), Image.Resampling.BOX)
    return [value / 255 for value in column.get_flattened_data()]


def bands(values: list[int], gap: int = 1) -> list[tuple[int, int]]:
    """Runs of rows at most `gap` apart, as (first, last)."""
    runs: list[tuple[int, int]] = []
    for value in values:
        if runs and value <= runs[-1][1] + gap:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs


def _masks(picture: Image.Image, rule: QColor) -> tuple[Image.Image, Image.Image]:
    """Ink (dark in every channel: red spelling underlines are not ink) and rule (bluer than the paper, never dark)."""
    red, green, blue = picture.split()
    lightness = picture.convert("L")
    darkest = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    ink = ImageChops.multiply(
        lightness.point(lambda v: 255 if v < 150 else 0), darkest.point(lambda v: 255 if v < 170 else 0)
    )
    blueness = ImageChops.subtract(blue, red)
    rule_mask = ImageChops.multiply(
        blueness.point(lambda v: 255 if v > (rule.blue() - rule.red()) * 0.1 else 0),
        lightness.point(lambda v: 255 if v > 120 else 0),
    )
    return ink, rule_mask


def ink_and_rules(
    image: QImage | str | Path,
    rule_color: str,
    *,
    text_left: float,
    text_right: float,
    rules_left: float = 0.075,
    rules_right: float = 0.11,
) -> tuple[list[int], list[float]]:
    """Where each line of writing stands (its baseline, for letters without descenders), measured
    between the fractions `text_left`..`text_right` of the width, and the centre row of each rule,
    measured where the rules run on in the left margin with no writing over them."""
    picture = to_pillow(image)
    width = picture.width
    text = picture.crop((round(width * text_left), 0, round(width * text_right), picture.height))
    margin = picture.crop((round(width * rules_left), 0, round(width * rules_right), picture.height))
    rule = QColor(rule_color)
    ink, _rules_under_text = _masks(text, rule)
    _ink_in_margin, rule_mask = _masks(margin, rule)
    rule_rows = [y for y, share in enumerate(_row_fractions(rule_mask)) if share > 0.5]
    rule_centres = _fill_gaps([(first + last) / 2 for first, last in bands(rule_rows)])
    pitch = _pitch(rule_centres) or picture.height
    minimum_ink = 3 / text.width
    inked = _row_fractions(ink)
    ink_rows = [y for y, share in enumerate(inked) if share >= minimum_ink]
    ink_bottoms = []
    for first, last in bands(ink_rows, gap=max(2, width // 250)):
        if last - first < pitch * 0.2:
            continue  # the dots of i's, or a stray tail: not a line of writing
        # Where the letters stand: the lowest row still dense with ink (a loop or tail reaching
        # lower, as some script faces draw an l or an s, is not where the line sits).
        densest = max(inked[first : last + 1])
        ink_bottoms.append(max(y for y in range(first, last + 1) if inked[y] >= densest * 0.3))
    return ink_bottoms, rule_centres


def _pitch(centres: list[float]) -> float:
    steps = sorted(b - a for a, b in zip(centres, centres[1:], strict=False))
    return steps[len(steps) // 2] if steps else 0.0


def _fill_gaps(centres: list[float]) -> list[float]:
    """Rules are evenly spaced: one hidden under a line of heavy writing is put back between its neighbours."""
    if len(centres) < 3:
        return centres
    pitch = _pitch(centres)
    if pitch < 4:
        return centres  # no regular rules to speak of
    filled = [centres[0]]
    for centre in centres[1:]:
        missing = round((centre - filled[-1]) / pitch) - 1
        filled.extend(filled[-1] + (centre - filled[-1]) * (k + 1) / (missing + 1) for k in range(max(0, missing)))
        filled.append(centre)
    return filled


def distances_to_rules(ink_bottoms: list[int], rule_centres: list[float]) -> list[float]:
    """For each line of writing, its bottom's distance to the nearest rule (positive: the rule is lower)."""
    return [min((rule - bottom for rule in rule_centres), key=abs) for bottom in ink_bottoms]
