"""Reading a TOML file into a pydantic settings model, with errors a technician can act on."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

Model = TypeVar("Model", bound=BaseModel)


class ConfigError(Exception):
    """A settings file that cannot be used. The message names the file, the key and the fault."""

    def __init__(self, path: Path | str, problems: list[str]):
        self.path = str(path)
        self.problems = problems
        super().__init__(f"{self.path}: " + "; ".join(problems))


def _http_url(value: str) -> str:
    if not value.startswith(("http://", "https://")):
        raise ValueError("must start with http:// or https://")
    return value.rstrip("/")


def _existing_logo(value: Path | None) -> Path | None:
    if value is not None and not value.is_file():
        raise ValueError(f"logo file {value} not found")
    return value


# Field types for rules several settings files share.
HttpAddress = Annotated[str, AfterValidator(_http_url)]
LogoFile = Annotated[Path | None, AfterValidator(_existing_logo)]


class StrictModel(BaseModel):
    """Base of every settings table: unknown keys are errors, so a typo never goes unnoticed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerConnection(StrictModel):
    """The `[server]` table every device file has."""

    url: HttpAddress = Field(
        description="Base address of the central server, e.g. http://10.0.0.2:8000"
    )
    token: str = Field(min_length=8, description="This device's token, issued by the admin page")
    timeout_seconds: float = Field(default=5.0, gt=0, le=60)


def _key_path(location: tuple[int | str, ...]) -> str:
    """('counters', 3, 'name') -> 'counters[3].name' (1-based index, as a person counts)."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text or "(top level)"


def describe_validation_error(error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors():
        key = _key_path(tuple(item["loc"]))
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown key (typo?)"
        elif item["type"] == "missing":
            message = "required key is missing"
        problems.append(f"{key}: {message}")
    return problems


def parse_settings(model: type[Model], data: dict, source: Path | str = "<settings>") -> Model:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise ConfigError(source, describe_validation_error(error)) from None


def load_settings(model: type[Model], path: Path | str) -> Model:
    """Read `path` as TOML and validate it as `model`; raise ConfigError on any problem."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(path, ["file not found"]) from None
    except PermissionError:
        raise ConfigError(path, ["file cannot be read (permission denied)"]) from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(path, [f"not valid TOML: {error}"]) from None
    return parse_settings(model, data, path)


def with_server_url(settings: Model, url: str | None) -> Model:
    """A copy of a device's settings pointing at another server (`--server-url`), validated
    like the file's own `[server] url`."""
    if not url:
        return settings
    server = parse_settings(
        ServerConnection, {**settings.server.model_dump(), "url": url}, "--server-url"
    )
    return settings.model_copy(update={"server": server})
