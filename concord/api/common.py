"""What every router needs: the calling user, and a person's name as the API shows it."""

from typing import Any

from django.http import HttpRequest


def user_of(request: HttpRequest) -> Any:
    """The authenticated caller (ninja puts the token's or session's user in `auth`)."""
    return request.auth  # type: ignore[attr-defined]


def name_of(user: Any) -> str:
    """The person's name, else the user name; "" for nobody."""
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return getattr(person, "name", "") or user.get_username()
