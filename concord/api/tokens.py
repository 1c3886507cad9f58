"""Personal API tokens over the API: list mine, create one, revoke one."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema, Status

from concord.accounts import access, selectors, services
from concord.accounts.services import NAME_MAX_LENGTH

router = Router()


class TokenOut(Schema):
    id: int = Field(..., examples=[7])
    name: str = Field(..., examples=["reporting script"])
    prefix: str = Field(
        ..., description="First characters, to tell tokens apart.", examples=["cct_Q2x9bE1a"]
    )
    created_at: datetime
    last_used_at: datetime | None = None
    revoked_at: datetime | None = None


class TokenIn(Schema):
    name: str = Field(
        ...,
        min_length=1,
        max_length=NAME_MAX_LENGTH,
        description="What will use the token.",
        examples=["reporting script"],
    )


class TokenCreated(TokenOut):
    token: str = Field(
        ...,
        description="The token itself. Shown only in this answer: store it now.",
        examples=["cct_Q2x9bE1a…"],
    )


def _out(token: Any) -> dict[str, Any]:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


@router.get("", response=list[TokenOut], summary="List my tokens")
def list_tokens(request: HttpRequest) -> list[dict[str, Any]]:
    return [_out(t) for t in selectors.tokens_of(request.auth)]  # type: ignore[attr-defined]


@router.post("", response={201: TokenCreated}, summary="Create a token (its value is shown once)")
def create_token(request: HttpRequest, payload: TokenIn) -> Status[dict[str, Any]]:
    user = request.auth  # type: ignore[attr-defined]
    token, raw = services.token_create(actor=user, user=user, name=payload.name)
    return Status(201, {**_out(token), "token": raw})


@router.delete("/{token_id}", response={204: None}, summary="Revoke one of my tokens")
def revoke_token(request: HttpRequest, token_id: int) -> Status[None]:
    user = request.auth  # type: ignore[attr-defined]
    services.token_revoke(actor=user, token=access.own_token(user, token_id))
    return Status(204, None)
