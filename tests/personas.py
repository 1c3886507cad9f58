"""The people every test meets, made through the services.

A small organization: 市场部 (Marketing) with its head and a staff member,
研发部 (R&D) with its head, a director over both, a VP, a GM, a PMO admin,
and an outsider in 法务部 (Legal) who takes part in nothing.
"""

from dataclasses import dataclass
from typing import Any

from concord.orgs import services
from concord.orgs.models import Department, Level

PASSWORD = "concord-test-pw-1"


@dataclass
class Org:
    market: Department
    rnd: Department
    legal: Department
    alice: Any  # staff in 市场部, the usual initiator
    mark: Any  # head of 市场部
    rita: Any  # head of 研发部
    dora: Any  # director
    victor: Any  # VP
    grace: Any  # GM
    pam: Any  # PMO admin
    oscar: Any  # outsider in 法务部


def make_org() -> Org:
    gm = services.department_create(actor=None, name="总经办", code="gmo")
    market = services.department_create(actor=None, name="市场部", code="market", parent=gm)
    rnd = services.department_create(actor=None, name="研发部", code="rnd", parent=gm)
    legal = services.department_create(actor=None, name="法务部", code="legal", parent=gm)

    def person(username: str, name: str, dept: Department, **kw: Any) -> Any:
        return services.person_create(
            actor=None,
            username=username,
            name=name,
            employee_no=f"E-{username}",
            department=dept,
            email=f"{username}@example.com",
            password=PASSWORD,
            **kw,
        ).user

    grace = person("grace", "高总", gm, level=Level.GM, title="总经理")
    victor = person("victor", "魏副总", gm, level=Level.VP, title="分管副总", manager=grace)
    dora = person("dora", "杜总监", gm, level=Level.DIRECTOR, title="总监", manager=victor)
    mark = person("mark", "马经理", market, level=Level.DEPARTMENT_HEAD, manager=dora)
    rita = person("rita", "任经理", rnd, level=Level.DEPARTMENT_HEAD, manager=dora)
    alice = person("alice", "艾丽", market, title="市场专员", manager=mark)
    pam = person("pam", "潘敏", gm, is_pmo=True, title="PMO")
    oscar = person("oscar", "欧阳", legal, title="法务专员")
    services.department_set_head(actor=None, department=gm, head=grace)
    services.department_set_head(actor=None, department=market, head=mark)
    services.department_set_head(actor=None, department=rnd, head=rita)
    return Org(market, rnd, legal, alice, mark, rita, dora, victor, grace, pam, oscar)
