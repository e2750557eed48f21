"""The HTTP face of the sandbox: the four AX channel endpoints over a :class:`SandboxState`.

Handlers read the raw body themselves (no FastAPI models), so every problem
is answered in the API's own shape, ``{"message": ...}`` (plus ``errors``
for a 400), never FastAPI's ``{"detail": ...}``. The state's work runs in
the thread pool: parallel requests really run in parallel and meet at the
state's lock.
"""

from __future__ import annotations

from datetime import date

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from axdesk.sandbox.catalog import Credential
from axdesk.sandbox.errors import NOT_FOUND, ApiProblem, bad_request
from axdesk.sandbox.state import SandboxState
from axdesk.sandbox.wire import BodyError, parse_json

INVENTORY_PATH = "/v1/channel/inventory/tour/{product_code}"
ORDERS_PATH = "/v1/channel/orders/tour"
ORDER_PATH = "/v1/channel/orders/tour/{order_code}"
TICKET_PATH = "/v1/channel/orders/tour/{ax_order_code}/tickets/{ticket_code}"


def create_app(state: SandboxState) -> FastAPI:
    app = FastAPI(title="AX Cloud sandbox", docs_url=None, redoc_url=None, openapi_url=None)

    @app.exception_handler(ApiProblem)
    async def api_problem(request: Request, exc: ApiProblem) -> JSONResponse:
        return JSONResponse(exc.body(), status_code=exc.status)

    @app.exception_handler(StarletteHTTPException)
    async def http_problem(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 404:
            message = NOT_FOUND
        elif exc.status_code == 405:
            message = f"The method {request.method} is not allowed on {request.url.path}."
        else:
            message = str(exc.detail)
        return JSONResponse({"message": message}, status_code=exc.status_code, headers=exc.headers)

    # The Get Inventory page's curl example uses POST (with a response pasted as its body):
    # POST is answered like GET and its body is ignored.
    @app.api_route(INVENTORY_PATH, methods=["GET", "POST"])
    async def get_inventory(request: Request, product_code: str) -> JSONResponse:
        def handle() -> JSONResponse:
            _authenticate(state, request)
            start = _query_date(request, "start_date")
            end = _query_date(request, "end_date")
            if start is not None and end is not None and start > end:
                raise bad_request(
                    "start_date is after end_date.", ["start_date: must not be after end_date"]
                )
            option_codes = state.inventory(product_code, start, end)
            return JSONResponse({"status_code": 200, "option_codes": option_codes})

        return await run_in_threadpool(handle)

    @app.post(ORDERS_PATH)
    async def create_order(request: Request) -> JSONResponse:
        raw = await request.body()

        def handle() -> JSONResponse:
            # The Create Order page shows only the Authorization header.
            credential = _authenticate(state, request, channel_optional=True)
            body = _json_body(raw)
            data = state.create_order(credential, body, raw.decode("utf-8"))
            return JSONResponse({"status_code": 201, "data": data}, status_code=201)

        return await run_in_threadpool(handle)

    @app.get(ORDER_PATH)
    async def get_confirm(request: Request, order_code: str) -> JSONResponse:
        def handle() -> JSONResponse:
            credential = _authenticate(state, request)
            data = state.order_status(credential, order_code)
            return JSONResponse({"status_code": 200, "data": data})

        return await run_in_threadpool(handle)

    @app.patch(TICKET_PATH)
    async def cancel_ticket(request: Request, ax_order_code: str, ticket_code: str) -> JSONResponse:
        raw = await request.body()

        def handle() -> JSONResponse:
            credential = _authenticate(state, request)
            data = state.cancel_ticket(
                credential, ax_order_code, ticket_code, lambda: _json_body(raw)
            )
            return JSONResponse({"status_code": 200, "data": data})

        return await run_in_threadpool(handle)

    return app


def _authenticate(
    state: SandboxState, request: Request, *, channel_optional: bool = False
) -> Credential:
    return state.authenticate(
        request.headers.get("authorization"),
        request.headers.get("channel"),
        channel_optional=channel_optional,
    )


def _json_body(raw: bytes) -> object:
    try:
        return parse_json(raw)
    except BodyError as exc:
        raise bad_request(str(exc)) from exc


def _query_date(request: Request, name: str) -> date | None:
    value = request.query_params.get(name)
    if value is None or value == "":
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise bad_request(
        f"{name} must be a date such as 2026-12-01.", [f'{name}: "{value}" is not a date']
    )
