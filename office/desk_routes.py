"""The clerks' pages as Starlette routes, and the one handler that renders their refusals."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from office import desk_auth, desk_case, desk_fleet, desk_inbox
from office.desk_errors import DeskError, NotSignedIn
from office.desk_pages import STATIC
from office.desk_services import DeskServices

Handler = Callable[[DeskServices, Request], Awaitable[Response]]


def desk_routes(desk: DeskServices) -> list[BaseRoute]:
    def route(path: str, handler: Handler, method: str = "GET") -> Route:
        return Route(path, functools.partial(handler, desk), methods=[method])

    return [
        Route("/", lambda _: RedirectResponse("/sprawy", status_code=303), methods=["GET"]),
        route("/logowanie", desk_auth.login_page),
        route("/logowanie", desk_auth.login, "POST"),
        route("/wyloguj", desk_auth.logout, "POST"),
        route("/sprawy", desk_inbox.inbox),
        route("/sprawy/{code}", desk_case.case_page),
        route("/sprawy/{code}/druk", desk_case.print_page),
        route("/sprawy/{code}/wniosek.json", desk_case.case_json),
        route("/sprawy/{code}/stan", desk_case.move, "POST"),
        route("/sprawy/{code}/notatka", desk_case.add_note, "POST"),
        route("/sprawy/{code}/przydzial", desk_case.assign, "POST"),
        route("/sprawy/{code}/ezd", desk_case.forward, "POST"),
        route("/flota", desk_fleet.fleet_page),
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]


def desk_error_handlers(desk: DeskServices) -> dict[type[Exception], Callable[..., Response]]:
    def refused(request: Request, error: DeskError) -> Response:
        return desk.pages.render("error.html", error.status, message=error.message)

    def not_signed_in(request: Request, _: NotSignedIn) -> Response:
        if request.method in ("GET", "HEAD"):
            return RedirectResponse("/logowanie", status_code=303)
        return desk.pages.render("error.html", 403, message="Zaloguj się ponownie.")

    return {DeskError: refused, NotSignedIn: not_signed_in}
