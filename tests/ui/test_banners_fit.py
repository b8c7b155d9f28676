"""The first start's banners above the desk take what they need, but never more than about a third
of the window: at 200 % on a 1440×900 screen (720×450 to Qt) who-is-writing took half of it."""

from __future__ import annotations

from ui.window.main_window import MainWindow
from ui.window.welcome import BANNER_SHARE


def test_the_banners_keep_to_a_share_of_a_small_window(qtbot, window: MainWindow) -> None:
    area = window.banner_area
    assert window.about_you.isVisible()  # a first start: who is writing?
    window.resize(720, 450)
    qtbot.waitUntil(lambda: window.height() <= 460, timeout=3000)
    qtbot.wait(100)
    assert area.isVisible() and area.height() <= round(window.height() * BANNER_SHARE) + 1, area.height()
    assert area.needed_height() > area.height()  # the rest scrolls within
    assert window.splitter.height() >= window.height() * 0.45


def test_with_room_the_banners_show_whole_and_go_when_answered(qtbot, window: MainWindow) -> None:
    area = window.banner_area
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.width() >= 1270, timeout=3000)
    qtbot.wait(100)
    assert area.height() >= area.needed_height() - 1 and not area.verticalScrollBar().isVisible()
    window.about_you.skip()  # then the sample's hint, whole too
    qtbot.wait(100)
    assert window.hint.isVisible() and area.isVisible()
    assert area.height() >= area.needed_height() - 1 and not area.verticalScrollBar().isVisible()
    window.dismiss_hint()
    qtbot.waitUntil(lambda: not area.isVisible(), timeout=3000)
