"""One window per archive: a second launch hands its request to the running window and exits.

The running window listens on a local socket (QLocalServer) named after its archive, in the
user's runtime folder (private to the user). A launch first tries to connect (QLocalSocket); if a
window answers, it sends one JSON line, e.g. ``{"action": "open-letter", "letter_id": 3}``, waits
for ``ok`` and exits, and the running window comes to the front with that letter. Nobody
answering (no window, or a socket left behind by a crash) means this launch opens the window.

QtNetwork is loaded only when there is a window to talk to, or to listen (a moment after the
window is on screen): loading it took 20-30 ms, which every start would otherwise pay first.
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from ui.window.surface import WindowSurface

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

CONNECT_MS = 1000
SERVE_AFTER_MS = 300  # the window listens this long after it is shown, off the start's critical path
ANSWER_MS = 5000  # a window busy for longer than this is left alone: this launch opens its own
MAX_REQUEST_BYTES = 64 * 1024
REPORT_ENV = "BEAUTIFULLETTERS_REPORT_REQUESTS"  # for tests: the window prints each request it handled


def socket_name(archive_path: Path) -> str:
    """A full socket path for this archive, in the user's runtime folder (or the temp folder)."""
    digest = hashlib.sha256(str(Path(archive_path).resolve()).encode("utf-8")).hexdigest()[:16]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if runtime and os.path.isdir(runtime):
        return str(Path(runtime, f"beautifulletters-{digest}.sock"))
    return str(Path(tempfile.gettempdir(), f"beautifulletters-{os.getuid()}-{digest}.sock"))


def _someone_listens(name: str) -> bool:
    """A cheap look before loading QtNetwork: does anything accept connections on this socket?"""
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    probe.settimeout(CONNECT_MS / 1000)
    try:
        probe.connect(name)
    except OSError:
        return False  # no such socket, or one left by a crash (refused)
    finally:
        probe.close()
    return True


def hand_over(archive_path: Path, request: dict[str, Any]) -> bool:
    """Give `request` to a window already running on this archive; False when there is none."""
    name = socket_name(archive_path)
    if not _someone_listens(name):
        return False
    from PySide6.QtNetwork import QLocalSocket

    client = QLocalSocket()
    client.connectToServer(name)
    if not client.waitForConnected(CONNECT_MS):
        return False
    client.write(json.dumps(request).encode("utf-8") + b"\n")
    client.flush()
    answer = b""
    while b"\n" not in answer and client.waitForReadyRead(ANSWER_MS):
        answer += bytes(client.readAll().data())
    client.disconnectFromServer()
    return answer.startswith(b"ok")


def _valid(request: object) -> dict[str, Any] | None:
    """The request if it is one we know; anything else on the socket is ignored."""
    if not isinstance(request, dict):
        return None
    action = request.get("action")
    if action == "show":
        return {"action": "show"}
    letter_id = request.get("letter_id")
    if action == "open-letter" and isinstance(letter_id, int) and not isinstance(letter_id, bool) and letter_id > 0:
        return {"action": "open-letter", "letter_id": letter_id}
    return None


class InstanceServer(QObject):
    """Listens for later launches on this archive and passes their requests on."""

    request = Signal(dict)

    def __init__(self, archive_path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtNetwork import QLocalServer

        self.name = socket_name(archive_path)
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)
        self._buffers: dict[QLocalSocket, bytes] = {}

    def move_to(self, archive_path: Path) -> bool:
        """The window opened another archive: later launches on that one come here, not the old one's."""
        name = socket_name(archive_path)
        if name == self.name and self._server.isListening():
            return True
        self._server.close()
        self.name = name
        return self.listen()

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # A socket file left by a window that crashed: nobody answered this launch, so it is stale.
        self._server.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            connection = self._server.nextPendingConnection()
            self._buffers[connection] = b""
            connection.readyRead.connect(lambda c=connection: self._read(c))
            connection.disconnected.connect(lambda c=connection: self._forget(c))

    def _forget(self, connection: QLocalSocket) -> None:
        self._buffers.pop(connection, None)
        connection.deleteLater()

    def _read(self, connection: QLocalSocket) -> None:
        data = self._buffers.get(connection, b"") + bytes(connection.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_REQUEST_BYTES:
                connection.abort()
            else:
                self._buffers[connection] = data
            return
        line = data.split(b"\n", 1)[0]
        try:
            request = _valid(json.loads(line.decode("utf-8")))
        except (UnicodeDecodeError, ValueError, RecursionError):
            request = None
        connection.write(b"ok\n" if request is not None else b"no\n")
        connection.flush()
        connection.disconnectFromServer()
        if request is not None:
            self.request.emit(request)


def bring_to_front(window: WindowSurface) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def apply_request(window: WindowSurface, request: dict[str, Any]) -> None:
    """What a later launch asked for, done in the running window, which comes to the front."""
    from beautifulletters.errors import BeautifulLettersError

    bring_to_front(window)
    if request["action"] == "open-letter":
        try:
            letter = window.archive.letters.get(request["letter_id"])
        except BeautifulLettersError as error:
            window.show_error(str(error))
        else:
            window.select_person(letter.recipient_id)
            window.open_letter(request["letter_id"])
            window.editor.focus_end()
    if os.environ.get(REPORT_ENV) == "1":
        letter_id = window.editor.letter_id if window.desk_ready else None
        print(f"handled {request['action']} letter={letter_id} active={window.isActiveWindow()}", flush=True)


def serve_soon(window: WindowSurface) -> None:
    """Listen a moment after the window is shown (see SERVE_AFTER_MS), for as long as it lives."""
    QTimer.singleShot(SERVE_AFTER_MS, window, lambda: serve(window, Path(window.archive.path)))


def serve(window: WindowSurface, archive_path: Path) -> InstanceServer | None:
    """Listen for later launches on `archive_path` for as long as `window` lives."""
    server = InstanceServer(archive_path, window)
    if not server.listen():
        return None  # another window holds the name (a race): this one simply does not listen
    server.request.connect(lambda request: apply_request(window, request))
    window.archive_changed.connect(lambda: server.move_to(window.archive.path))
    if os.environ.get(REPORT_ENV) == "1":
        print(f"listening {server.name}", flush=True)
    return server
