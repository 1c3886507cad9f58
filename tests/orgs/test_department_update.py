"""department_update: rename, move, (de)activate, with its refusals."""

import pytest

from concord.activity.models import Event
from concord.lib.errors import DomainError
from concord.orgs import services
from tests.personas import Org


def test_it_renames_and_records_one_event(org: Org) -> None:
    before = Event.objects.count()
    dept = services.department_update(actor=org.pam, department=org.market, name="品牌市场部")
    assert dept.name == "品牌市场部"
    assert Event.objects.count() == before + 1
    event = Event.objects.get(verb="department.updated")
    assert event.before["name"] == "市场部"
    assert event.after["name"] == "品牌市场部"


def test_it_moves_a_department_in_the_tree(org: Org) -> None:
    services.department_update(actor=org.pam, department=org.legal, parent=org.rnd)
    org.legal.refresh_from_db()
    assert org.legal.parent_id == org.rnd.pk


def test_it_refuses_to_move_a_department_below_its_own_descendant(org: Org) -> None:
    """Moving 总经办 under 市场部 (its child) would make a cycle."""
    top = org.market.parent
    assert top is not None
    with pytest.raises(DomainError) as exc:
        services.department_update(actor=org.pam, department=top, parent=org.market)
    assert exc.value.details.keys() == {"parent"}
    with pytest.raises(DomainError):
        services.department_update(actor=org.pam, department=org.market, parent=org.market)


def test_it_refuses_deactivating_a_department_with_active_members(org: Org) -> None:
    with pytest.raises(DomainError) as exc:
        services.department_update(actor=org.pam, department=org.market, is_active=False)
    assert exc.value.code == "conflict"
    org.market.refresh_from_db()
    assert org.market.is_active is True


def test_it_refuses_deactivating_a_department_with_active_children(org: Org) -> None:
    empty = services.department_create(actor=org.pam, name="空部门", code="empty")
    services.department_create(actor=org.pam, name="子部门", code="child", parent=empty)
    with pytest.raises(DomainError) as exc:
        services.department_update(actor=org.pam, department=empty, is_active=False)
    assert exc.value.code == "conflict"


def test_it_deactivates_an_empty_department(org: Org) -> None:
    empty = services.department_create(actor=org.pam, name="空部门", code="empty")
    dept = services.department_update(actor=org.pam, department=empty, is_active=False)
    assert dept.is_active is False


def test_it_refuses_a_duplicate_name_at_the_same_level(org: Org) -> None:
    with pytest.raises(DomainError):
        services.department_update(actor=org.pam, department=org.legal, name="市场部")
