"""The synthesis worker process and its client: text goes in as data, one finished WAV per request comes back.

The child (`python -m beautifulletters.speech.child`) reads JSON lines on stdin and answers
with JSON lines. Text never travels as a command-line argument, so a letter that starts
with "--version" is simply read aloud.
"""

from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
import threading
from collections.abc import Callable
from typing import Any

from beautifulletters.errors import BeautifulLettersError
from beautifulletters.paths import child_pythonpath

from .engine import EngineMissingError, engine_problem

Message = dict[str, Any]


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
        self._process: subprocess.Popen[bytes] | None = None
        self.ready = False
        self.missing_message: str | None = None

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def start(self) -> None:
        """Start the child (cheap: it initialises the engine while the caller carries on)."""
        if self.running:
            return
        problem = engine_problem()
        if problem:
            self.missing_message = problem
            raise EngineMissingError()
        env = dict(os.environ)
        # The child must import this package even from a source checkout run elsewhere.
        env["PYTHONPATH"] = child_pythonpath(env.get("PYTHONPATH"))
        self.ready = False
        self._process = subprocess.Popen(
            [sys.executable, "-m", "beautifulletters.speech.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            close_fds=True,
        )
        threading.Thread(target=self._read, args=(self._process,), daemon=True, name="speech-worker-reader").start()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        for raw in process.stdout:
            try:
                message = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError):
                continue
            if message.get("op") == "ready":
                self.ready = True
            elif message.get("op") == "missing":
                self.missing_message = message.get("message")
            self._deliver(message)
        code = process.wait()
        self._deliver({"op": "exited", "code": code, "pid": process.pid})

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
            line = json.dumps({"op": op, "id": request_id, **fields}, ensure_ascii=False) + "\n"
            assert self._process is not None and self._process.stdin is not None
            try:
                self._process.stdin.write(line.encode("utf-8"))
                self._process.stdin.flush()
            except (BrokenPipeError, OSError):
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
            raise WorkerError("the speech worker did not answer in time.") from None

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
                    raise WorkerError(f"speech synthesis failed: {message.get('message')}")
                return message

    def close(self, timeout: float = 1.0) -> None:
        """Ask the worker to finish; kill it if it does not within `timeout`."""
        process = self._process
        if process is None:
            return
        self._process = None
        if process.poll() is None:
            try:
                assert process.stdin is not None
                process.stdin.write(b'{"op": "quit"}\n')
                process.stdin.close()
            except (BrokenPipeError, OSError):
                pass
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        elif process.stdin is not None:
            try:
                process.stdin.close()
            except OSError:
                pass

    def kill(self) -> None:
        """End the worker at once (a stuck engine); the next request starts a fresh one."""
        process = self._process
        self._process = None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()

    def __enter__(self) -> SynthesisProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
