"""Drafting letters from templates: the API the window and the command line call (no Qt here).

Built-in templates render in-process in the sandbox; user templates (and any template file)
render in a bounded child process, so a hostile template ends within seconds with a message.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from beautifulletters import words
from beautifulletters.archive import Archive
from beautifulletters.drafting import catalog, engine
from beautifulletters.drafting import details as occasion_details
from beautifulletters.drafting import lint as _lint
from beautifulletters.drafting.catalog import TemplateInfo
from beautifulletters.drafting.context import build_context
from beautifulletters.drafting.context_fields import TemplateContext, all_notes
from beautifulletters.drafting.engine import Problem, TemplateProblem
from beautifulletters.drafting.kinship import former, former_partner
from beautifulletters.drafting.tidy import artifact_problems
from beautifulletters.drafting.worker import WorkerProblem, shared_renderer
from beautifulletters.errors import BeautifulLettersError
from beautifulletters.i18n import _
from beautifulletters.records import JSONObject, NewLetter
from beautifulletters.stationery import with_paper

__all__ = [
    "Draft",
    "Problem",
    "TemplateInfo",
    "TemplateProblem",
    "artifact_problems",
    "check_template_file",
    "create_draft",
    "store_draft",
    "lint",
    "list_templates",
    "render_draft",
    "render_template_source",
    "template_for_occasion",
    "warm_renderer",
]

_OCCASION_TEMPLATES = {"birthday": "birthday", "anniversary": "anniversary", "custom": "thinking-of-you"}


@dataclass
class Draft:
    """A rendered letter: `text` runs from the salutation to the closing phrase; the signature is apart."""

    text: str
    signature: str
    title: str
    occasion: str
    occasion_date: str | None
    template: str
    warnings: list[str] = field(default_factory=list)
    used_note_ids: list[int] = field(default_factory=list)
    language: str | None = None
    recipient_id: int | None = None
    signer_id: int | None = None

    def to_json(self) -> JSONObject:
        return asdict(self)


def list_templates(language: str | None = None) -> list[TemplateInfo]:
    """Every template, built-in and the user's own (a user template overrides the built-in of its name)."""
    return catalog.list_templates(language)


def template_for_occasion(kind: str | None, *, in_memory: bool = False) -> str:
    """The template for an upcoming date's kind: birthday, anniversary, else a thinking-of-you letter.

    A day remembered for someone who died (their birthday, the day they died) is a letter to them."""
    if in_memory or kind == "remembrance":
        return "to-someone-gone"
    return _OCCASION_TEMPLATES.get((kind or "").lower(), "thinking-of-you")


def _render_resolved(resolved: catalog.ResolvedTemplate, context: TemplateContext) -> engine.Rendered:
    if resolved.trusted:
        return engine.render_source(
            resolved.source,
            resolved.label,
            context,
            [str(p) for p in catalog.builtin_search_path(resolved.language)],
            strict=False,
        )
    return _render_bounded(resolved.source, resolved.label, context)


def warm_renderer() -> None:
    """Start the sandboxed renderer before the first render needs it (after a render it had to
    stop, the next one would start it cold: a second or more on a busy machine)."""
    try:
        shared_renderer().warm()
    except WorkerProblem as error:
        raise TemplateProblem(Problem("template", None, str(error))) from None


def _render_bounded(source: str, name: str, context: TemplateContext) -> engine.Rendered:
    request = {
        "op": "render",
        "source": source,
        "name": name,
        "context": context,
        "strict": True,
        "search_path": [str(p) for p in catalog.user_search_path()],
    }
    try:
        answer = shared_renderer().request(request)
    except WorkerProblem as error:
        raise TemplateProblem(Problem(name, None, str(error))) from None
    if not answer.get("ok"):
        raise TemplateProblem(Problem(**answer["problem"]))
    return engine.Rendered(answer["text"], dict(answer.get("exported") or {}))


def _used_note_ids(text: str, context: TemplateContext) -> list[int]:
    used = []
    # Letters in other languages use a note as typed, after a colon: its first word may be in lower
    # case there and its closing stop gone, so the match ignores case and closing punctuation.
    folded = text.casefold()
    for note in all_notes(context["notes"]):
        as_typed = " ".join(str(note["text"] or "").split()).strip(" .!?;:,")
        if any(part and part.casefold() in folded for part in (note["phrase"], note["clause"], as_typed)):
            used.append(note["id"])
    return sorted(used)


def _draft(
    resolved: catalog.ResolvedTemplate,
    context: TemplateContext,
    rendered: engine.Rendered,
    language: str | None = None,
    language_warning: str | None = None,
    notices: list[str] | None = None,
) -> Draft:
    info = resolved.info
    if not rendered.text.strip():
        raise TemplateProblem(Problem(resolved.label, None, "the template produced no letter text"))
    exported = " ".join(rendered.exported.get("signature", "").split())
    text, signature = _lint.signature_for(rendered.text, exported, context)
    title = " ".join(rendered.exported.get("letter_title", "").split()) or info.title
    used_note_ids = _used_note_ids(text, context)
    warnings = [
        *([language_warning] if language_warning else []),
        *(notices or []),
        *_warnings(resolved, context),
        *_lint.jokes_held_back(_fields(resolved), context, used_note_ids),
    ]
    return Draft(
        text=text,
        signature=signature,
        title=title,
        occasion=context["occasion"]["kind"] if info.life == "gone" else info.occasion,
        occasion_date=context["occasion"]["date"],
        template=info.name,
        warnings=list(dict.fromkeys(warnings)),
        used_note_ids=used_note_ids,
        language=language if language is not None else context["recipient"]["language"],
        recipient_id=context["recipient"]["id"],
        signer_id=context["signer"]["id"],
    )


def _fields(resolved: catalog.ResolvedTemplate) -> list[str]:
    return sorted(set(resolved.info.fields) | set(_lint.used_fields(resolved.source)))


def _warnings(resolved: catalog.ResolvedTemplate, context: TemplateContext) -> list[str]:
    """Lint for one draft: what the person lacks, notes left out, details missing, lives and names."""
    fields = _fields(resolved)
    return [
        *_lint.lint_context(fields, context),
        *occasion_details.missing(resolved.info.details, context.get("details") or {}),
        *_lint.life_warnings(context, resolved.info.life),
    ]


GONE_TEMPLATE = "to-someone-gone"
ENDED_TEMPLATE = "letting-go"
_ROMANTIC_OCCASIONS = ("anniversary", "love")


def _for_their_lives(
    archive: Archive, template: str, recipient_id: int, signer_id: int | None
) -> tuple[str, str | None, list[str]]:
    """The template a letter should really use, the occasion it keeps, and a sentence saying why.

    A letter to someone who died is written as such, keeping the occasion (their birthday, your
    anniversary); an anniversary or love letter across a marriage that ended becomes a letter of
    letting go. A template of the writer's own is never swapped: lint says what is wrong instead.
    """
    resolved = catalog.resolve(template)
    occasion = resolved.info.occasion
    if resolved.info.source != "builtin":
        return template, None, []
    recipient = archive.people.get(recipient_id)
    name = recipient.nickname or recipient.display_name.split(" ")[0]
    if recipient.died_on and resolved.info.life == "living":
        kind = occasion if occasion in ("birthday", "anniversary") else "letter"
        notice = _("{name} has died, so the letter is written to them as such (“To someone who has died”).").format(
            name=name
        )
        return GONE_TEMPLATE, kind, [notice]
    signer = signer_id if signer_id is not None else archive.settings.default_signer_id()
    relationship = archive.relationships.get(signer, recipient_id) if signer is not None else None
    ended = relationship is not None and bool(
        relationship.ended_on or relationship.end_kind or former(relationship.kind)
    )
    couple = relationship is not None and former_partner(relationship.kind, relationship.end_kind)
    if relationship and ended and occasion in _ROMANTIC_OCCASIONS and couple:
        notice = _(
            "Your relationship with {name} has ended, so the letter is one of letting go, not of a couple."
        ).format(name=name)
        return ENDED_TEMPLATE, None, [notice]
    return template, None, []


def render_draft(
    archive: Archive,
    *,
    recipient_id: int,
    signer_id: int | None = None,
    template: str,
    occasion_date: str | None = None,
    today: dt.date | None = None,
    language: str | None = None,
    details: dict[str, str] | None = None,
) -> Draft:
    """Render `template` (a name or a template file) for the pair; nothing is stored.

    The letter is written in `language`, by default the recipient's: a built-in template's own
    version in that language when there is one, else the English one with a warning saying so.
    `details` are the occasion's own (the gift, the baby's name...), by the keys the template declares."""
    name, occasion, notices = _for_their_lives(archive, template, recipient_id, signer_id)
    resolved, chosen, warning = _in_language(archive, name, recipient_id, language)
    context = build_context(
        archive,
        recipient_id=recipient_id,
        signer_id=signer_id,
        occasion=occasion or resolved.info.occasion,
        occasion_date=occasion_date,
        today=today,
        declared=resolved.info.details,
        given=details,
        language=_notes_language(chosen),
    )
    return _draft(resolved, context, _render_resolved(resolved, context), chosen, warning, notices)


def _notes_language(chosen: str | None) -> str:
    """Which notes a letter in `chosen` may carry: those in its language ('en' for English and for
    languages without templates of their own, whose letters are written in English)."""
    from beautifulletters.drafting.languages import LETTER_LANGUAGES, base_language

    code = base_language(chosen)
    return code if code in LETTER_LANGUAGES else "en"


def _in_language(
    archive: Archive, template: str, recipient_id: int, language: str | None
) -> tuple[catalog.ResolvedTemplate, str | None, str | None]:
    """(the template to render, the letter's language, a warning when it falls back to English)."""
    from beautifulletters.drafting.languages import base_language
    from beautifulletters.spelling import language_name

    wanted = language or archive.people.get(recipient_id).language or None
    code = base_language(wanted)
    if code != "en":
        own = catalog.language_version(template, wanted)
        if own is not None:
            return own, wanted, None
    resolved = catalog.resolve(template)
    if code == "en" or resolved.info.source != "builtin":
        # English, or the writer's own template: written in whatever language they wrote it.
        return resolved, (wanted if resolved.info.source != "builtin" else (wanted or None)), None
    name = words.language_name(code) if code else language_name(wanted)
    warning = _("There is no {name} version of the {lower} letter yet; this draft is in English.").format(
        name=name, lower=resolved.info.title.lower()
    )
    return resolved, "en", warning


def create_draft(
    archive: Archive,
    *,
    recipient_id: int,
    signer_id: int | None = None,
    template: str,
    occasion_date: str | None = None,
    today: dt.date | None = None,
    language: str | None = None,
    details: dict[str, str] | None = None,
) -> int:
    """Render and store a draft as a new letter (with its first revision); returns the letter id."""
    draft = render_draft(
        archive,
        recipient_id=recipient_id,
        signer_id=signer_id,
        template=template,
        occasion_date=occasion_date,
        today=today,
        language=language,
        details=details,
    )
    return store_draft(archive, draft)


def draft_letter_fields(draft: Draft, paper: Mapping[str, Any] | None = None) -> NewLetter:
    """The new letter a draft becomes (what :func:`store_draft` stores); the style remembers the
    signature and the notes it used, and, given `paper` (the preferences' paper, pen, ink, page
    size and margins), the paper it is written on (beautifulletters.stationery.with_paper)."""
    assert draft.signer_id is not None and draft.recipient_id is not None
    style: JSONObject = {"signature_name": draft.signature, "used_note_ids": draft.used_note_ids}
    return NewLetter(
        signer_id=draft.signer_id,
        recipient_id=draft.recipient_id,
        body=draft.text,
        body_format="text",
        body_text=draft.text,
        occasion=draft.occasion,
        occasion_date=draft.occasion_date,
        template=draft.template,
        title=draft.title,
        language=draft.language,
        style=style if paper is None else with_paper(style, paper),
    )


def store_draft(
    archive: Archive, draft: Draft, *, created_at: str | None = None, paper: Mapping[str, Any] | None = None
) -> int:
    """Store a rendered draft as a new letter (on `paper`, when given: see draft_letter_fields)."""
    return archive.letters.create(**draft_letter_fields(draft, paper), created_at=created_at)


def lint(
    archive: Archive,
    template: str,
    recipient_id: int,
    signer_id: int | None = None,
    details: dict[str, str] | None = None,
    language: str | None = None,
) -> list[str]:
    """Sentences about what the draft lacks or leaves out: data, notes, details, names, lives."""
    name, occasion, notices = _for_their_lives(archive, template, recipient_id, signer_id)
    resolved, chosen, warning = _in_language(archive, name, recipient_id, language)
    context = build_context(
        archive,
        recipient_id=recipient_id,
        signer_id=signer_id,
        occasion=occasion or resolved.info.occasion,
        declared=resolved.info.details,
        given=details,
        language=_notes_language(chosen),
    )
    return list(dict.fromkeys([*notices, *([warning] if warning else []), *_warnings(resolved, context)]))


def render_template_source(
    source: str,
    archive: Archive,
    recipient_id: int,
    signer_id: int | None = None,
    *,
    name: str = "preview",
    today: dt.date | None = None,
    occasion_date: str | None = None,
) -> Draft:
    """Live preview for the template editor: the source always renders sandboxed in the bounded worker."""
    info = catalog.info_from_source(name, source, origin="user", path="")
    resolved = catalog.ResolvedTemplate(info, source, trusted=False)
    context = build_context(
        archive,
        recipient_id=recipient_id,
        signer_id=signer_id,
        occasion=info.occasion,
        occasion_date=occasion_date,
        today=today,
        declared=info.details,
    )
    return _draft(resolved, context, _render_bounded(source, name, context))


def sample_context(occasion: str = "letter", today: dt.date | None = None) -> TemplateContext:
    """The context of the sample pair (Chris writing to Lolly), for checking templates without an archive."""
    with tempfile.TemporaryDirectory(prefix="beautifulletters-check-") as folder:
        with Archive.open(Path(folder) / "sample.sqlite3") as archive:
            people = {archive.people.get(i).display_name: i for i in archive.search.people_ids()}
            return build_context(
                archive,
                recipient_id=people["Loretta Mercer"],
                signer_id=people["Chris Mercer"],
                occasion=occasion,
                today=today,
            )


def check_template_file(path: str | Path) -> list[Problem]:
    """Syntax, sandbox and field check of a template file, with a trial render on the sample pair."""
    path = Path(path)
    name = path.name
    try:
        source = catalog.read_source(path)
    except BeautifulLettersError as error:
        return [Problem(name, None, str(error).split(": ", 1)[-1])]
    info = catalog.info_from_source(name, source, origin="file", path=path)
    request = {
        "op": "check",
        "source": source,
        "name": name,
        "context": sample_context(info.occasion),
        "search_path": [str(p) for p in catalog.user_search_path()],
    }
    try:
        answer = shared_renderer().request(request)
    except WorkerProblem as error:
        return [Problem(name, None, str(error))]
    if not answer.get("ok"):
        return [Problem(**answer["problem"])]
    return [Problem(**p) for p in answer["problems"]]
