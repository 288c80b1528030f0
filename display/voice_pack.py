"""A voice pack: recorded WAV clips, one per word or phrase, spoken by concatenation as many
Indonesian halls do ("nomor_antrean.wav", "a.wav", "dua.wav", "belas.wav", "loket.wav", ...).

The sentence text (display.core.sentence) is split into words; each word, or a phrase of up to
three words that has its own clip ("nomor antrean", "silakan menuju"), is one clip, and
punctuation is a short silence. A sentence with any clip missing is never spoken with a hole:
`render` refuses and the caller synthesizes the whole sentence instead (PackSynthesizer).
Without Qt; uses only the standard `wave` module.
"""

from __future__ import annotations

import json
import logging
import re
import subprocess
import wave
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from display.core.sentence import Wording
from speech.words import LETTER_NAMES

log = logging.getLogger(__name__)

MANIFEST = "manifest.json"
README = "BACA-SAYA.txt"
# Silences between clips, in seconds: a word gap, and what punctuation says.
WORD_GAP = 0.06
PAUSES = {",": 0.18, ";": 0.25, ":": 0.25, ".": 0.4, "!": 0.4, "?": 0.4}
LONGEST_PHRASE = 3  # words in one clip
# Phrases a pack records as one clip, so they sound like one breath.
PHRASES = ("nomor antrean", "panggilan ulang", "silakan menuju")
NUMBER_WORDS = (
    "nol", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
    "sepuluh", "sebelas", "belas", "puluh", "seratus", "ratus", "seribu", "ribu",
)  # fmt: skip
COUNTER_WORDS = ("loket", "ke", "meja", "ruang")
_TOKEN = re.compile(r"[^\W\d_]+|[,;:.!?]")
# Below this amplitude (of 32767) a generated clip's start and end are silence to trim.
_SILENCE_LEVEL = 200


class PackIncomplete(Exception):
    """The pack lacks clips for a sentence: `missing` are their names (without .wav)."""

    def __init__(self, missing: list[str]):
        self.missing = missing
        super().__init__("missing clips: " + ", ".join(f"{name}.wav" for name in missing))


class PackFormatError(Exception):
    """A clip's WAV format differs from the pack's; the message says how to convert it."""


@dataclass(frozen=True)
class ClipFormat:
    rate: int
    channels: int
    width: int  # bytes per sample

    def __str__(self) -> str:
        channels = "mono" if self.channels == 1 else f"{self.channels} channels"
        return f"{self.rate} Hz {channels} {8 * self.width}-bit"


def clip_name(phrase: str) -> str:
    """'nomor antrean' -> 'nomor_antrean' (the clip is nomor_antrean.wav)."""
    return "_".join(phrase.lower().split())


def standard_words(wording: Wording | None = None, extra: Iterable[str] = ()) -> list[str]:
    """Every clip a pack needs for `wording` (its fixed words), any ticket number up to 9999,
    any letter, counters named "Loket N", the configured pronunciations, plus the words of
    `extra` (other counter names)."""
    wording = wording or Wording()
    words: list[str] = list(PHRASES)
    for template in (wording.call_sentence, wording.recall_sentence, wording.group_sentence):
        fixed = re.sub(r"\{\w+\}", " ", template)
        words.extend(_covering_phrases(_words(fixed)))
    words.extend(LETTER_NAMES.values())
    words.extend(NUMBER_WORDS)
    words.extend(COUNTER_WORDS)
    for text in (*wording.pronounce.values(), *extra):
        words.extend(_words(text))
    return list(dict.fromkeys(clip_name(word) for word in words))


def _words(text: str) -> list[str]:
    return [token for token in _TOKEN.findall(text.lower()) if token not in PAUSES]


def _covering_phrases(words: list[str]) -> list[str]:
    """The words of a template, with the known phrases kept whole."""
    joined = " ".join(words)
    for phrase in PHRASES:
        joined = joined.replace(phrase, clip_name(phrase))
    return joined.split()


def plan(text: str, available: set[str]) -> tuple[list[str], list[str]]:
    """(pieces, missing) for `text`: pieces are clip names or punctuation marks, longest
    phrase first; missing are the words no clip covers."""
    tokens = _TOKEN.findall(text.lower())
    pieces: list[str] = []
    missing: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token in PAUSES:
            pieces.append(token)
            index += 1
            continue
        for size in range(LONGEST_PHRASE, 0, -1):
            words = tokens[index : index + size]
            if len(words) == size and not any(w in PAUSES for w in words):
                name = clip_name(" ".join(words))
                if name in available:
                    pieces.append(name)
                    index += size
                    break
        else:
            missing.append(token)
            index += 1
    return pieces, list(dict.fromkeys(missing))


def clip_format(path: Path) -> ClipFormat:
    with wave.open(str(path), "rb") as clip:
        return ClipFormat(clip.getframerate(), clip.getnchannels(), clip.getsampwidth())


class VoicePack:
    """A folder of clips `<name>.wav`, all of one format (the manifest's, or the first one's)."""

    def __init__(self, folder: Path | str):
        self.folder = Path(folder)

    def clips(self) -> dict[str, Path]:
        return {path.stem.lower(): path for path in sorted(self.folder.glob("*.wav"))}

    def expected_format(self, clips: dict[str, Path]) -> ClipFormat | None:
        manifest = self.folder / MANIFEST
        if manifest.is_file():
            try:
                return ClipFormat(**json.loads(manifest.read_text())["format"])
            except (ValueError, KeyError, TypeError):
                log.warning("%s is not a voice pack manifest; ignoring it", manifest)
        for path in clips.values():
            try:
                return clip_format(path)
            except (wave.Error, EOFError, OSError):
                continue
        return None

    def problems(self, words: Iterable[str]) -> tuple[list[str], list[str]]:
        """(missing, bad) for the clips `words`: names without a file, and messages for files
        that cannot be used (not a WAV, or another format)."""
        clips = self.clips()
        expected = self.expected_format(clips)
        missing, bad = [], []
        for name in words:
            if name not in clips:
                missing.append(name)
            elif message := self._format_problem(name, clips[name], expected):
                bad.append(message)
        return missing, bad

    def _format_problem(self, name: str, path: Path, expected: ClipFormat | None) -> str | None:
        try:
            found = clip_format(path)
        except (wave.Error, EOFError, OSError) as error:
            return f"{path.name}: not a PCM WAV file ({error})"
        if expected is not None and found != expected:
            return (
                f"{path.name} is {found}, the pack's clips are {expected}: convert it with "
                f"sox {path.name} -r {expected.rate} -c {expected.channels} "
                f"-b {8 * expected.width} {name}-new.wav"
            )
        return None

    def render(self, text: str, path: Path | str) -> Path:
        """Write `text` as the concatenation of its clips; PackIncomplete or PackFormatError
        when it cannot be said whole."""
        clips = self.clips()
        pieces, missing = plan(text, set(clips))
        if missing:
            raise PackIncomplete(missing)
        expected = self.expected_format(clips)
        if expected is None:  # no manifest and no clip readable: nothing to match or pad with
            raise PackFormatError(f"{self.folder}: no clip is a readable PCM WAV file")
        frames: list[bytes] = []
        for piece in pieces:
            if piece in PAUSES:
                frames.append(_silence(expected, PAUSES[piece]))
                continue
            if problem := self._format_problem(piece, clips[piece], expected):
                raise PackFormatError(problem)
            with wave.open(str(clips[piece]), "rb") as clip:
                frames.append(clip.readframes(clip.getnframes()))
            frames.append(_silence(expected, WORD_GAP))
        path = Path(path)
        with wave.open(str(path), "wb") as out:
            out.setnchannels(expected.channels)
            out.setsampwidth(expected.width)
            out.setframerate(expected.rate)
            out.writeframes(b"".join(frames))
        return path


def _silence(clip: ClipFormat, seconds: float) -> bytes:
    return bytes(int(clip.rate * seconds) * clip.channels * clip.width)


class PackSynthesizer:
    """A Synthesizer that speaks from the pack, and synthesizes the whole sentence with
    `fallback` when a clip is missing or unusable (never a sentence with a hole)."""

    def __init__(self, pack: VoicePack, fallback):
        self.pack = pack
        self.fallback = fallback

    @property
    def voice(self) -> str:
        return f"pack {self.pack.folder}"

    def synthesize(self, text: str, path: Path | str) -> Path:
        try:
            return self.pack.render(text, path)
        except PackIncomplete as error:
            log.info("voice pack: %s; synthesizing %r", error, text)
        except (PackFormatError, wave.Error, OSError) as error:
            log.warning("voice pack unusable (%s); synthesizing %r", error, text)
        return self.fallback.synthesize(text, path)

    def close(self) -> None:
        closer = getattr(self.fallback, "close", None)
        if closer:
            closer()


def trim_silence(path: Path) -> None:
    """Cut the silence a synthesizer leaves before and after a word (16-bit mono clips)."""
    with wave.open(str(path), "rb") as clip:
        params = clip.getparams()
        data = clip.readframes(clip.getnframes())
    if params.sampwidth != 2 or params.nchannels != 1:
        return
    samples = memoryview(data).cast("h")
    loud = [i for i in range(len(samples)) if abs(samples[i]) > _SILENCE_LEVEL]
    if not loud:
        return
    margin = int(params.framerate * 0.01)
    start, end = max(0, loud[0] - margin), min(len(samples), loud[-1] + margin)
    with wave.open(str(path), "wb") as clip:
        clip.setparams(params)
        clip.writeframes(data[2 * start : 2 * end])


def generate_pack(
    folder: Path | str, synthesizer, words: Iterable[str], voice: str = "", replace=False
) -> list[str]:
    """Write the clips of `words` with `synthesizer` (the display's own engine), trimmed, plus
    the manifest and a README listing the names, so an MPP can record its own. Clips already
    there (perhaps the MPP's recordings) are kept unless `replace`; new clips are converted
    (sox) to the format of those kept. Returns the names written."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    pack = VoicePack(folder)
    names = list(dict.fromkeys(words))
    kept = {} if replace else {n: p for n, p in pack.clips().items() if n in names}
    target = pack.expected_format(kept) if kept else None
    written = []
    for name in names:
        if name in kept:
            continue
        path = folder / f"{name}.wav"
        synthesizer.synthesize(name.replace("_", " "), path)
        trim_silence(path)
        if target is not None and clip_format(path) != target:
            _convert(path, target)
        written.append(name)
    clip = target or clip_format(folder / f"{names[0]}.wav")
    manifest = {
        "format": {"rate": clip.rate, "channels": clip.channels, "width": clip.width},
        "voice": voice,
        "clips": names,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    (folder / README).write_text(_readme(names, clip), encoding="utf-8")
    return written


def _convert(path: Path, clip: ClipFormat) -> None:
    converted = path.with_suffix(".tmp.wav")
    command = ["sox", str(path), "-r", str(clip.rate), "-c", str(clip.channels)]
    try:
        subprocess.run(
            [*command, "-b", str(8 * clip.width), str(converted)],
            check=True,
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError) as error:
        path.unlink(missing_ok=True)
        raise PackFormatError(f"cannot convert {path.name} to {clip} with sox: {error}") from None
    converted.replace(path)


def _readme(names: list[str], clip: ClipFormat) -> str:
    listing = "\n".join(f"  {name}.wav  ({name.replace('_', ' ')})" for name in names)
    return (
        "Paket suara Antrian MPP\n"
        "=======================\n\n"
        "Setiap berkas adalah satu kata atau frasa yang diucapkan, disambung menjadi kalimat\n"
        "panggilan. Untuk memakai rekaman sendiri, rekam berkas dengan nama yang sama,\n"
        f"format WAV {clip} (contoh konversi: sox asli.wav -r {clip.rate} -c {clip.channels}\n"
        f"-b {8 * clip.width} nama.wav), tanpa jeda di awal dan akhir. Bila satu berkas\n"
        "hilang, kalimat itu diucapkan utuh oleh mesin suara; `antrian doctor` menyebut\n"
        "berkas yang hilang. Nama kata lain (misalnya nama loket) boleh ditambahkan.\n\n"
        "Berkas:\n"
        f"{listing}\n"
    )
