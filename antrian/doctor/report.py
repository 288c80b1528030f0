"""The doctor's report for people (one line per check, the fix under a failure) and for
scripts (`--json`)."""

from __future__ import annotations

import json

from antrian.doctor import Report
from antrian.doctor.core import Result
from antrian.doctor.texts import TEXTS

MARKS = {"ok": "✓", "warn": "!", "fail": "✗", "skip": "–"}
TITLE_WIDTH = 24


def heading(path, language: str) -> str:
    return TEXTS.get("heading", language, path=path)


def result_lines(result: Result, language: str) -> str:
    line = f"{MARKS[result.status]} {result.title:<{TITLE_WIDTH}} {result.detail}"
    if result.fix:
        line += f"\n  {'':<{TITLE_WIDTH}} → {TEXTS.get('fix_prefix', language)}: {result.fix}"
    return line


def summary(report: Report, language: str) -> str:
    failed = sum(result.status == "fail" for result in report.results)
    if not failed:
        return TEXTS.get("all_ok", language)
    return TEXTS.get("some_failed", language, count=failed, log=report.log_file)


def as_json(report: Report) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
