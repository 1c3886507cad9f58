"""Editing an effective plan makes a new draft; the old one stays in force; versions compare."""

from django.test import Client

from concord.changes.models import ChangeNotice
from concord.planning import services
from concord.planning.diff import compare
from concord.planning.models import PlanVersion
from concord.planning.selectors import current_draft, effective_plan
from tests.personas import Org
from tests.planning.helpers import collaboration, effective, sign


def test_a_new_version_copies_the_effective_one_which_stays_in_force(org: Org) -> None:
    collab = collaboration(org)
    v1 = effective(org, collab)
    v2 = services.plan_draft(actor=org.alice, collaboration=collab)
    assert v2.number == 2
    assert effective_plan(collab) == v1
    assert current_draft(collab) == v2
    assert [w.title for w in v2.wbs.all()] == [w.title for w in v1.wbs.all()]
    assert v2.raci.count() == v1.raci.count()


def test_the_comparison_names_what_changed(org: Org) -> None:
    collab = collaboration(org)
    v1 = effective(org, collab)
    services.plan_draft(actor=org.alice, collaboration=collab)
    services.plan_update(
        actor=org.alice, collaboration=collab, data={"budget": "250000.00", "summary": "加预算"}
    )
    task = PlanVersion.objects.get(number=2).wbs.get()
    services.plan_item_save(
        actor=org.alice,
        collaboration=collab,
        section="wbs",
        item_id=task.pk,
        data={"title": "接口开发与联调"},
    )
    services.plan_item_save(
        actor=org.alice,
        collaboration=collab,
        section="milestones",
        data={"name": "验收", "due_on": "2026-12-01"},
    )
    services.raci_set(
        actor=org.alice,
        collaboration=collab,
        row="wbs",
        row_id=task.pk,
        letter="C",
        department_id=org.market.pk,
    )
    v2 = PlanVersion.objects.get(number=2)
    result = compare(v1, v2)
    assert [c.name for c in result.charter] == ["budget"]
    sections = {s.name: s for s in result.sections}
    assert sections["milestones"].added == ["验收"]
    assert sections["wbs"].changed[0].fields[0].new == "接口开发与联调"
    assert [(c.old, c.new) for c in result.raci] == [("A", "C")]

    client = Client()
    client.force_login(org.rita)
    page = client.get(f"/collaborations/{collab.number}/plan/compare/?a=1&b=2")
    assert page.status_code == 200
    assert "接口开发与联调" in page.content.decode()


def test_a_new_effective_version_supersedes_the_old_and_issues_a_change_notice(org: Org) -> None:
    collab = collaboration(org)
    v1 = effective(org, collab)
    services.plan_draft(actor=org.alice, collaboration=collab)
    services.plan_update(actor=org.alice, collaboration=collab, data={"budget": "250000.00"})
    services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    sign(collab, org.mark)
    sign(collab, org.rita)
    v1.refresh_from_db()
    assert v1.state == "superseded"
    assert effective_plan(collab).number == 2  # type: ignore[union-attr]
    notices = ChangeNotice.objects.filter(collaboration=collab, category="plan")
    assert notices.count() == 2
    assert "250000" in notices.order_by("-id").first().impact_budget  # type: ignore[union-attr]
