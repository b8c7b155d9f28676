"""The one module that builds Jinja2 environments: sandboxed, plain-text, with limits on size.

Jinja's sandbox stops attribute walks to Python internals but not runaway work, so this
environment also refuses huge repetitions, exponents, paddings and ranges with a plain
message. Time and memory are bounded by the child process in :mod:`.worker`.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from jinja2 import ChainableUndefined, FileSystemLoader, StrictUndefined, pass_context
from jinja2.exceptions import SecurityError
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.sandbox import ImmutableSandboxedEnvironment

from beautifulletters.drafting import helpers, languages, variety
from beautifulletters.i18n import _

MAX_SEQUENCE = 100_000  # characters or items a single expression may build
MAX_NUMBER = 1_000_000  # largest count a call or filter may ask for (widths, repeats)
MAX_EXPONENT_BITS = 4_096
MAX_RANGE = 10_000
MAX_OUTPUT = 200_000  # characters of text a template may produce

_FORMAT_WIDTH = re.compile(r"%[-+ #0]*(\*|\d{4,})|\{[^{}]*:[^{}]*?(\d{4,})[^{}]*\}")


class LimitError(SecurityError):
    """A template asked for more than a letter could ever need."""


def _check_size(value: Any) -> Any:
    if isinstance(value, str | bytes | list | tuple) and len(value) > MAX_SEQUENCE:
        raise LimitError(
            _("the template builds a value of {count:,} items; the limit is {MAX_SEQUENCE:,}").format(
                count=len(value), MAX_SEQUENCE=MAX_SEQUENCE
            )
        )
    return value


def _check_numbers(args: Sequence[object], kwargs: Mapping[str, object]) -> None:
    for value in (*args, *kwargs.values()):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_NUMBER:
            raise LimitError(
                _("the number {value:,} is too large for a letter (the limit is {MAX_NUMBER:,})").format(
                    value=value, MAX_NUMBER=MAX_NUMBER
                )
            )


def _checked_format_string(fmt: Any) -> None:
    if isinstance(fmt, str) and _FORMAT_WIDTH.search(fmt):
        raise LimitError(_("the format asks for a width of a thousand characters or more"))


def _mul(left: Any, right: Any) -> Any:
    for seq, count in ((left, right), (right, left)):
        if isinstance(seq, str | bytes | list | tuple) and isinstance(count, int):
            if len(seq) * max(count, 0) > MAX_SEQUENCE:
                raise LimitError(
                    _(
                        "repeating something {count:,} times would build {value:,} characters or items, more than a "
                        "letter could need"
                    ).format(count=count, value=len(seq) * count)
                )
    return _check_size(left * right)


def _pow(left: Any, right: Any) -> Any:
    if isinstance(left, int | float) and isinstance(right, int | float):
        # The result of int ** int has about bits(left) * right bits; refuse before computing it.
        size = abs(int(left)).bit_length() * abs(right) if isinstance(left, int) else 0
        if abs(right) > MAX_EXPONENT_BITS or size > MAX_EXPONENT_BITS:
            raise LimitError(
                _("the power {left} ** {right} is too large to compute").format(left=repr(left), right=repr(right))
            )
    return left**right


def _mod(left: Any, right: Any) -> Any:
    _checked_format_string(left)
    return _check_size(left % right)


def _add(left: Any, right: Any) -> Any:
    return _check_size(left + right)


def _safe_range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise LimitError(
            _("range() of {count:,} numbers is more than the limit of {MAX_RANGE:,}").format(
                count=len(numbers), MAX_RANGE=MAX_RANGE
            )
        )
    return numbers


def _limited_filter(original: Callable[..., Any]) -> Callable[..., Any]:
    """Wrap a built-in filter so huge widths and counts are refused and its result is size-checked."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _check_numbers(args[1:], kwargs)
        if original.__name__ in {"do_format"}:
            _checked_format_string(args[0] if args else None)
        return _check_size(original(*args, **kwargs))

    for attribute in ("jinja_pass_arg",):
        if hasattr(original, attribute):
            setattr(wrapper, attribute, getattr(original, attribute))
    wrapper.__name__ = getattr(original, "__name__", "filter")
    return wrapper


class FolderLoader(FileSystemLoader):
    """Loads templates only from inside the template folders, also when a file is a symlink."""

    def get_source(self, environment: Any, template: str) -> tuple[str, str, Callable[[], bool]]:
        source, filename, uptodate = super().get_source(environment, template)
        real = Path(filename).resolve()
        if not any(real.is_relative_to(Path(root).resolve()) for root in self.searchpath):
            raise SecurityError(_("{template} points outside the template folders").format(template=repr(template)))
        return source, filename, uptodate


class LetterEnvironment(ImmutableSandboxedEnvironment):
    """A sandbox that also refuses work no letter needs (huge strings, numbers, ranges)."""

    intercepted_binops = frozenset({"*", "**", "%", "+", "//"})
    intercepted_unops = frozenset()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.binop_table = {**self.binop_table, "*": _mul, "**": _pow, "%": _mod, "+": _add, "//": operator.floordiv}

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        _check_numbers(args, kwargs)
        target = getattr(__obj, "__wrapped__", __obj)  # the sandbox wraps str.format
        if getattr(target, "__name__", "") in {"format", "format_map"} and isinstance(
            getattr(target, "__self__", None), str
        ):
            _checked_format_string(target.__self__)
        return _check_size(super().call(__context, __obj, *args, **kwargs))


def _finalize(value: Any) -> Any:
    # Missing data prints as nothing, never as "None"; tidy() then closes the gap.
    if value is None:
        return ""
    return value


_SITE = "\x00pick-site:"
PICKED = "_sentences_picked"  # the render's PickCount, in the template's variables


class PickCount:
    """How many pick() sentences of each size a render has written so far (shared with imported
    macros): the sentences of one size take the points of a pair's line in turn."""

    __slots__ = ("written",)

    def __init__(self) -> None:
        self.written: dict[int, int] = {}

    def next_place(self, size: int) -> int:
        self.written[size] = self.written.get(size, 0) + 1
        return self.written[size]


class PickSites(Extension):
    """Gives every ``pick(...)`` call its place in the template as a first argument.

    A sentence is known by where it stands (template, line, which call on the line), not by its
    first wording: wordings carry names and numbers, and a key that changed with them would let
    two pairs draw the same sentence independently instead of apart (see variety.choose)."""

    def filter_stream(self, stream: TokenStream) -> Any:
        seen: dict[int, int] = {}
        ordinal = 0
        before: Token | None = None
        last: Token | None = None
        for token in stream:
            yield token
            if (
                token.type == "lparen"
                and last is not None
                and last.type == "name"
                and last.value == "pick"
                and (before is None or before.type != "dot")
            ):
                n = seen.get(token.lineno, 0)
                seen[token.lineno] = n + 1
                ordinal += 1
                # Its place among the template's sentences: neighbouring sentences get different
                # points on a pair's line (variety.choose), so two pairs that meet on one part ways
                # on the next.
                site = f"{stream.name or ''}:{token.lineno}:{n}@{ordinal}"
                yield Token(token.lineno, "string", f"{_SITE}{site}")
                yield Token(token.lineno, "comma", ",")
            before, last = last, token


@pass_context
def _pick(context: Any, *options: Any, key: Any = None) -> Any:
    # Each sentence draws on its own (keyed by where it stands), so two pairs differ throughout.
    # `key` names a sentence written in two branches (with a detail and without), so a pair
    # takes the same turn in both and two pairs stay apart whichever branch each one takes.
    site: str | None = None
    place: int | None = None
    if options and isinstance(options[0], str) and options[0].startswith(_SITE):
        site, _at, number = options[0][len(_SITE) :].rpartition("@")
        place, options = int(number), options[1:]
    if key is not None:
        site = f"{context.name}#{key}"
    # Its place is the sentence's place in this letter among those with as many wordings, where the
    # render counts them: then the sentences a letter writes take the points of a pair's line in
    # turn (variety.choose), however the template's branches fall, and two pairs that meet on one
    # sentence part on the next ones.
    counter = context.get(PICKED)
    if isinstance(counter, PickCount) and len(options) > 1:
        place = counter.next_place(variety.line_size(len(options)))
    return variety.choose(options, int(context.get("variant", 0) or 0), key=site, place=place)


def _lipsum(n: int = 1, html: bool = False, min: int = 20, max: int = 100) -> str:  # noqa: A002
    # Placeholder text has no place in a letter, but a small amount is harmless in a preview.
    from jinja2.utils import generate_lorem_ipsum

    return str(generate_lorem_ipsum(n=min_(n, 5), html=False, min=min_(min, 50), max=min_(max, 100)))


def min_(a: int, b: int) -> int:
    return a if a < b else b


FILTERS: dict[str, Callable[..., Any]] = {
    "ordinal": helpers.ordinal_number,
    "ordinal_words": helpers.ordinal_words,
    "number_words": helpers.number_words,
    "possessive": helpers.possessive,
    "natural_date": helpers.natural_date,
    "natural_list": helpers.natural_list,
    "years_since": helpers.years_since,
    "capitalize_first": helpers.capitalize_first,
    "agree": lambda verb, person: helpers.agree((person or {}).get("pronouns"), verb),
    "subject": lambda person: (person or {}).get("pronouns", {}).get("subject", "they"),
    "object": lambda person: (person or {}).get("pronouns", {}).get("object", "them"),
    "possessive_pronoun": lambda person: (person or {}).get("pronouns", {}).get("possessive", "their"),
    "reflexive": lambda person: (person or {}).get("pronouns", {}).get("reflexive", "themselves"),
    "month_name": helpers.month_name,
    "season": helpers.season_of,
}

GLOBALS: dict[str, object] = {
    "pick": _pick,
    "plural": helpers.plural,
    "natural_list": helpers.natural_list,
    "natural_date": helpers.natural_date,
    "ordinal": helpers.ordinal_number,
    "ordinal_words": helpers.ordinal_words,
    "number_words": helpers.number_words,
    "possessive": helpers.possessive,
    "years_since": helpers.years_since,
    "agree": helpers.agree,
    "range": _safe_range,
    "lipsum": _lipsum,
    # For letters in other languages (templates/<code>/): agreement and words in that language.
    "gender": languages.gender,
    "number_in": languages.number_in_words,
    "ordinal_in": languages.ordinal_in_words,
    "date_in": languages.date_in_words,
    "years_in": languages.years_in_words,
    "weekday_in": languages.weekday_in,
    # Notes typed in the letter's language, for letters that use a note as it was written.
    "notes_in": languages.notes_in,
    "written_in": languages.written_in,
    "as_written": languages.as_written,
}

# Built-in filters that can be asked to build something huge (widths, counts, repeats).
_AMPLIFYING_FILTERS = (
    "center",
    "indent",
    "wordwrap",
    "truncate",
    "format",
    "replace",
    "join",
    "batch",
    "slice",
    "list",
    "string",
    "join",
    "sum",
    "random",
    "urlize",
    "pprint",
    "tojson",
    "filesizeformat",
)


def make_environment(search_path: Sequence[Path | str], *, strict: bool) -> LetterEnvironment:
    """A plain-text sandbox that loads includes only from `search_path` (the template folders).

    `strict` (user templates) turns a misspelt name into a clear error; built-in templates
    are lenient so missing data only leaves a sentence out.
    """
    environment = LetterEnvironment(
        loader=FolderLoader([str(p) for p in search_path], encoding="utf-8"),
        autoescape=False,  # the output is plain text; archive values are data, never markup
        undefined=StrictUndefined if strict else ChainableUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        auto_reload=False,
        cache_size=50,
        extensions=[PickSites],
    )
    for name in _AMPLIFYING_FILTERS:
        if name in environment.filters:
            environment.filters[name] = _limited_filter(environment.filters[name])
    environment.filters.update(FILTERS)
    environment.globals.update(GLOBALS)
    return environment
