"""The default approval rules for collaboration requests (editable in the admin).

normal: department head; important: + director; strategic: + the VP or
GM; any request with a budget of 500,000 or more: + the GM. A feasibility
discussion (会商: the VP and the PMO together, before the VP or GM decides)
for strategic requests is present but switched off; the PMO turns it on.
"""

from decimal import Decimal

from django.db import migrations

PURPOSE = "collaboration.request"

DEFAULTS = [
    # (name, min_importance, min_budget, priority, active, [(position, role, mode)])
    ("Normal: department head", "normal", None, 10, True, [(10, "dept_head", "any")]),
    ("Important: + director", "important", None, 20, True, [(20, "director", "any")]),
    ("Strategic: + VP or GM", "strategic", None, 30, True, [(40, "vp_or_gm", "any")]),
    (
        "Strategic: + feasibility discussion",
        "strategic",
        None,
        35,
        False,
        [(30, "feasibility", "all")],
    ),
    (
        "Budget of 500,000 or more: + GM",
        "normal",
        Decimal("500000"),
        40,
        True,
        [(50, "gm", "any")],
    ),
]


def create(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("approvals", "ApprovalRule")
    RuleStep = apps.get_model("approvals", "ApprovalRuleStep")
    for name, importance, budget, priority, active, steps in DEFAULTS:
        if Rule.objects.filter(purpose=PURPOSE, name=name).exists():
            continue
        rule = Rule.objects.create(
            name=name,
            purpose=PURPOSE,
            min_importance=importance,
            min_budget=budget,
            priority=priority,
            is_active=active,
            remind_after_working_days=1,
            escalate_after_working_days=2,
        )
        for position, role, mode in steps:
            RuleStep.objects.create(rule=rule, position=position, role=role, mode=mode)


def remove(apps, schema_editor):  # type: ignore[no-untyped-def]
    Rule = apps.get_model("approvals", "ApprovalRule")
    Rule.objects.filter(purpose=PURPOSE, name__in=[d[0] for d in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("approvals", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
