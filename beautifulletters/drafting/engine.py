"""Compile and run one template on plain data, turning every failure into a plain message.

Used both in-process (built-in templates) and inside the bounded child process (user templates).
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from jinja2 import TemplateNotFound, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError, TemplateError

from beautifulletters.drafting import tidy
from beautifulletters.drafting.environment import (
    MAX_OUTPUT,
    PICKED,
    LetterEnvironment,
    LimitError,
    PickCount,
    make_environment,
)
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.records import JSONObject

# Deep enough for includes and macros a letter could use; far below where CPython's C stack suffers.
RECURSION_LIMIT = 400


@dataclass(frozen=True)
class Problem:
    """Something wrong with a template: which template, which line (None when unknown), what."""

    template: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.template}, line {self.line}" if self.line else self.template
        return f"{where}: {self.message}"

    def to_json(self) -> JSONObject:
        return asdict(self)


class TemplateProblem(BeautifulLettersError):
    """A template could not be rendered; `problem` names the template, the line and the reason."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


@dataclass(frozen=True)
class Rendered:
    text: str  # already laid out by tidy.tidy
    exported: dict[str, str]  # top-level {% set %} values the letter may use (signature, title)


_EXPORTS = ("signature", "letter_title", "closing")


def compile_template(environment: LetterEnvironment, source: str, name: str) -> Any:
    try:
        code = environment.compile(source, name=name, filename=name)
    except TemplateSyntaxError as error:
        raise TemplateProblem(Problem(name, error.lineno, _syntax_message(error))) from None
    except SecurityError as error:
        raise TemplateProblem(Problem(name, None, f"not allowed in a letter template: {error}")) from None
    except RecursionError:
        raise TemplateProblem(Problem(name, None, "the template is nested too deeply to read")) from None
    return environment.template_class.from_code(environment, code, environment.globals, None)


def _syntax_message(error: TemplateSyntaxError) -> str:
    message = error.message or "syntax error"
    return message[0].upper() + message[1:] if message else message


def _location(error: BaseException, default_name: str) -> tuple[str, int | None]:
    """The template and line where a render failed, from Jinja's rewritten traceback."""
    name, line = default_name, None
    tb = error.__traceback__
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if not filename.endswith(".py") and not filename.startswith("<frozen"):
            name = Path(filename).name if "/" in filename else filename
            line = tb.tb_lineno
        tb = tb.tb_next
    return name, line


def run(environment: LetterEnvironment, source: str, name: str, context: Mapping[str, object]) -> Rendered:
    """Render `source` with `context`; raises TemplateProblem with a plain message on any failure."""
    template = compile_template(environment, source, name)
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(min(old_limit, RECURSION_LIMIT + len(_stack_depth())))
    try:
        # A fresh count of the sentences written so far, for pick() (environment.PICKED).
        jinja_context = template.new_context({**context, PICKED: PickCount()})
        pieces: list[str] = []
        total = 0
        for piece in template.root_render_func(jinja_context):
            total += len(piece)
            if total > MAX_OUTPUT:
                raise LimitError(
                    _("the template produced more than {MAX_OUTPUT:,} characters").format(MAX_OUTPUT=MAX_OUTPUT)
                )
            pieces.append(piece)
        exported = {
            key: str(jinja_context.vars[key])
            for key in _EXPORTS
            if key in jinja_context.vars and isinstance(jinja_context.vars[key], str | int)
        }
    except TemplateProblem:
        raise
    except Exception as error:  # noqa: BLE001 - every failure becomes a message naming the line
        try:
            environment.handle_exception()
        except BaseException as rewritten:  # noqa: BLE001
            error = rewritten if isinstance(rewritten, Exception) else error
        where, line = _location(error, name)
        raise TemplateProblem(Problem(where, line, describe(error))) from None
    finally:
        sys.setrecursionlimit(old_limit)
    return Rendered(tidy.tidy("".join(pieces)), exported)


def _stack_depth() -> list[None]:
    frame = sys._getframe()
    depth: list[None] = []
    while frame is not None:
        depth.append(None)
        frame = frame.f_back  # type: ignore[assignment]
    return depth


def describe(error: BaseException) -> str:
    """One plain sentence for a render failure."""
    if isinstance(error, RecursionError):
        return "the template calls itself without end (too much recursion)"
    if isinstance(error, MemoryError):
        return "the template needs more memory than a letter may use"
    if isinstance(error, LimitError):
        return f"stopped: {error}"
    if isinstance(error, TemplateNotFound):
        return f"cannot include {error.name!r}: only templates in the template folders can be included"
    if isinstance(error, SecurityError):
        return f"not allowed in a letter template: {error}"
    if isinstance(error, UndefinedError) and "attribute '_" in (error.message or ""):
        return "not allowed in a letter template: names starting with '_' belong to Python's internals"
    if isinstance(error, UndefinedError):
        return f"{error.message} (check the spelling; see the template guide for the fields)"
    if isinstance(error, TemplateSyntaxError):
        return _syntax_message(error)
    if isinstance(error, TemplateError):
        return str(error.message or error)
    text = str(error)
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def render_source(
    source: str, name: str, context: Mapping[str, object], search_path: list[str], *, strict: bool
) -> Rendered:
    environment = make_environment(search_path, strict=strict)
    return run(environment, source, name, context)
