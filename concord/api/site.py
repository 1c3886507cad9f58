"""The NinjaAPI instance: authentication, error mapping and the routers."""

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, URLResolver, re_path
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI

from concord.accounts.api_auth import auth_methods

from . import (
    acceptance,
    approvals,
    archive,
    calendar,
    changes,
    collaborations,
    communication,
    errors,
    inbox,
    issues,
    knowledge,
    me,
    meetings,
    orgs,
    planning,
    reviews,
    tasks,
    team,
    tokens,
)


@csrf_exempt
def _unknown_route(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    return errors.json_error(404)


class ConcordAPI(NinjaAPI):
    """NinjaAPI whose every answer under /api/v1, even off its routes, is JSON."""

    def _get_urls(self) -> list[URLPattern | URLResolver]:
        urls = super()._get_urls()
        for pattern in urls:
            if isinstance(pattern, URLPattern):
                pattern.callback = errors.json_errors(pattern.callback)
        # Last, so only paths no router claims reach it.
        urls.append(re_path(r"^.*$", _unknown_route, name="unknown-route"))
        return urls


api = ConcordAPI(
    title="Concord API",
    version="1",
    description="Cross-department collaboration. Authenticate with `Authorization: Bearer <token>`"
    " (create one with `concord token USERNAME` or on the API tokens page).",
    urls_namespace="api",
    auth=auth_methods(),
)
errors.install(api)
api.add_router("/me", me.router, tags=["me"])
api.add_router("/tokens", tokens.router, tags=["tokens"])
api.add_router("/", orgs.router, tags=["organization"])
api.add_router("/calendar", calendar.router, tags=["calendar"])
api.add_router("/inbox", inbox.router, tags=["inbox"])
api.add_router("/approvals", approvals.router, tags=["approvals"])
api.add_router("/collaborations", collaborations.router, tags=["collaborations"])
api.add_router("/collaborations", team.router, tags=["team"])
api.add_router("/collaborations", communication.router, tags=["communication"])
api.add_router("/plans", planning.router, tags=["planning"])
api.add_router("/collaborations", changes.router, tags=["changes"])
api.add_router("/collaborations", tasks.router, tags=["tasks"])
api.add_router("/my-work", tasks.my_work_router, tags=["tasks"])
api.add_router("/", issues.router, tags=["issues"])
api.add_router("/", meetings.router, tags=["meetings"])
api.add_router("/", knowledge.router, tags=["knowledge"])
api.add_router("/", reviews.router, tags=["reviews"])
api.add_router("/", acceptance.router, tags=["acceptance"])
api.add_router("/", archive.router, tags=["archive"])
