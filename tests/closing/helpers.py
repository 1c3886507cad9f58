"""Closing made the way users make it: through the services.

Acceptance (`accepting`, `submit`, `judge`, `all_accepted`): the project of
tests.tasks.helpers with its plan in force — one deliverable 推广方案 of
市场部 (standard "含预算", head mark) — and an acceptance group chosen by
alice: lead leo, member rita.
"""

from datetime import date
from typing import Any

from concord.closing.acceptance import selectors as acceptance_selectors
from concord.closing.acceptance import services as acceptance
from concord.closing.acceptance.models import Submission
from tests.personas import Org
from tests.tasks.helpers import Project, project


def accepting(org: Org, *, mode: str = "lead", members: tuple[str, ...] = ("rita",)) -> Project:
    """The project with its plan in force and an acceptance group (lead leo)."""
    p = project(org, with_plan=True)
    acceptance.acceptance_group_set(
        actor=org.alice,
        collaboration=p.collab,
        lead=p.leo,
        members=[getattr(org, m) for m in members],
        mode=mode,
    )
    return p


def deliverable_key(p: Project, name: str = "推广方案") -> str:
    row = next(r for r in acceptance_selectors.rows_of(p.collab) if r.name == name)
    return row.key


def submit(
    org: Org, p: Project, who: str = "mark", name: str = "推广方案", **kw: Any
) -> Submission:
    """Submit the deliverable with every standard met."""
    key = deliverable_key(p, name)
    row = next(r for r in acceptance_selectors.rows_of(p.collab) if r.key == key)
    lines = acceptance.standards_of(row.standard, row.name)
    answers = kw.pop("answers", None) or [acceptance.CheckAnswer("met") for _ in lines]
    actor = getattr(p, who, None) or getattr(org, who)
    return acceptance.acceptance_submit(
        actor=actor, collaboration=p.collab, deliverable_key=key, answers=answers, **kw
    )


def judge(
    sub: Submission, actor: Any, verdict: str, note: str = "", rework_due: date | None = None
) -> Submission:
    return acceptance.acceptance_judge(
        actor=actor, submission=sub, verdict=verdict, note=note, rework_due=rework_due
    )


def all_accepted(org: Org) -> Project:
    """The project with every deliverable of its plan submitted and passed."""
    p = accepting(org)
    for row in acceptance_selectors.rows_of(p.collab):
        sub = submit(org, p, name=row.name)
        judge(sub, p.leo, "pass")
    return p


def problem(org: Org) -> Any:
    """alice's established problem-solving collaboration (市场部 initiating, 研发部 taking part)."""
    from tests.collaborations.helpers import established

    return established(
        org,
        kind="problem",
        name="数据提交延迟",
        phenomenon="数据提交延迟",
        root_cause="流程未明确截止时间",
        impact="报表延误2天",
        attributed_departments=[org.rnd],
    )


def all_feedback(org: Org, verification: Any, rating: str = "effective") -> None:
    """Every participating department's head answers."""
    from concord.closing.acceptance.models import Feedback

    heads = {org.market.pk: org.mark, org.rnd.pk: org.rita}
    for row in Feedback.objects.filter(verification=verification).select_related("department"):
        acceptance.verification_feedback(
            actor=heads[row.department_id],
            verification=verification,
            department=row.department,
            rating=rating,
            text="已按新流程执行",
        )
