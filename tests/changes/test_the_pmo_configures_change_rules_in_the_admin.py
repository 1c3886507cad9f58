"""The PMO edits change approval rules in the admin; every save is on the trail."""

from decimal import Decimal

from django.test import Client

from concord.activity.models import Event
from concord.changes.models import ChangeApprovalRule
from tests.personas import Org


def _form(rule: ChangeApprovalRule, **changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": rule.name,
        "category": rule.category,
        "min_budget_delta": rule.min_budget_delta or "",
        "approver_role": rule.approver_role,
        "position": rule.position,
        "is_active": "on" if rule.is_active else "",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_the_pmo_changes_a_threshold_and_the_event_records_it(org: Org) -> None:
    rule = ChangeApprovalRule.objects.order_by("pk").first()
    assert rule is not None, "the data migration creates a default rule"
    client = Client()
    client.force_login(org.pam)
    url = f"/admin/changes/changeapprovalrule/{rule.pk}/change/"
    assert client.get(url).status_code == 200
    response = client.post(url, _form(rule, min_budget_delta="250000.00"))
    assert response.status_code == 302
    rule.refresh_from_db()
    assert rule.min_budget_delta == Decimal("250000.00")
    event = Event.objects.filter(verb="change_rule.changed").get()
    assert event.actor == org.pam
    assert event.after["changed"] == ["min_budget_delta"]


def test_people_outside_the_pmo_cannot_reach_the_rules(org: Org) -> None:
    rule = ChangeApprovalRule.objects.order_by("pk").first()
    assert rule is not None
    client = Client()
    for who in (org.alice, org.mark, org.victor):
        client.force_login(who)
        response = client.get(f"/admin/changes/changeapprovalrule/{rule.pk}/change/")
        assert response.status_code == 302, who  # the admin sends non-staff to its login


def test_notices_cannot_be_edited_in_the_admin(org: Org) -> None:
    client = Client()
    client.force_login(org.pam)
    assert client.get("/admin/changes/changenotice/add/").status_code == 403
