"""The synthesis worker process and its client: text goes in as data, one finished WAV per request comes back.

The child (`python -m beautifulletters.speech.child`) is started and spoken to through
beautifulletters/childprocess.py, as the template renderer is.
"""

from __future__ import annotations

import itertools
import os
import queue
import threading
from collections.abc import Callable
from typing import Any

from beautifulletters.childprocess import ChildGone, JsonLinesChild, Message
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _

from .engine import EngineMissingError, engine_problem


class WorkerError(BeautifulLettersError):
    """The synthesis worker failed or ended unexpectedly."""


# ----------------------------------------------------------------------- the client
class SynthesisProcess:
    """One worker process. Thread-safe `send`; replies go to `on_message` (from a reader thread)
    or, without a callback, to a queue read by `wait_for`."""

    def __init__(self, on_message: Callable[[Message], None] | None = None) -> None:
        self._on_message = on_message
        self._replies: queue.Queue[Message] = queue.Queue()
        self._ids = itertools.count(1)
        self._lock = threading.Lock()
        self._child: JsonLinesChild | None = None
        self.ready = False
        self.missing_message: str | None = None

    @property
    def running(self) -> bool:
        return self._child is not None and self._child.running

    @property
    def pid(self) -> int | None:
        """The process answering now (replies name theirs), or None."""
        return self._child.pid if self._child is not None else None

    def start(self) -> None:
        """Start the child (cheap: it initialises the engine while the caller carries on)."""
        if self.running:
            return
        problem = engine_problem()
        if problem:
            self.missing_message = problem
            raise EngineMissingError()
        self.ready = False
        child = self._child = JsonLinesChild("beautifulletters.speech.child")
        child.read_in_background(
            self._received, lambda code: self._deliver({"op": "exited", "code": code, "pid": child.pid})
        )

    def _received(self, message: Message) -> None:
        if message.get("op") == "ready":
            self.ready = True
        elif message.get("op") == "missing":
            self.missing_message = message.get("message")
        self._deliver(message)

    def _deliver(self, message: Message) -> None:
        if self._on_message is not None:
            self._on_message(message)
        else:
            self._replies.put(message)

    def send(self, op: str, **fields: Any) -> int:
        """Send a request; returns its id. Starts (or restarts) the worker when needed."""
        with self._lock:
            if not self.running:
                self.start()
            request_id = next(self._ids)
            assert self._child is not None
            try:
                self._child.send({"op": op, "id": request_id, **fields})
            except ChildGone:
                raise WorkerError(self.missing_message or "the speech worker stopped unexpectedly.") from None
            return request_id

    def synthesize(
        self, text: str, path: str | os.PathLike[str], *, voice: str | None = None, rate: int = 175, volume: float = 1.0
    ) -> int:
        return self.send("synth", text=text, path=str(path), voice=voice, rate=rate, volume=volume)

    def next_reply(self, timeout: float | None = None) -> Message:
        """The next reply (only without `on_message`); raises WorkerError on timeout."""
        try:
            return self._replies.get(timeout=timeout)
        except queue.Empty:
            raise WorkerError(_("the speech worker did not answer in time.")) from None

    def wait_for(self, request_id: int, timeout: float = 60.0) -> Message:
        """Block until the reply to `request_id` (only without `on_message`)."""
        while True:
            message = self.next_reply(timeout)
            op = message.get("op")
            if op == "missing":
                raise EngineMissingError(message.get("detail"))
            if op == "exited":
                raise WorkerError(self.missing_message or f"the speech worker ended (exit code {message['code']}).")
            if message.get("id") == request_id:
                if op == "failed":
                    raise WorkerError(_("speech synthesis failed: {value}").format(value=message.get("message")))
                return message

    def close(self, timeout: float = 1.0) -> None:
        """Ask the worker to finish; kill it if it does not within `timeout`."""
        child, self._child = self._child, None
        if child is not None:
            child.finish({"op": "quit"}, timeout)

    def kill(self) -> None:
        """End the worker at once (a stuck engine); the next request starts a fresh one."""
        child, self._child = self._child, None
        if child is not None:
            child.kill()

    def __enter__(self) -> SynthesisProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
