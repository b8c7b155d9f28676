"""Finding templates: the built-in folder, the user's folder (which overrides), and metadata headers.

A template starts with a Jinja comment holding ``key: value`` lines::

    {#
    title: Anniversary
    occasion: anniversary
    description: For the day you married, counting the years.
    tone: tender
    fields: relationship.since, relationship.how_we_met, memories
    #}
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from beautifulletters import limits, userfiles
from beautifulletters.drafting import details as _details
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.paths import user_templates_dir
from beautifulletters.records import JSONObject
from beautifulletters.resources import templates_dir

TEMPLATE_SUFFIX = ".j2"
MAX_TEMPLATE_BYTES = limits.TEMPLATE_BYTES
_HEADER = re.compile(r"\A\s*\{#-?(.*?)-?#\}", re.DOTALL)
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,80}$")


@dataclass(frozen=True)
class TemplateInfo:
    """What a template is for, read from its header; `source` says 'builtin' or 'user'."""

    name: str
    title: str
    occasion: str
    description: str
    tone: str
    fields: list[str]
    source: str
    path: str
    overrides_builtin: bool = False
    extra: dict[str, str] = field(default_factory=dict)
    # The occasion's own details the template asks for (header `details:`), and whom it is
    # written to (header `life:`): "living" (the default), "gone" (someone who died) or "any".
    details: list[_details.Detail] = field(default_factory=list)
    life: str = "living"

    def to_json(self) -> JSONObject:
        return asdict(self)


def parse_header(source: str) -> dict[str, str]:
    """The ``key: value`` lines of the leading comment ({} without one)."""
    match = _HEADER.match(source)
    if not match:
        return {}
    header: dict[str, str] = {}
    for line in match.group(1).splitlines():
        if ":" in line:
            key, value = line.split(":", 1)
            key = key.strip().lower()
            if re.fullmatch(r"[a-z_]+", key):
                header[key] = value.strip()
    return header


def info_from_source(name: str, source: str, *, origin: str, path: Path | str, overrides: bool = False) -> TemplateInfo:
    header = parse_header(source)
    known = {"title", "occasion", "description", "tone", "fields", "details", "life"}
    life = (header.get("life") or "living").strip().lower()
    return TemplateInfo(
        name=name,
        title=header.get("title") or name.replace("-", " ").replace("_", " ").capitalize(),
        occasion=header.get("occasion") or "letter",
        description=header.get("description") or "",
        tone=header.get("tone") or "",
        fields=[f.strip() for f in header.get("fields", "").split(",") if f.strip()],
        source=origin,
        path=str(path),
        overrides_builtin=overrides,
        extra={k: v for k, v in header.items() if k not in known},
        details=_details.parse(header.get("details")),
        life=life if life in ("living", "gone", "any") else "living",
    )


def read_source(path: Path) -> str:
    """A template file's text; a folder, a device or FIFO, too large, unreadable or not UTF-8 is one sentence."""
    return userfiles.read_text(path, field="template", what="a template file", limit=MAX_TEMPLATE_BYTES)


def _folder_templates(folder: Path) -> dict[str, Path]:
    if not folder.is_dir():
        return {}
    found = {}
    for path in sorted(folder.glob(f"*{TEMPLATE_SUFFIX}")):
        name = path.name[: -len(TEMPLATE_SUFFIX)]
        # Names starting with "_" are shared pieces for {% include %}, not letters of their own.
        if _NAME.match(name) and path.is_file():
            found[name] = path
    return found


def list_templates(language: str | None = None) -> list[TemplateInfo]:
    """Built-in and user templates, by title; a user template replaces the built-in of the same name.

    With `language` (the window's), a built-in is titled and described by its own version in that
    language where it has one: a German window offers "Hochzeitstag", not "Anniversary"."""
    builtin = _folder_templates(templates_dir())
    user = _folder_templates(user_templates_dir())
    infos: list[TemplateInfo] = []
    for name, path in {**builtin, **user}.items():
        origin = "user" if name in user else "builtin"
        try:
            source = read_source(path)
        except BeautifulLettersError:
            continue
        overrides = origin == "user" and name in builtin
        info = info_from_source(name, source, origin=origin, path=path, overrides=overrides)
        infos.append(_titled_in(info, language) if origin == "builtin" else info)
    infos.sort(key=lambda info: (info.source != "builtin", info.title.casefold(), info.name))
    return infos


def _titled_in(info: TemplateInfo, language: str | None) -> TemplateInfo:
    """A built-in's title and description from its version in `language`; its name and file stay the
    English one's, since a draft picks the language version by the recipient, not by this list."""
    try:
        own = language_version(info.name, language) if language else None
    except BeautifulLettersError:
        own = None  # an unreadable translation: the English title still names it
    if own is None:
        return info
    return replace(info, title=own.info.title, description=own.info.description or info.description)


@dataclass(frozen=True)
class ResolvedTemplate:
    info: TemplateInfo
    source: str
    trusted: bool  # a built-in that nobody overrode: may render in-process
    language: str = "en"  # the language it is written in: "en", or the folder of templates/<code>/

    @property
    def name(self) -> str:
        return self.info.name

    @property
    def label(self) -> str:
        """How messages name it: the file name ("birthday.j2"), so a user can find it."""
        return Path(self.info.path).name if self.info.path else self.info.name


def looks_like_path(value: str) -> bool:
    return "/" in value or value.endswith(TEMPLATE_SUFFIX) or value.startswith((".", "~"))


def language_version(name: str, language: str | None) -> ResolvedTemplate | None:
    """The built-in version of template `name` written in `language` (templates/fr/birthday.j2), if any."""
    from beautifulletters.drafting.languages import LETTER_LANGUAGES, base_language

    code = base_language(language)
    if code not in LETTER_LANGUAGES or not _NAME.match(name or ""):
        return None
    path = templates_dir() / code / f"{name}{TEMPLATE_SUFFIX}"
    if not path.is_file():
        return None
    source = read_source(path)
    info = info_from_source(name, source, origin="builtin", path=path)
    return ResolvedTemplate(info, source, trusted=True, language=code)


def resolve(name_or_path: str) -> ResolvedTemplate:
    """A template by name (user first, then built-in) or a template file by path."""
    value = (name_or_path or "").strip()
    if not value:
        raise BeautifulLettersError(_("template: give a template name or a template file."))
    if looks_like_path(value):
        path = Path(value).expanduser()
        source = read_source(path)
        stem = path.name[: -len(TEMPLATE_SUFFIX)] if path.name.endswith(TEMPLATE_SUFFIX) else path.stem
        return ResolvedTemplate(
            info_from_source(stem or "template", source, origin="file", path=path.resolve()), source, trusted=False
        )
    if not _NAME.match(value):
        raise BeautifulLettersError(
            _("template: {value} is not a template name (letters, digits, - and _).").format(value=repr(value))
        )
    user_path = user_templates_dir() / f"{value}{TEMPLATE_SUFFIX}"
    builtin_path = templates_dir() / f"{value}{TEMPLATE_SUFFIX}"
    if user_path.is_file():
        source = read_source(user_path)
        return ResolvedTemplate(
            info_from_source(value, source, origin="user", path=user_path, overrides=builtin_path.is_file()),
            source,
            trusted=False,
        )
    if builtin_path.is_file():
        source = read_source(builtin_path)
        return ResolvedTemplate(
            info_from_source(value, source, origin="builtin", path=builtin_path), source, trusted=True
        )
    names = ", ".join(info.name for info in list_templates())
    raise BeautifulLettersError(
        _("template: there is no template named {value}; choose one of: {names}.").format(
            value=repr(value), names=names
        )
    )


def builtin_search_path(language: str = "en") -> list[Path]:
    """Where a built-in's imports are found: its language's folder first (its own _letter.j2)."""
    if language != "en" and (templates_dir() / language).is_dir():
        return [templates_dir() / language, templates_dir()]
    return [templates_dir()]


def user_search_path() -> list[Path]:
    """Includes from user templates look in the user's folder first, then the built-in one."""
    return [user_templates_dir(), templates_dir()]
