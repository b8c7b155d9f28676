"""The template editor's preview, worked out on a worker from plain inputs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from beautifulletters import drafting
from beautifulletters.archive import Archive


@dataclass(frozen=True)
class PreviewRequest:
    """Plain inputs of one editor preview; the worker gets only this."""

    source: str
    name: str
    recipient_id: int
    signer_id: int | None


def render_editor_preview(archive_path: Path, request: PreviewRequest) -> drafting.Draft:
    """Runs on a worker thread: its own read-only connection, and the sandboxed child process renders."""
    with Archive.open_reader(archive_path) as reader:
        return drafting.render_template_source(
            request.source, reader, request.recipient_id, request.signer_id, name=request.name
        )
