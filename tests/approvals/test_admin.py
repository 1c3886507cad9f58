"""Rules are edited in the admin by the PMO (each save is an event); flows are read-only there."""

from decimal import Decimal

from django.contrib.auth import get_user_model
from django.test import Client

from concord.activity.models import Event
from concord.approvals.models import ApprovalRule
from tests.approvals.conftest import chain_for, start
from tests.personas import Org


def _superuser() -> object:
    return get_user_model().objects.create_superuser("root", "root@example.com", "pw-root-1")


def test_saving_a_rule_records_an_event(org: Org, client: Client) -> None:
    client.force_login(_superuser())
    rule = ApprovalRule.objects.get(min_budget__isnull=False)
    step = rule.steps.get()
    response = client.post(
        f"/admin/approvals/approvalrule/{rule.pk}/change/",
        {
            "name": rule.name,
            "purpose": rule.purpose,
            "collaboration_kind": "",
            "min_importance": "normal",
            "min_budget": "300000",
            "remind_after_working_days": "1",
            "escalate_after_working_days": "3",
            "priority": "40",
            "is_active": "on",
            "steps-TOTAL_FORMS": "1",
            "steps-INITIAL_FORMS": "1",
            "steps-MIN_NUM_FORMS": "0",
            "steps-MAX_NUM_FORMS": "1000",
            "steps-0-id": str(step.pk),
            "steps-0-rule": str(rule.pk),
            "steps-0-position": "50",
            "steps-0-role": "gm",
            "steps-0-mode": "any",
            "steps-0-label": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    rule.refresh_from_db()
    assert str(rule.min_budget) == "300000.00"
    event = Event.objects.get(verb="approval_rule.changed")
    assert Decimal(event.after["min_budget"]) == Decimal(300000)
    assert "min_budget" in event.after["changed"]


def test_a_staff_member_who_is_not_pmo_cannot_change_rules(org: Org, client: Client) -> None:
    org.oscar.is_staff = True
    org.oscar.save(update_fields=["is_staff"])
    client.force_login(org.oscar)
    rule = ApprovalRule.objects.first()
    assert rule is not None
    assert client.get(f"/admin/approvals/approvalrule/{rule.pk}/change/").status_code == 403


def test_flows_are_read_only(org: Org, client: Client) -> None:
    flow = start(org, chain_for(org))
    client.force_login(_superuser())
    assert client.get(f"/admin/approvals/flow/{flow.pk}/change/").status_code == 200
    assert client.get("/admin/approvals/flow/add/").status_code == 403
    assert client.get(f"/admin/approvals/flow/{flow.pk}/delete/").status_code == 403
    response = client.post(f"/admin/approvals/flow/{flow.pk}/change/", {"state": "approved"})
    assert response.status_code == 403
    flow.refresh_from_db()
    assert flow.state == "pending"
