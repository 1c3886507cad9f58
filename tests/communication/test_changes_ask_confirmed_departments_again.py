"""After the communication plan changes, departments that had confirmed are asked again.

One notification per department contact (the contact, else the head), for
the departments whose confirmation of the replaced revision just lapsed;
rendered in the reader's language.
"""

from typing import Any

from django.utils import translation

from concord.communication import selectors, services
from concord.communication.inputs import ItemInput
from concord.communication.models import EscalationLevel
from concord.notifications.kinds import render_body, render_title
from concord.notifications.models import Notification
from tests.collaborations.helpers import established
from tests.personas import Org

KIND = "communication.reconfirm"


def _asked() -> list[str]:
    return sorted(
        Notification.objects.filter(kind=KIND).values_list("recipient__username", flat=True)
    )


def _confirmed_plan(org: Org) -> Any:
    """Return the collaboration whose plan 市场部 (alice) and 研发部 (rita) have confirmed."""
    collab = established(org)
    services.comm_plan_create(actor=org.pam, collaboration=collab)
    services.comm_plan_confirm(actor=org.alice, collaboration=collab, department=org.market)
    services.comm_plan_confirm(actor=org.rita, collaboration=collab, department=org.rnd)
    return collab


def _add(org: Org, collab: Any, topic: str = "需求评审") -> Any:
    return services.comm_item_add(
        actor=org.pam, collaboration=collab, data=ItemInput(topic=topic, channel="meeting")
    )


def test_a_change_asks_each_confirmed_departments_contact_once(org: Org) -> None:
    collab = _confirmed_plan(org)
    item = _add(org, collab)
    assert _asked() == ["alice", "rita"]
    sent = Notification.objects.filter(kind=KIND)
    assert {n.params["department"] for n in sent} == {"市场部", "研发部"}
    assert {n.event.verb for n in sent if n.event} == {"communication.item_added"}
    assert sent.first().params["revision"] == selectors.plan_view(collab).plan.revision  # type: ignore[union-attr]

    # Already out of date: further edits do not ask again.
    services.comm_item_update(
        actor=org.pam, item=item, data=ItemInput(topic="需求评审会", channel="meeting")
    )
    services.comm_item_remove(actor=org.pam, item=item)
    assert _asked() == ["alice", "rita"]


def test_only_departments_that_confirmed_are_asked_again(org: Org) -> None:
    collab = established(org)
    services.comm_plan_create(actor=org.pam, collaboration=collab)
    _add(org, collab)
    assert _asked() == []
    services.comm_plan_confirm(actor=org.rita, collaboration=collab, department=org.rnd)
    _add(org, collab, "周报")
    assert _asked() == ["rita"]


def test_a_department_that_confirms_again_is_asked_after_the_next_change(org: Org) -> None:
    collab = _confirmed_plan(org)
    _add(org, collab)
    services.comm_plan_confirm(actor=org.rita, collaboration=collab, department=org.rnd)
    level = EscalationLevel.objects.get(plan__collaboration=collab, level=1)
    services.comm_level_update(
        actor=org.pam,
        collaboration=collab,
        level=1,
        limit_value=level.limit_value + 1,
        limit_unit=level.limit_unit,
    )
    assert _asked() == ["alice", "rita", "rita"]
    services.comm_plan_confirm(actor=org.rita, collaboration=collab, department=org.rnd)
    services.comm_plan_resize(actor=org.pam, collaboration=collab, size="large")
    assert _asked() == ["alice", "rita", "rita", "rita"]


def test_the_editor_is_not_asked_about_their_own_change(org: Org) -> None:
    """alice is 市场部's contact; her own edit asks only 研发部."""
    collab = _confirmed_plan(org)
    services.comm_item_add(
        actor=org.alice, collaboration=collab, data=ItemInput(topic="周会", channel="meeting")
    )
    assert _asked() == ["rita"]


def test_it_renders_in_both_languages(org: Org) -> None:
    collab = _confirmed_plan(org)
    _add(org, collab)
    note = Notification.objects.get(kind=KIND, recipient=org.rita)
    for language in ("zh-hans", "en"):
        with translation.override(language):
            title = render_title(note.kind, note.params)
            body = render_body(note.kind, note.params)
        assert collab.number in title
        assert "研发部" in title
        assert "%(" not in title + body
        assert body
    with translation.override("en"):
        assert render_title(note.kind, note.params).startswith("Confirm the changed")
