"""The current person: `GET /api/v1/me`."""

from typing import Any

from django.http import HttpRequest
from ninja import Field, Router, Schema

router = Router()


class MeDepartment(Schema):
    id: int = Field(..., examples=[3])
    code: str = Field(..., examples=["market"])
    name: str = Field(..., examples=["市场部"])


class MeManager(Schema):
    id: int = Field(..., examples=[7], description="Person id.")
    username: str = Field(..., examples=["zhangwei"])
    name: str = Field(..., examples=["张伟"])


class MeOut(Schema):
    username: str = Field(..., examples=["lina"])
    name: str = Field(..., examples=["李娜"])
    person_id: int | None = Field(None, examples=[12])
    department: MeDepartment | None = None
    title: str = Field("", examples=["市场专员"])
    level: str | None = Field(None, examples=["staff"])
    is_pmo: bool = False
    language: str = Field("zh-hans", examples=["zh-hans"])
    manager: MeManager | None = None


@router.get("", response=MeOut, summary="The person the token or session belongs to")
def me(request: HttpRequest) -> dict[str, Any]:
    user = request.auth  # type: ignore[attr-defined]
    person = getattr(user, "person", None)
    if person is None:
        # A login without a profile (the Django superuser `admin`).
        return {"username": user.get_username(), "name": user.get_username(), "is_pmo": False}
    manager = person.manager
    manager_person = getattr(manager, "person", None) if manager is not None else None
    return {
        "username": user.get_username(),
        "name": person.name,
        "person_id": person.pk,
        "department": person.department,
        "title": person.title,
        "level": person.level,
        "is_pmo": person.is_pmo,
        "language": person.language,
        "manager": (
            {
                "id": manager_person.pk,
                "username": manager.get_username(),
                "name": manager_person.name,
            }
            if manager_person is not None
            else None
        ),
    }
