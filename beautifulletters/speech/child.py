"""The synthesis worker process itself: JSON lines in on stdin, one finished WAV per request, JSON lines out.

Its real stdout goes to /dev/null because pyttsx3 prints a line for every file it saves;
replies travel on a private copy of the original stdout. Started by `worker.SynthesisProcess`.
"""

from __future__ import annotations

import json
import os
import sys
from typing import IO, Any

from .engine import EngineMissingError

Message = dict[str, Any]


def _serve(requests: IO[str], replies: IO[str]) -> int:
    def reply(message: Message) -> None:
        replies.write(json.dumps(message, ensure_ascii=False) + "\n")
        replies.flush()

    from .engine import Synthesizer

    try:
        synthesizer = Synthesizer()
    except EngineMissingError as error:
        reply({"op": "missing", "message": str(error), "detail": error.detail})
        return 3
    reply({"op": "ready", "pid": os.getpid()})
    for line in requests:
        if not line.strip():
            continue
        request = json.loads(line)
        op = request.get("op")
        request_id = request.get("id")
        try:
            if op == "quit":
                return 0
            if op == "synth":
                frames = synthesizer.synthesize(
                    request["text"],
                    request["path"],
                    voice=request.get("voice"),
                    rate=int(request.get("rate") or 175),
                    volume=float(request.get("volume", 1.0)),
                )
                reply(
                    {
                        "op": "done",
                        "id": request_id,
                        "path": request["path"],
                        "frames": frames,
                        "duration": frames / 22050.0,
                    }
                )
            elif op == "voices":
                reply({"op": "voices", "id": request_id, "voices": [v.to_json() for v in synthesizer.voices()]})
            else:
                reply({"op": "failed", "id": request_id, "message": f"unknown request {op!r}"})
        except Exception as error:  # noqa: BLE001 - one bad request must not end the worker
            reply({"op": "failed", "id": request_id, "message": str(error) or type(error).__name__})
    return 0


def main() -> int:
    # The protocol gets its own descriptor; pyttsx3's prints on fd 1 go nowhere.
    replies = os.fdopen(os.dup(1), "w", encoding="utf-8", buffering=1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    requests = open(0, encoding="utf-8", closefd=False)  # noqa: SIM115
    return _serve(requests, replies)


if __name__ == "__main__":
    sys.exit(main())
