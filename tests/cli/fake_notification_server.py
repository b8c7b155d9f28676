"""A stand-in for the desktop's notification service on a private session bus (for tests).

Prints `ready` once it owns org.freedesktop.Notifications, then one JSON line per notification.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
class Notifications(QObject):
    @Slot(str, "uint", str, str, str, "QStringList", "QVariantMap", int, result="uint")
    def Notify(self, app, replaces, icon, summary, body, actions, hints, timeout):  # noqa: N802 - the D-Bus name
        record = {"app": app, "replaces": replaces, "icon": icon, "summary": summary, "body": body}
        print(json.dumps({**record, "actions": list(actions), "hints": dict(hints), "timeout": timeout}), flush=True)
        return 7

    @Slot(result="QStringList")
    def GetCapabilities(self):  # noqa: N802 - the D-Bus name
        return ["body"]


def main() -> int:
    app = QCoreApplication(sys.argv[:1])
    bus = QDBusConnection.sessionBus()
    service = Notifications()
    exported = bus.registerObject(
        "/org/freedesktop/Notifications", service, QDBusConnection.RegisterOption.ExportAllSlots
    )
    if not (exported and bus.registerService("org.freedesktop.Notifications")):
        print("cannot register", flush=True)
        return 1
    print("ready", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
