"""`concord demo` builds a believable organization and is idempotent."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from concord.activity.models import Event
from concord.orgs.models import Department, Level, Person

GUIDE_DEPARTMENTS = {
    "市场部",
    "财务部",
    "产品部",
    "销售部",
    "设计部",
    "研发部",
    "运营部",
    "客服部",
    "数据部",
    "法务部",
}


def _run() -> str:
    out = StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def test_it_creates_the_organization_and_prints_the_logins(db: None) -> None:
    output = _run()
    names = set(Department.objects.values_list("name", flat=True))
    assert names >= GUIDE_DEPARTMENTS
    assert not Department.objects.filter(name__in=GUIDE_DEPARTMENTS, head__isnull=True).exists()
    assert Person.objects.count() >= 50
    assert Person.objects.filter(level=Level.DIRECTOR).count() == 2
    assert Person.objects.filter(level=Level.VP).count() == 1
    assert Person.objects.filter(level=Level.GM).count() == 1
    assert Person.objects.filter(is_pmo=True).count() == 1
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password("concord-demo")
    assert get_user_model().objects.get(username="zhangwei").check_password("concord-demo")
    assert "zhangwei" in output
    assert "concord-demo" in output
    assert "PMO" in output


def test_running_it_twice_changes_nothing(db: None) -> None:
    _run()
    counts = (Department.objects.count(), Person.objects.count(), Event.objects.count())
    output = _run()
    assert (Department.objects.count(), Person.objects.count(), Event.objects.count()) == counts
    assert "0 objects" in output
