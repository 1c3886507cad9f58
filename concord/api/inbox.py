"""The person's inbox: list, unread count, mark read, mark all read."""

from datetime import datetime
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import LimitOffsetPagination, paginate

from concord.notifications import selectors, services
from concord.notifications.access import notification_for
from concord.notifications.models import Notification

router = Router()


class DeliveryOut(Schema):
    channel: str = Field(..., examples=["email"])
    status: str = Field(..., examples=["sent"], description="pending, sent or failed")


class NotificationOut(Schema):
    id: int = Field(..., examples=[42])
    kind: str = Field(..., examples=["orgs.delegation_created"])
    title: str = Field(
        ..., examples=["马经理 made you their deputy"], description="In the request's language."
    )
    body: str = Field(..., examples=["From 2026-10-01 until 2026-10-08."])
    url: str = Field(..., examples=["/org/delegations/7/"])
    actor: str | None = Field(None, examples=["马经理"])
    created_at: datetime
    read_at: datetime | None = None
    is_read: bool = Field(..., examples=[False])
    deliveries: list[DeliveryOut]

    @staticmethod
    def resolve_actor(obj: Notification) -> str | None:
        if obj.actor is None:
            return None
        person = getattr(obj.actor, "person", None)
        return person.display_name if person is not None else obj.actor.get_username()

    @staticmethod
    def resolve_deliveries(obj: Notification) -> list[dict[str, Any]]:
        return [{"channel": d.channel, "status": d.status} for d in obj.deliveries.all()]


class UnreadCountOut(Schema):
    unread: int = Field(..., examples=[3])


class MarkedOut(Schema):
    marked: int = Field(..., examples=[3], description="How many notifications were unread.")


@router.get("", response=list[NotificationOut], summary="List my notifications, newest first")
@paginate(LimitOffsetPagination, max_limit=100)
def inbox_list(request: HttpRequest, unread: bool = False) -> Any:
    return selectors.inbox_for(request.user, unread_only=unread)


@router.get("/unread-count", response=UnreadCountOut, summary="Count my unread notifications")
def inbox_unread_count(request: HttpRequest) -> dict[str, int]:
    return {"unread": selectors.unread_count(request.user)}


@router.post(
    "/{int:notification_id}/read",
    response=NotificationOut,
    summary="Mark one of my notifications read",
)
def inbox_read(request: HttpRequest, notification_id: int) -> Notification:
    notification = notification_for(request.user, notification_id)
    services.notification_mark_read(actor=request.user, notification=notification)
    return get_object_or_404(selectors.inbox_for(request.user), pk=notification_id)


@router.post("/read-all", response=MarkedOut, summary="Mark all my notifications read")
def inbox_read_all(request: HttpRequest) -> dict[str, int]:
    return {"marked": services.notification_mark_all_read(actor=request.user)}
