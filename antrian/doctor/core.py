"""The doctor's frame: a check, its outcome, and a runner that keeps every check in its time
bound (a check still running at its bound is reported as failed and left behind)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from antrian.doctor.texts import TEXTS

if TYPE_CHECKING:
    from config.display import DisplayAppSettings
    from config.kiosk import KioskSettings

log = logging.getLogger(__name__)

Status = Literal["ok", "warn", "fail", "skip"]
# Time a check may overrun its own bound (thread start, text rendering) before it is cut off.
GRACE_SECONDS = 1.0


@dataclass(frozen=True)
class Outcome:
    """What a check found, already in the technician's language; `fix` only when not ok."""

    status: Status
    detail: str
    fix: str = ""


@dataclass
class Context:
    """What the checks of one run share: the file, the language, and what earlier checks
    learned (settings, the server's /health answer)."""

    path: Path
    language: str
    kind: str = "unknown"
    log_file: Path | None = None
    settings: KioskSettings | DisplayAppSettings | None = None
    found: dict = field(default_factory=dict)

    def text(self, key: str, **values: object) -> str:
        return TEXTS.get(key, self.language, **values)


@dataclass(frozen=True)
class Check:
    key: str
    bound: Callable[[Context], float]  # seconds, read once the config is known
    run: Callable[[Context], Outcome]
    needs: tuple[str, ...] = ()  # keys of earlier checks that must not have failed


@dataclass(frozen=True)
class Result:
    key: str
    status: Status
    title: str
    detail: str
    fix: str
    seconds: float
    bound: float

    def as_dict(self) -> dict:
        return asdict(self)


def run_check(check: Check, context: Context) -> Result:
    """Run one check in a worker thread and wait at most its bound (+ grace)."""
    bound = check.bound(context)
    box: list[Outcome] = []

    def work() -> None:
        try:
            box.append(check.run(context))
        except Exception as error:  # noqa: BLE001 - a broken check is a failed check, never a crash
            log.exception("doctor check %s failed", check.key)
            box.append(Outcome("fail", context.text("crashed", error=error)))

    started = time.monotonic()
    worker = threading.Thread(target=work, name=f"doctor-{check.key}", daemon=True)
    worker.start()
    worker.join(bound + GRACE_SECONDS)
    seconds = time.monotonic() - started
    if box:
        outcome = box[0]
    else:
        log.error("doctor check %s still running after %.1f s; left behind", check.key, seconds)
        outcome = Outcome(
            "fail",
            context.text("over_bound", bound=bound),
            context.text("over_bound_fix", log=context.log_file),
        )
    return Result(
        check.key,
        outcome.status,
        context.text(f"title_{check.key}"),
        outcome.detail,
        outcome.fix if outcome.status != "ok" else "",
        round(seconds, 3),
        bound,
    )


def run_checks(
    checks: list[Check], context: Context, on_result: Callable[[Result], None] | None = None
) -> list[Result]:
    """Run `checks` in order; a check whose `needs` failed is skipped."""
    results: list[Result] = []
    by_key: dict[str, Result] = {}
    for check in checks:
        blocked = [key for key in check.needs if key in by_key and by_key[key].status == "fail"]
        if blocked:
            other = by_key[blocked[0]].title
            result = Result(
                check.key,
                "skip",
                context.text(f"title_{check.key}"),
                context.text("skipped_after", other=other),
                "",
                0.0,
                0.0,
            )
        else:
            result = run_check(check, context)
        results.append(result)
        by_key[check.key] = result
        if on_result is not None:
            on_result(result)
    return results


def exit_code(results: list[Result]) -> int:
    """0 only when nothing failed; warnings and skips for things not needed are fine."""
    return 1 if any(result.status == "fail" for result in results) else 0
