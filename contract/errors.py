"""The one error shape: `{"error": {"code": "quota_exhausted", "message": "..."}}`."""

from __future__ import annotations

from contract.base import Answer


class ErrorDetail(Answer):
    code: str
    message: str


class ErrorBody(Answer):
    """Every 4xx (and the 500 of a bug) has this body; `code` never changes with language."""

    error: ErrorDetail
