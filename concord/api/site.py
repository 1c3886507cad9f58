"""The NinjaAPI instance: authentication, error mapping and the routers."""

from ninja import NinjaAPI

from concord.accounts.api_auth import auth_methods

from . import calendar, errors, inbox, me, orgs, tokens

api = NinjaAPI(
    title="Concord API",
    version="1",
    description="Cross-department collaboration. Authenticate with `Authorization: Bearer <token>`"
    " (create one with `concord token USERNAME`).",
    urls_namespace="api",
    auth=auth_methods(),
)
errors.install(api)
api.add_router("/me", me.router, tags=["me"])
api.add_router("/tokens", tokens.router, tags=["tokens"])
api.add_router("/", orgs.router, tags=["organization"])
api.add_router("/calendar", calendar.router, tags=["calendar"])
api.add_router("/inbox", inbox.router, tags=["inbox"])
