"""The API removes dependencies and changes the daily progress settings, like the pages."""

from concord.activity.models import Event
from concord.tasks.models import TaskDependency
from tests.tasks.helpers import Project
from tests.tasks.test_api import _base, _new, call  # noqa: F401  (the `call` fixture)


def test_a_dependency_is_removed(org, proj: Project, call) -> None:  # noqa: F811
    first = _new(call, proj, org).json()["number"]
    second = _new(call, proj, org, title="联调").json()["number"]
    added = call("leo", "post", f"{_base(proj)}/{second}/dependencies", json={"depends_on": first})
    assert added.status_code == 200
    assert TaskDependency.objects.count() == 1
    removed = call("leo", "delete", f"{_base(proj)}/{second}/dependencies/{first}")
    assert removed.status_code == 200
    assert TaskDependency.objects.count() == 0
    assert (
        call("oscar", "delete", f"{_base(proj)}/{second}/dependencies/{first}").status_code == 404
    )


def test_the_lead_switches_nudges_and_the_owner_may_not(org, proj: Project, call) -> None:  # noqa: F811
    url = f"/collaborations/{proj.collab.number}/task-settings"
    shown = call("leo", "get", url)
    assert shown.status_code == 200
    assert shown.json()["nudge_enabled"] is None
    changed = call("leo", "put", url, json={"nudge_enabled": True, "digest_enabled": False})
    assert changed.status_code == 200
    assert changed.json() == {"nudge_enabled": True, "nudges_now": True, "digest_enabled": False}
    assert Event.objects.filter(verb="tasks.settings_changed").count() == 1
    assert call("rob", "put", url, json={"nudge_enabled": False}).status_code == 403
    assert call("oscar", "get", url).status_code == 404
    assert call("leo", "put", url, json={"nudge_enabled": "often"}).status_code == 422
