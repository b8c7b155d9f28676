"""`letters speak ID --out FILE.wav [--voice V] [--rate WPM]` and `letters voices` on the command line."""

from __future__ import annotations

import argparse

from beautifulletters.archive import Archive
from beautifulletters.errors import ValidationError
from beautifulletters.i18n import _, n_
from beautifulletters.speech import (
    DEFAULT_RATE,
    EngineMissingError,
    Reading,
    SpeechSettings,
    engine_problem,
    export_reading,
    letter_reading_text,
    list_voices,
    pronunciations_for_letter,
    resolve_voice,
    voices_by_language,
)
from ui.cli.common import EXIT_OK, add_output_options, output_path, print_json
from ui.cli.common import record_id as _id


def _rate(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("{value} is not a speed in words a minute (e.g. 175)").format(value=repr(value))
        ) from None


def _require_engine() -> None:
    if engine_problem() is not None:
        raise EngineMissingError()


def letters_speak(args: argparse.Namespace, archive: Archive) -> int:
    letter = archive.letters.get(args.id)
    _require_engine()
    settings = SpeechSettings(rate=args.rate, volume=args.volume).checked()
    if args.voice:
        voice = resolve_voice(args.voice, list_voices())
        settings = SpeechSettings(voice=voice.id, rate=settings.rate, volume=settings.volume)
    elif letter.language:
        try:
            voice = resolve_voice(letter.language, list_voices())
            settings = SpeechSettings(voice=voice.id, rate=settings.rate, volume=settings.volume)
        except ValidationError:
            pass  # no voice for the letter's language: espeak's default voice reads it
    reading = Reading(letter_reading_text(letter), pronunciations_for_letter(archive, letter))
    if not reading.pieces:
        raise ValidationError("letter", _("letter {id} has no words to read aloud.").format(id=args.id))
    result = export_reading(reading, output_path(args, archive), settings)
    if args.json:
        print_json(
            {
                "letter_id": args.id,
                "path": str(result.path),
                "duration_seconds": round(result.duration, 3),
                "sentences": result.sentences,
                "words": result.words,
                "voice": settings.voice,
                "rate": settings.rate,
            }
        )
    else:
        minutes, seconds = divmod(round(result.duration), 60)
        length = _("{minutes} min {seconds} s").format(minutes=minutes, seconds=seconds) if minutes else f"{seconds} s"
        sentences = n_("{count} sentence", "{count} sentences", result.sentences).format(count=result.sentences)
        spoken = n_("{count} word in {sentences}", "{count} words in {sentences}", result.words).format(
            count=result.words, sentences=sentences
        )
        print(f"{result.path}  ({length}, {spoken})")
    return EXIT_OK


def letters_voices(args: argparse.Namespace, archive: Archive) -> int:
    _require_engine()
    groups = voices_by_language(list_voices(), args.language)
    if args.json:
        print_json([{"language": label, "voices": [v.to_json() for v in members]} for label, members in groups])
        return EXIT_OK
    for label, members in groups:
        print(label)
        for voice in members:
            print(f"    {voice.language:<18} {voice.name}")
    return EXIT_OK


def register(
    commands: argparse._SubParsersAction,
    common: argparse.ArgumentParser,
    json_option: argparse.ArgumentParser,
    letters_actions: argparse._SubParsersAction,
) -> None:
    sub = letters_actions.add_parser(
        "speak",
        help=_("read a letter aloud into an audio file"),
        parents=[common, json_option],
        description=_(
            "Read a letter aloud into an audio file (.wav; .ogg/.flac/.mp3 when ffmpeg or sox can write it)."
        ),
    )
    sub.add_argument("id", type=_id)
    add_output_options(sub, metavar="FILE.wav", help=_("the audio file to write"))
    sub.add_argument("--voice", metavar="V", help=_('a voice or language, e.g. en-us, de, "English (Scotland)"'))
    sub.add_argument(
        "--rate",
        type=_rate,
        default=DEFAULT_RATE,
        metavar="WPM",
        help=_("speed in words a minute (default {rate})").format(rate=DEFAULT_RATE),
    )
    sub.add_argument("--volume", type=float, default=1.0, help=_("0 to 1 (default 1)"))
    sub.set_defaults(handler=letters_speak)

    sub = letters_actions.add_parser(
        "voices", help=_("the voices letters can be read in, by language"), parents=[common, json_option]
    )
    sub.add_argument("--language", help=_("list this language first, e.g. de"))
    sub.set_defaults(handler=letters_voices)
