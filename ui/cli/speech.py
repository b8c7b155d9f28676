"""`letters speak ID --out FILE.wav [--voice V] [--rate WPM]` and `letters voices` on the command line."""

from __future__ import annotations

import argparse

from beautifulletters.archive import Archive
from beautifulletters.errors import ValidationError
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
        raise argparse.ArgumentTypeError(f"{value!r} is not a speed in words a minute (e.g. 175)") from None


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
    elif letter.get("language"):
        try:
            voice = resolve_voice(letter["language"], list_voices())
            settings = SpeechSettings(voice=voice.id, rate=settings.rate, volume=settings.volume)
        except ValidationError:
            pass  # no voice for the letter's language: espeak's default voice reads it
    reading = Reading(letter_reading_text(letter), pronunciations_for_letter(archive, letter))
    if not reading.pieces:
        raise ValidationError("letter", f"letter {args.id} has no words to read aloud.")
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
        length = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
        print(f"{result.path}  ({length}, {result.words} words in {result.sentences} sentences)")
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
        help="read a letter aloud into an audio file",
        parents=[common, json_option],
        description="Read a letter aloud into an audio file (.wav; .ogg/.flac/.mp3 when ffmpeg or sox can write it).",
    )
    sub.add_argument("id", type=_id)
    add_output_options(sub, metavar="FILE.wav", help="the audio file to write")
    sub.add_argument("--voice", metavar="V", help='a voice or language, e.g. en-us, de, "English (Scotland)"')
    sub.add_argument(
        "--rate",
        type=_rate,
        default=DEFAULT_RATE,
        metavar="WPM",
        help=f"speed in words a minute (default {DEFAULT_RATE})",
    )
    sub.add_argument("--volume", type=float, default=1.0, help="0 to 1 (default 1)")
    sub.set_defaults(handler=letters_speak)

    sub = letters_actions.add_parser(
        "voices", help="the voices letters can be read in, by language", parents=[common, json_option]
    )
    sub.add_argument("--language", help="list this language first, e.g. de")
    sub.set_defaults(handler=letters_voices)
