"""Render user templates in a child process with CPU, memory and wall-clock limits.

Jinja's sandbox stops escapes but not runaway work, and a thread cannot stop a render that
is running. So user templates run in ``python -m beautifulletters.drafting.worker``: it
reads one JSON request per line, renders with plain data only (no archive, no files beyond
the template folders) and writes one JSON answer per line. The parent kills it when a render
takes too long and starts a fresh one next time; one warm worker serves repeated previews.
"""

from __future__ import annotations

import json
import sys
import threading
from typing import TYPE_CHECKING, cast

from beautifulletters.childprocess import AnswerTooLong, ChildGone, ChildTimeout, JsonLinesChild, Message

if TYPE_CHECKING:
    from beautifulletters.drafting.context_fields import TemplateContext

MEMORY_LIMIT_BYTES = 768 * 1024 * 1024
CPU_SECONDS_PER_RENDER = 4
WALL_SECONDS_PER_RENDER = 3.5
START_SECONDS = 20.0  # a cold start on a slow machine; not part of a render's budget
MAX_ANSWER_BYTES = 4 * 1024 * 1024
STOPPED = "the template renderer stopped unexpectedly"


# ----------------------------------------------------------------- the child
def _limit_resources() -> None:
    import resource

    for limit, value in (
        (resource.RLIMIT_AS, MEMORY_LIMIT_BYTES),
        (resource.RLIMIT_FSIZE, 0),
        (resource.RLIMIT_CORE, 0),
    ):
        try:
            soft, hard = resource.getrlimit(limit)
            cap = value if hard == resource.RLIM_INFINITY else min(value, hard)
            resource.setrlimit(limit, (cap, cap))
        except (ValueError, OSError):
            pass
    try:
        # No child processes of our own: a template has no business starting programs.
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    except (ValueError, OSError, AttributeError):
        pass


def _allow_cpu_seconds(seconds: int) -> None:
    """Raise the soft CPU limit to `seconds` beyond what this process has used (SIGXCPU ends it)."""
    import resource

    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(used.ru_utime + used.ru_stime) + 1
    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    target = spent + seconds
    if hard != resource.RLIM_INFINITY:
        target = min(target, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (target, hard))


def _handle(request: Message) -> Message:
    import importlib

    from beautifulletters.drafting import engine

    # The package's `lint` name is the public function; the module is needed here.
    lint = importlib.import_module("beautifulletters.drafting.lint")

    operation = request.get("op")
    if operation == "ping":
        return {"ok": True}
    name = str(request.get("name") or "template")
    source = str(request.get("source") or "")
    search_path = [str(p) for p in request.get("search_path") or []]
    try:
        if operation == "render":
            rendered = engine.render_source(
                source, name, request.get("context") or {}, search_path, strict=bool(request.get("strict", True))
            )
            return {"ok": True, "text": rendered.text, "exported": rendered.exported}
        if operation == "check":
            # The context is the sample pair's, built by drafting.sample_context in the parent.
            context = cast("TemplateContext", request.get("context") or {})
            problems = lint.check_source_in_sandbox(source, name, context, search_path)
            return {"ok": True, "problems": [p.to_json() for p in problems]}
    except engine.TemplateProblem as error:
        return {"ok": False, "problem": error.problem.to_json()}
    except MemoryError:
        return {"ok": False, "problem": {"template": name, "line": None, "message": engine.describe(MemoryError())}}
    return {"ok": False, "problem": {"template": name, "line": None, "message": f"unknown request {operation!r}"}}


def main() -> None:
    _limit_resources()
    # Import the engine before the first request, so a render's time is its own.
    import beautifulletters.drafting.engine  # noqa: F401
    import beautifulletters.drafting.lint  # noqa: F401

    stdin, stdout = sys.stdin.buffer, sys.stdout
    for raw in stdin:
        try:
            request = json.loads(raw)
            _allow_cpu_seconds(CPU_SECONDS_PER_RENDER)
            answer = _handle(request)
        except MemoryError:
            answer = {
                "ok": False,
                "problem": {
                    "template": "template",
                    "line": None,
                    "message": "the template needs more memory than a letter may use",
                },
            }
        except Exception as error:  # noqa: BLE001 - the parent gets a message, never a traceback
            answer = {
                "ok": False,
                "problem": {"template": "template", "line": None, "message": f"{type(error).__name__}: {error}"},
            }
        stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        stdout.flush()


# ---------------------------------------------------------------- the parent
class WorkerProblem(Exception):
    """The worker was stopped or died; the message says why in plain words."""


class BoundedRenderer:
    """One warm child process; requests are serialised, and a render past its time is killed."""

    def __init__(self) -> None:
        self._child: JsonLinesChild | None = None
        self._lock = threading.Lock()

    def _start(self) -> JsonLinesChild:
        # Isolated: only PATH, locale and HOME from our environment, nothing on stderr.
        child = self._child = JsonLinesChild("beautifulletters.drafting.worker", isolated=True)
        self._exchange(child, {"op": "ping"}, START_SECONDS)
        return child

    def _stop(self) -> None:
        child, self._child = self._child, None
        if child is not None:
            child.kill()

    def close(self) -> None:
        with self._lock:
            self._stop()

    def _exchange(self, child: JsonLinesChild, request: Message, timeout: float) -> Message:
        try:
            child.send(request)
        except ChildGone:
            self._stop()
            raise WorkerProblem(STOPPED) from None
        try:
            return child.receive(timeout, MAX_ANSWER_BYTES)
        except ChildTimeout:
            self._stop()
            raise WorkerProblem(f"the template took longer than {timeout:g} seconds and was stopped") from None
        except AnswerTooLong:
            self._stop()
            raise WorkerProblem("the template produced more text than a letter may hold") from None
        except ChildGone as gone:
            self._stop()
            raise WorkerProblem(_death_message(gone.code)) from None

    def _ready_child(self) -> JsonLinesChild:
        """The running child, or a fresh one once it answers (hold _lock)."""
        child = self._child
        if child is None or not child.running:
            self._stop()
            child = self._start()
        return child

    def warm(self) -> None:
        """Start the child now if none is running (a cold start has START_SECONDS, not a render's time)."""
        with self._lock:
            self._ready_child()

    def request(self, request: Message, timeout: float = WALL_SECONDS_PER_RENDER) -> Message:
        with self._lock:
            return self._exchange(self._ready_child(), request, timeout)


def _death_message(code: int | None) -> str:
    import signal

    if code is not None and code < 0:
        if -code == signal.SIGXCPU:
            return "the template used more than its share of processor time and was stopped"
        if -code == signal.SIGKILL:
            return "the template was stopped (it used too much memory or time)"
        return f"the template renderer was stopped by signal {-code}"
    return "the template renderer stopped unexpectedly (probably out of memory)"


_shared: BoundedRenderer | None = None
_shared_lock = threading.Lock()


def shared_renderer() -> BoundedRenderer:
    """The process-wide warm worker (started on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = BoundedRenderer()
            import atexit

            atexit.register(_shared.close)
        return _shared


if __name__ == "__main__":
    main()
