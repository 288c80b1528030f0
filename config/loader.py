"""Reading a TOML file into a pydantic settings model, with errors a technician can act on."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Protocol, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails

from config.i18n import env_language
from config.texts import TEXTS

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Fault:
    """One thing wrong in a settings file: where (a key path such as `counters[3].name`) and
    what, as a text of `config.texts` with its values, so it can be said in either language.
    A fault made from a plain sentence (`text` None) is shown as it is."""

    key: str
    text: str | None
    values: dict = field(default_factory=dict)
    plain: str = ""

    def render(self, language: str) -> str:
        if self.text is None:
            return self.plain
        if self.text == "either":  # a union's members failing alike: "a or b"
            what = f" {TEXTS.get('or', language)} ".join(
                TEXTS.get(text, language, _="", **values) for text, values in self.values["faults"]
            )
        else:
            what = TEXTS.get(self.text, language, _="", **self.values)
        if given := self.values.get("_given"):
            what += f" ({TEXTS.get('given', language, value=given)})"
        return f"{self.key}: {what}" if self.key else what


class ConfigError(Exception):
    """A settings file that cannot be used. The message names the file, the key and the fault,
    in the language of $ANTRIAN_LANG (Indonesian by default); `message(language)` says it in
    another. `problems` are the faults as sentences ("key: what is wrong")."""

    def __init__(
        self, path: Path | str, problems: Sequence[str | Fault], language: str | None = None
    ):
        self.path = str(path)
        self.faults = [
            problem if isinstance(problem, Fault) else Fault("", None, plain=str(problem))
            for problem in problems
        ]
        self.language = language or env_language()
        self.problems = [fault.render(self.language) for fault in self.faults]
        super().__init__(self.message(self.language))

    def message(self, language: str) -> str:
        return f"{self.path}: " + "; ".join(fault.render(language) for fault in self.faults)


class ConfigProblem(ValueError):
    """A fault our own validators find: a text of `config.texts` and its values; `at` is the
    key below the validated field (for a model validator, e.g. "host" or "counters[2].name").
    `str()` is the English sentence (for logs and for callers that catch ValueError)."""

    def __init__(self, text_key: str, /, at: str = "", **values: object):
        self.items = [(at, text_key, values)]
        super().__init__(TEXTS.get(text_key, "en", _="", **values))

    @classmethod
    def several(cls, problems: list[ConfigProblem]) -> ConfigProblem:
        """One exception carrying every problem a model validator found."""
        combined = cls.__new__(cls)
        combined.items = [item for problem in problems for item in problem.items]
        ValueError.__init__(combined, "; ".join(str(problem) for problem in problems))
        return combined


def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise ConfigProblem("http_url")
    return value.rstrip("/")


def _existing_logo(value: Path | None) -> Path | None:
    if value is not None and not value.is_file():
        raise ConfigProblem("logo_missing", path=value)
    return value


# Field types for rules several settings files share.
HttpAddress = Annotated[str, AfterValidator(_http_url)]
LogoFile = Annotated[Path | None, AfterValidator(_existing_logo)]


class StrictModel(BaseModel):
    """Base of every settings table: unknown keys are errors, so a typo never goes unnoticed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerConnection(StrictModel):
    """The `[server]` table every device file has: `url`, or `urls` for a hall with more than
    one server host (tried in order: the first while it answers, see client.ServerAddresses)."""

    url: HttpAddress | None = Field(
        default=None, description="Base address of the central server, e.g. http://10.0.0.2:8000"
    )
    urls: list[HttpAddress] | None = Field(
        default=None,
        description="Instead of url: the addresses of the hall's server hosts, main one first",
    )
    token: str = Field(min_length=8, description="This device's token, issued by the admin page")
    timeout_seconds: float = Field(default=5.0, gt=0, le=60)

    @model_validator(mode="after")
    def _one_way_to_the_server(self) -> ServerConnection:
        if self.url is not None and self.urls is not None:
            raise ConfigProblem("url_and_urls", at="urls")
        if self.url is None and self.urls is None:
            raise ConfigProblem("url_missing", at="url")
        if self.urls is not None:
            if not self.urls:
                raise ConfigProblem("urls_empty", at="urls")
            for number, address in enumerate(self.urls):
                if address in self.urls[:number]:
                    raise ConfigProblem("appears_twice", at=f"urls[{number + 1}]", value=address)
        return self

    @property
    def addresses(self) -> list[str]:
        """Every server address, in the order to try them."""
        return list(self.urls) if self.urls is not None else [str(self.url)]

    @property
    def shown(self) -> str:
        """The addresses as one line, for logs and the technician's screen."""
        return ", ".join(self.addresses)


def _key_path(location: tuple[int | str, ...] | list[int | str]) -> str:
    """('counters', 3, 'name') -> 'counters[4].name' (1-based index, as a person counts)."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _join(key: str, below: str) -> str:
    if not below:
        return key
    if not key:
        return below
    return key + below if below.startswith("[") else f"{key}.{below}"


# pydantic error type -> (text, {text value: pydantic ctx name})
PYDANTIC_KINDS: dict[str, tuple[str, dict[str, str]]] = {
    "missing": ("missing", {}),
    "extra_forbidden": ("unknown_key", {}),
    "string_type": ("want_text", {}),
    "string_unicode": ("want_text", {}),
    "int_type": ("want_integer", {}),
    "int_parsing": ("want_integer", {}),
    "int_from_float": ("want_integer", {}),
    "int_parsing_size": ("want_integer", {}),
    "float_type": ("want_number", {}),
    "float_parsing": ("want_number", {}),
    "finite_number": ("want_number", {}),
    "bool_type": ("want_bool", {}),
    "bool_parsing": ("want_bool", {}),
    "list_type": ("want_list", {}),
    "tuple_type": ("want_list", {}),
    "set_type": ("want_list", {}),
    "dict_type": ("want_table", {}),
    "model_type": ("want_table", {}),
    "model_attributes_type": ("want_table", {}),
    "date_type": ("want_date", {}),
    "date_parsing": ("want_date", {}),
    "date_from_datetime_parsing": ("want_date", {}),
    "date_from_datetime_inexact": ("want_date", {}),
    "datetime_type": ("want_datetime", {}),
    "datetime_parsing": ("want_datetime", {}),
    "datetime_from_date_parsing": ("want_datetime", {}),
    "path_type": ("want_text", {}),
    "greater_than": ("gt", {"limit": "gt"}),
    "greater_than_equal": ("ge", {"limit": "ge"}),
    "less_than": ("lt", {"limit": "lt"}),
    "less_than_equal": ("le", {"limit": "le"}),
    "string_too_long": ("max_chars", {"count": "max_length"}),
    "too_short": ("min_items", {"count": "min_length"}),
    "too_long": ("max_items", {"count": "max_length"}),
    "string_pattern_mismatch": ("pattern", {"pattern": "pattern"}),
    "literal_error": ("one_of", {"expected": "expected"}),
    "enum": ("one_of", {"expected": "expected"}),
}
# Keys whose values are secrets: never repeated in a message.
SECRET_KEYS = ("token", "password", "technician_pin")
GIVEN_LIMIT = 60
# Scalar and container tags pydantic puts in an error's location for a union's members.
_TYPE_TAGS = {"str", "int", "float", "bool", "list", "dict", "none", "date", "datetime", "tuple"}


def _model_names(model: type[BaseModel]) -> set[str]:
    """Names of every settings class reachable from `model` (union tags in error locations)."""
    import typing

    names: set[str] = set()
    todo: list[object] = [model]
    while todo:
        item = todo.pop()
        if isinstance(item, type) and issubclass(item, BaseModel):
            if item.__name__ in names:
                continue
            names.add(item.__name__)
            todo.extend(info.annotation for info in item.model_fields.values())
        else:
            todo.extend(typing.get_args(item))
    return names


def _given(item: ErrorDetails) -> str:
    """The value the file gave, as it is written there (never a secret), or ""."""
    value = item.get("input")
    location = item["loc"]
    if item["type"] in ("missing", "extra_forbidden") or isinstance(value, dict | list):
        return ""
    if any(part in SECRET_KEYS for part in location if isinstance(part, str)):
        return ""
    text = repr(value) if isinstance(value, str) else str(value).lower()
    if isinstance(value, int | float) and not isinstance(value, bool):
        text = str(value)
    if len(text) > GIVEN_LIMIT:
        text = text[: GIVEN_LIMIT - 1] + "…"
    return text


def _number(value: object) -> object:
    """10.0 -> 10: a limit as a technician writes it."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _faults_of(item: ErrorDetails, key: str, language: str) -> list[Fault]:
    kind = item["type"]
    context = item.get("ctx") or {}
    if kind == "value_error" and isinstance(context.get("error"), ConfigProblem):
        return [Fault(_join(key, at), text, values) for at, text, values in context["error"].items]
    if kind in ("string_too_short",):
        minimum = context.get("min_length", 1)
        if minimum <= 1:
            return [Fault(key, "not_empty")]
        return [Fault(key, "min_chars", {"count": minimum})]
    if kind in PYDANTIC_KINDS:
        text, names = PYDANTIC_KINDS[kind]
        values = {name: _number(context.get(source, "?")) for name, source in names.items()}
        if "expected" in values:
            values["expected"] = str(values["expected"]).replace(
                " or ", f" {TEXTS.get('or', language)} "
            )
        return [Fault(key, text, values)]
    if kind == "value_error" and context.get("error") is not None:
        # A ValueError of a library (not ours): its words, marked as the reason.
        return [Fault(key, "invalid_because", {"error": context["error"]})]
    return [Fault(key, "invalid")]


def describe_validation_error(
    error: ValidationError, language: str | None = None, model: type[BaseModel] | None = None
) -> list[Fault]:
    """The faults of a pydantic error, each "key: what is wrong" in the technician's words.

    A union (e.g. `hours`: a weekday table or a schedule name) fails once per member; the
    member whose error lies deeper is the one that was meant, so only its faults are kept, and
    members failing alike are said together ("must be a table or must be text")."""
    language = language or env_language()
    tags = _model_names(model) if model is not None else set()
    groups: dict[str, list[tuple[bool, Fault]]] = {}
    for item in error.errors():
        location: list[int | str] = []
        union_at: int | None = None
        for part in item["loc"]:
            is_tag = isinstance(part, str) and (
                part in tags or part in _TYPE_TAGS or "[" in part or "(" in part
            )
            if is_tag:
                union_at = len(location) if union_at is None else union_at
            else:
                location.append(part)
        group = _key_path(location[:union_at] if union_at is not None else location)
        deeper = union_at is not None and len(location) > union_at
        given = _given(item)
        for fault in _faults_of(item, _key_path(location), language):
            said = " ".join(str(value) for value in fault.values.values())
            if given and fault.text is not None and given not in said:
                fault = Fault(fault.key, fault.text, {**fault.values, "_given": given})
            if union_at is None:
                groups.setdefault(f"{len(groups)}", []).append((False, fault))
            else:
                groups.setdefault(f"union:{group}", []).append((deeper, fault))
    faults: list[Fault] = []
    for name, entries in groups.items():
        if not name.startswith("union:"):
            faults.extend(fault for _, fault in entries)
            continue
        if any(deeper for deeper, _ in entries):
            faults.extend(fault for deeper, fault in entries if deeper)
        elif len(entries) > 1:
            # Members of a union failing alike at one key: one fault, "a or b".
            faults.append(_either([fault for _, fault in entries]))
        else:
            faults.extend(fault for _, fault in entries)
    return faults


def _either(faults: list[Fault]) -> Fault:
    values = {"faults": [(fault.text, fault.values) for fault in faults]}
    if given := faults[0].values.get("_given"):
        values["_given"] = given
    return Fault(faults[0].key, "either", values)


def parse_settings(
    model: type[Model], data: dict, source: Path | str = "<settings>", language: str | None = None
) -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ConfigError(
            source, describe_validation_error(error, language, model), language
        ) from None


def _toml_fault(error: tomllib.TOMLDecodeError) -> Fault:
    import re

    message = str(error)
    where = re.search(r"\(at line (\d+), column (\d+)\)", message)
    reason = re.sub(r"\s*\(at line \d+, column \d+\)", "", message) or message
    if where:
        line, column = where.groups()
        return Fault("", "not_toml", {"line": line, "column": column, "error": reason})
    return Fault("", "not_toml_somewhere", {"error": message})


def read_toml(path: Path | str, language: str | None = None) -> dict:
    """The TOML file at `path` as a dict; a file that is missing, unreadable or not TOML is a
    ConfigError worded like every other settings fault."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(path, [Fault("", "file_not_found")], language) from None
    except PermissionError:
        raise ConfigError(path, [Fault("", "file_unreadable", {"path": path})], language) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(path, [Fault("", "file_not_text", {"error": error})], language) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, [_toml_fault(error)], language) from None


def load_settings(model: type[Model], path: Path | str, language: str | None = None) -> Model:
    """Read `path` as TOML and validate it as `model`; raise ConfigError on any problem."""
    return parse_settings(model, read_toml(path, language), path, language)


class _Device(Protocol):
    """A device's settings: a model with a `[server]` table (kiosk, display)."""

    @property
    def server(self) -> ServerConnection: ...

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Self: ...


Device = TypeVar("Device", bound=_Device)


def with_server_url(settings: Device, url: str | None) -> Device:
    """A copy of a device's settings pointing at another server (`--server-url`, instead of
    the file's `url` or `urls`), validated like the file's own `[server] url`."""
    if not url:
        return settings
    server = parse_settings(
        ServerConnection,
        {**settings.server.model_dump(exclude_none=True), "url": url, "urls": None},
        "--server-url",
    )
    return settings.model_copy(update={"server": server})
