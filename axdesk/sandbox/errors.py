"""The sandbox's HTTP error answers, raised by the state and turned into JSON by the app."""

from __future__ import annotations

PERMISSION_DENIED = "이 작업을 수행할 권한(permission)이 없습니다."
NOT_FOUND = "찾을 수 없습니다."


class ApiProblem(Exception):
    """An answer other than success: ``status``, a ``message`` sentence, optional ``errors``."""

    def __init__(self, status: int, message: str, errors: list[str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.errors = errors

    def body(self) -> dict[str, object]:
        body: dict[str, object] = {"message": self.message}
        if self.errors is not None:
            body["errors"] = self.errors
        return body


def forbidden() -> ApiProblem:
    return ApiProblem(403, PERMISSION_DENIED)


def not_found() -> ApiProblem:
    return ApiProblem(404, NOT_FOUND)


def bad_request(message: str, errors: list[str] | None = None) -> ApiProblem:
    return ApiProblem(400, message, errors if errors is not None else [])


def invalid_order(errors: list[str]) -> ApiProblem:
    noun = "problem" if len(errors) == 1 else "problems"
    return bad_request(
        f"The order request has {len(errors)} {noun} (see errors); nothing was ordered.", errors
    )
