"""The default change approval rule: a budget increase of 100,000 CNY or more needs the director."""

from decimal import Decimal
from typing import Any

from django.db import migrations


def create(apps: Any, schema_editor: Any) -> None:
    rule = apps.get_model("changes", "ChangeApprovalRule")
    if not rule.objects.exists():
        rule.objects.create(
            name="Budget increase of 100,000 or more",
            category="",
            min_budget_delta=Decimal("100000.00"),
            approver_role="director",
            position=1,
        )


class Migration(migrations.Migration):
    dependencies = [("changes", "0001_initial")]
    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
