"""`antrian voice text|say NUMBER COUNTER`: what the display would say, for technicians."""

from __future__ import annotations

import argparse
import sys

HELP = "Print or speak the announcement for a ticket and counter (offline voice check)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action, help_text in (
        ("text", "print the sentence"),
        ("say", "speak it through the speaker, or write it to a WAV file with --out"),
    ):
        command = sub.add_parser(action, help=help_text, description=help_text)
        command.add_argument("number", help='ticket number, e.g. "A-012"')
        command.add_argument("counter", help='counter name, e.g. "Loket 3"')
        command.add_argument("--recall", action="store_true", help="the recall wording")
        command.add_argument("--config", metavar="FILE", help="display.toml: wording and voice")
        if action == "say":
            command.add_argument("--out", metavar="FILE.wav", help="write a WAV instead of playing")


def run(args: argparse.Namespace) -> int:
    from config import ConfigError
    from config.display import DisplayAppSettings, VoiceSettings, load_display_settings
    from display.core.sentence import Wording, announcement_sentence

    try:
        if args.config:
            settings = load_display_settings(args.config)
        else:
            settings = DisplayAppSettings.model_construct(voice=VoiceSettings())
    except ConfigError as error:
        sys.stderr.write(f"{error}\n")
        return 2
    kind = "recall" if args.recall else "call"
    sentence = announcement_sentence(
        args.number, args.counter, kind, Wording.from_settings(settings.voice)
    )
    sys.stdout.write(f"{sentence}\n")
    if args.action == "text":
        return 0
    return _say(sentence, settings.voice, args.out)


def _say(sentence: str, voice, out: str | None) -> int:
    import tempfile
    from pathlib import Path

    from display.audio import (
        AudioUnavailable,
        CommandPlayer,
        SpeechSynthesizer,
        SpeechUnavailable,
        wav_seconds,
    )

    synthesizer = SpeechSynthesizer(voice.voice, voice.rate, voice.volume)
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(out) if out else Path(folder) / "speech.wav"
            synthesizer.synthesize(sentence, path)
            if out:
                sys.stdout.write(f"{path}: {wav_seconds(path):.1f} s, voice {synthesizer.voice}\n")
                return 0
            CommandPlayer(voice.player).play(path)
    except SpeechUnavailable as error:
        sys.stderr.write(f"speech failed: {error}\n")
        return 1
    except AudioUnavailable as error:
        sys.stderr.write(f"no sound: {error} (try --out FILE.wav)\n")
        return 1
    finally:
        synthesizer.close()
    return 0
