"""What a template uses and what a recipient lacks; the field check behind `templates check`."""

from __future__ import annotations

import difflib

from jinja2 import TemplateSyntaxError, nodes

from beautifulletters import words
from beautifulletters.drafting import tidy
from beautifulletters.drafting.closing import split_signature
from beautifulletters.drafting.context_fields import TemplateContext, template_fields
from beautifulletters.drafting.engine import Problem, TemplateProblem, run
from beautifulletters.drafting.environment import GLOBALS, make_environment
from beautifulletters.drafting.letter_notes import short
from beautifulletters.i18n import N_, _

# Fields of the context a template can name (the template guide documents each), read from the
# context's own type so a field added there is known here at once.
CONTEXT_FIELDS: dict[str, frozenset[str]] = template_fields()
_JINJA_NAMES = {
    "loop",
    "self",
    "super",
    "varargs",
    "kwargs",
    "caller",
    "true",
    "false",
    "none",
    "True",
    "False",
    "None",
    "namespace",
    "dict",
    "cycler",
    "joiner",
}


def used_fields(source: str) -> list[str]:
    """Context fields a template names, such as 'recipient.nickname' or 'memories'."""
    environment = make_environment([], strict=True)
    try:
        tree = environment.parse(source)
    except TemplateSyntaxError:
        return []
    found: set[str] = set()
    for node in tree.find_all((nodes.Getattr, nodes.Name)):
        if isinstance(node, nodes.Getattr) and isinstance(node.node, nodes.Name) and node.node.name in CONTEXT_FIELDS:
            found.add(f"{node.node.name}.{node.attr}")
        elif isinstance(node, nodes.Name) and node.name in CONTEXT_FIELDS and node.ctx == "load":
            found.add(node.name)
    return sorted(found)


def field_problems(source: str, name: str) -> list[Problem]:
    """Misspelt fields ("recipent", "recipient.nick") with the line and a suggestion."""
    environment = make_environment([], strict=True)
    try:
        tree = environment.parse(source, name=name)
    except TemplateSyntaxError as error:
        return [Problem(name, error.lineno, error.message or "syntax error")]
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    assigned |= {n.name for n in tree.find_all(nodes.Macro)}
    known = set(CONTEXT_FIELDS) | set(GLOBALS) | set(environment.globals) | _JINJA_NAMES | assigned
    problems: list[Problem] = []
    seen: set[tuple[str, int]] = set()
    for node in tree.find_all(nodes.Name):
        if node.ctx == "load" and node.name not in known and (node.name, node.lineno) not in seen:
            seen.add((node.name, node.lineno))
            problems.append(
                Problem(
                    name,
                    node.lineno,
                    _("{node} is not a template field{node2}").format(
                        node=repr(node.name), node2=_suggest(node.name, known)
                    ),
                )
            )
    for attribute in tree.find_all(nodes.Getattr):
        owner = attribute.node
        if isinstance(owner, nodes.Name) and owner.name in CONTEXT_FIELDS and owner.name not in assigned:
            fields = CONTEXT_FIELDS[owner.name]
            if fields and attribute.attr not in fields:
                suggestion = _suggest(attribute.attr, fields)
                message = _("{owner} has no field {attr}{suggestion}").format(
                    owner=owner.name, attr=repr(attribute.attr), suggestion=suggestion
                )
                problems.append(Problem(name, attribute.lineno, message))
    return problems


def _suggest(word: str, choices: set[str] | frozenset[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=1)
    return _("; did you mean {close}?").format(close=repr(close[0])) if close else ""


def check_source_in_sandbox(source: str, name: str, context: TemplateContext, search_path: list[str]) -> list[Problem]:
    """Syntax, field and trial-render check of a user template (runs inside the bounded worker)."""
    problems = field_problems(source, name)
    if any(p.message and "syntax" in p.message.lower() for p in problems):
        return problems
    environment = make_environment(search_path, strict=True)
    try:
        rendered = run(environment, source, name, context)
    except TemplateProblem as error:
        if not any(p.line == error.problem.line and p.template == error.problem.template for p in problems):
            problems.append(error.problem)
        return problems
    text, _signed = split_signature(rendered.text, _signer_names(context))
    for issue in tidy.artifact_problems(text):
        problems.append(Problem(name, None, _("the trial letter {issue}").format(issue=issue)))
    return problems


def _signer_names(context: TemplateContext) -> list[str]:
    signer = context.get("signer") or {}
    names = [signer.get(k) for k in ("first_name", "display_name", "full_name", "nickname", "name")]
    return [str(n) for n in [*names, (context.get("relationship") or {}).get("signs_as")] if n]


def signature_for(rendered_text: str, exported: str, context: TemplateContext) -> tuple[str, str]:
    """(the letter text ending with its closing phrase, the name it is signed with).

    A template's own `signature` wins, then a name the template wrote after its closing
    ("Love," then "{{ signer.name }}"), then how the signer signs to this person, then what they are
    called, then their first name.
    """
    text, signed = split_signature(rendered_text, _signer_names(context))
    signer = context["signer"]
    chosen = exported or signed or context["relationship"].get("signs_as") or signer["nickname"] or signer["first_name"]
    return text, chosen


def life_warnings(context: TemplateContext, life: str) -> list[str]:
    """What the writer should know about the people's lives before sending this letter."""
    recipient, signer, relationship = context["recipient"], context["signer"], context["relationship"]
    warnings: list[str] = []
    if not recipient.get("living") and life == "living":
        warnings.append(
            _(
                "{name} has died, and this template is written to the living; the “To someone who has died” template "
                "is written for them."
            ).format(name=recipient["name"])
        )
    if recipient.get("living") and life == "gone":
        warnings.append(
            _("This template is written to someone who has died, and {name} has not.").format(name=recipient["name"])
        )
    if relationship.get("ended") and relationship.get("end_kind"):
        warnings.append(
            _(
                "The relationship ended ({end_kind}); the letter counts its years only to the end and leaves out "
                "shared jokes, pet names and what they like."
            ).format(end_kind=words.end_kind(relationship["end_kind"] or ""))  # "Scheidung" in German, not "divorce"
        )
    elif relationship.get("ended"):
        warnings.append(
            _(
                "The relationship has ended ({kind}); the letter counts its years only to the end and leaves out "
                "shared jokes, pet names and what they like."
            ).format(kind=relationship.get("kind"))
        )
    if relationship.get("ended") and context["occasion"]["kind"] in ("love", "anniversary"):
        # The built-in letters become letters of letting go between a former couple; a love letter to an
        # estranged son, or a template of the writer's own, is still drafted, and said to be out of step.
        warnings.append(
            _(
                "Your relationship with {name} has ended, and a love letter or an anniversary letter is one for "
                "people who are still close: read it through before sending, or choose “Thinking of you” or "
                "“Letting go” instead."
            ).format(name=recipient["name"])
        )
    if " ".join(str(signer.get("display_name") or "").split()).casefold() in {"me", "myself", "i", ""}:
        warnings.append(
            _(
                "The signer has no name yet, so the letter is signed “{first_name}”; give yours with `people edit "
                "{id} --name …` or Edit person in the window."
            ).format(first_name=signer["first_name"], id=signer["id"])
        )
    return warnings


def lint_context(fields: list[str], context: TemplateContext) -> list[str]:
    """Plain sentences about what this recipient lacks that the template would use."""
    recipient = context["recipient"]
    signer = context["signer"]
    relationship = context["relationship"]
    occasion = context["occasion"]
    who = recipient["first_name"]
    wanted = set(fields)
    warnings: list[str] = []

    def wants(*names: str) -> bool:
        return any(n in wanted or any(w.startswith(n + ".") for w in wanted) for n in names)

    if wants("recipient.nickname") and not recipient["nickname"]:
        warnings.append(_("{who} has no nickname; the letter calls them by their first name.").format(who=who))
    if wants("recipient.pronouns") and not recipient["has_pronouns"]:
        warnings.append(_("{who} has no pronouns recorded; the letter speaks of them only as “you”.").format(who=who))
    if wants("relationship") and not relationship["known"]:
        warnings.append(
            _(
                "There is no relationship from {name} to {who}; the letter will not say what you are to each other "
                "or how you met."
            ).format(name=signer["name"], who=who)
        )
    else:
        if wants("relationship.how_we_met") and not (relationship["how_we_met"] or relationship.get("how_we_met_text")):
            warnings.append(
                _("The archive does not say how {name} and {who} met; the letter will not tell that story.").format(
                    name=signer["name"], who=who
                )
            )
        if wants("relationship.since", "relationship.years") and not relationship["since"]:
            warnings.append(_("The relationship has no start date; the letter will not count the years."))
        if (
            wants("relationship.pet_names", "relationship.pet_name")
            and not relationship["pet_names"]
            and not relationship.get("calls_them")
            and not relationship.get("ended")
        ):
            warnings.append(_("There are no pet names for {who}; the letter uses their name.").format(who=who))
    if occasion["kind"] == "anniversary" and wants("occasion") and not occasion["years"]:
        warnings.append(_("{who} has no anniversary date; the letter will not mention the year.").format(who=who))
    if occasion["kind"] == "birthday" and wants("occasion") and not occasion["date"]:
        warnings.append(_("{who} has no birthday recorded; the letter will not mention the date.").format(who=who))
    elif occasion["kind"] == "birthday" and wants("occasion") and not occasion["years"]:
        warnings.append(_("{who}'s birth year is unknown; the letter will not mention the age.").format(who=who))
    for group, label, items in (
        ("memories", N_("memories"), context["memories"]),
        ("jokes", N_("shared jokes"), context["jokes"]),
        ("preferences", N_("preferences"), context["preferences"]),
        ("facts", N_("facts"), context["facts"]),
    ):
        if wants(group, f"notes.{group}") and not items and not (relationship.get("ended") and group in _HELD_BACK):
            warnings.append(
                _("{who} has no {label} in the archive; the letter will not mention any.").format(
                    who=who, label=_(label)
                )
            )
    if (
        wants("memories", "fresh_memories")
        and context["memories"]
        and not any(not m["used"] for m in context["memories"])
    ):
        warnings.append(_("Every memory of {who} was used in an earlier letter; this one repeats one.").format(who=who))
    warnings.extend(context.get("left_out") or [])
    return warnings


# Across an ending the letter leaves these out whatever the archive holds (life_warnings says so).
_HELD_BACK = ("jokes", "preferences")


def jokes_held_back(fields: list[str], context: TemplateContext, used_note_ids: list[int]) -> list[str]:
    """The joke a letter would have told, named when the letter spoke of a sorrow instead.

    A letter that says "It hurt to hear that your husband Frank died in March" goes on with no joke
    (the templates hold it back): the writer is told which joke waits for another letter, as for
    any other note left out. Read from what the letter says, so it holds for every template."""
    if not any(f == "jokes" or f.startswith("jokes.") for f in fields):
        return []
    used = set(used_note_ids)
    said = next((n for n in context["sorrows"] if n["id"] in used), None)
    joke = next((n for n in context["jokes"] if not n["used"]), None)
    if said is None or joke is None or joke["id"] in used:
        return []
    return [
        _(
            "The joke “{joke}” is left out: the letter speaks of “{sorrow}”, and a joke straight after it would jar."
        ).format(joke=short(joke["text"]), sorrow=short(said["text"]))
    ]
