"""Desktop notifications through the freedesktop notification service, over Qt D-Bus.

`org.freedesktop.Notifications.Notify` takes a uint32 and a string list, which plain Python
values cannot be told apart from int32 and a variant list; calling the method through the
introspected interface (QMetaObject.invokeMethod with typed arguments) sends the right types.
"""

from __future__ import annotations

from PySide6.QtCore import Q_ARG, Q_RETURN_ARG, QMetaObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusInterface

from beautifulletters.desktop import APP_ID
from beautifulletters.i18n import _

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
APP_NAME = "BeautifulLetters"
TIMEOUT_MS = -1  # the server's own default


class NotificationError(Exception):
    """There is no notification service, or it refused the notification (the message says which)."""


def notify(summary: str, body: str, *, icon: str = APP_ID) -> int:
    """Show a notification; returns the server's id for it. Needs a QCoreApplication."""
    bus = QDBusConnection.sessionBus()
    if not bus.isConnected():
        raise NotificationError(_("there is no desktop session bus to show a notification on."))
    interface = QDBusInterface(SERVICE, PATH, SERVICE, bus)
    if not interface.isValid():
        raise NotificationError(
            _("the desktop has no notification service ({reason}).").format(reason=interface.lastError().message())
        )
    notification_id = QMetaObject.invokeMethod(
        interface,
        "Notify",
        Qt.ConnectionType.DirectConnection,
        Q_RETURN_ARG("uint"),
        Q_ARG(str, APP_NAME),
        Q_ARG("uint", 0),
        Q_ARG(str, icon),
        Q_ARG(str, summary),
        Q_ARG(str, body),
        Q_ARG("QStringList", []),
        Q_ARG("QVariantMap", {"desktop-entry": APP_ID}),
        Q_ARG(int, TIMEOUT_MS),
    )
    error = interface.lastError()
    if error.isValid():
        raise NotificationError(_("the notification service refused it ({reason}).").format(reason=error.message()))
    return notification_id if isinstance(notification_id, int) else 0
