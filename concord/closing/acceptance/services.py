"""Writes of acceptance and effect verification (the write contract: one event each).

Locking order: the collaboration, then the item (or verification), then
its submission (or feedback rows), then — through `flow_decide` — the
approval flow and its step.

Judging goes through the approval engine (purpose "acceptance.judge", the
item is the flow's subject, one flow per round): pass = approve, needs
rework = return, fail = reject. The group's decision mode is the step's
mode: 会签 (every member and the lead, all must approve) or the lead's word
(the lead alone). `outcomes.py` carries a finished flow back to the item.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from concord.activity.services import event_record
from concord.approvals.chains import StepSpec
from concord.approvals.models import Decision, FlowState, StepMode
from concord.approvals.selectors import current_flow
from concord.approvals.services import flow_decide, flow_start
from concord.collaborations.models import Collaboration, Kind, ParticipatingDepartment
from concord.collaborations.team_services import member_ensure
from concord.lib import workcal
from concord.lib.errors import DomainError, not_found
from concord.orgs.models import Department
from concord.planning.models import Deliverable
from concord.planning.selectors import effective_plan
from concord.timers.services import timer_cancel, timer_schedule

from . import access, notify
from .models import (
    AcceptanceGroup,
    Answer,
    CheckLine,
    Feedback,
    GroupMember,
    Item,
    ItemState,
    Mode,
    Outcome,
    Rating,
    Submission,
    SubmissionFile,
    Verdict,
    Verification,
    VerificationState,
)

User = Any

PURPOSE = access.JUDGE_PURPOSE
JUDGE_OVERDUE_TIMER = "acceptance.judge_overdue"
REWORK_REMIND_TIMER = "acceptance.rework_remind"
REWORK_OVERDUE_TIMER = "acceptance.rework_overdue"
FEEDBACK_REMIND_TIMER = "acceptance.feedback_remind"

# Translators: 验收小组 — the step of the approval engine that judges a deliverable.
STEP_LABEL = gettext_noop("Acceptance group")

VERDICT_DECISION = {
    Verdict.PASS: Decision.APPROVE,
    Verdict.REWORK: Decision.RETURN,
    Verdict.FAIL: Decision.REJECT,
}
MAX_FILE_BYTES = 20 * 1024 * 1024


def _invalid(message: str, field: str | None = None) -> DomainError:
    return DomainError(message, code="invalid", field=field)


def _lock_collab(collab: Collaboration) -> Collaboration:
    locked = Collaboration.objects.select_for_update().filter(pk=collab.pk).first()
    if locked is None:
        raise not_found()
    return locked


def _at(day: date, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at), timezone.get_current_timezone())


def remind_at(due_on: date) -> datetime:
    """The morning of the working day before `due_on`."""
    return _at(workcal.previous_working_day(due_on), settings.CONCORD_WORKDAY_START)


def overdue_at(due_on: date) -> datetime:
    """The start of the working day after `due_on`."""
    return _at(workcal.next_working_day(due_on), settings.CONCORD_WORKDAY_START)


def standards_of(text: str, name: str) -> list[str]:
    """Split a deliverable's standard into one line per standard (numbering dropped)."""
    lines = []
    for raw in (text or "").replace("；", "\n").replace(";", "\n").splitlines():
        line = raw.strip().lstrip("-•*·").strip()
        head = line.split(".", 1)[0].split("、", 1)[0].split(")", 1)[0].split("）", 1)[0]
        if head.isdigit() and len(head) < len(line):
            line = line[len(head) + 1 :].strip()
        if line:
            lines.append(line)
    return lines or [_("“%(name)s” is delivered as the plan describes.") % {"name": name}]


def deliverable_of(collab: Collaboration, key: Any) -> Deliverable:
    version = effective_plan(collab)
    found = (
        Deliverable.objects.filter(version=version, key=str(key)).first()
        if version is not None
        else None
    )
    if found is None:
        raise DomainError(_("No such deliverable in the plan in force."), code="not_found")
    return found


# ---------------------------------------------------------------- the group


@transaction.atomic
def acceptance_group_set(
    *,
    actor: User,
    collaboration: Collaboration,
    lead: User,
    members: Iterable[User],
    mode: str,
    judging_days: int = 3,
) -> AcceptanceGroup:
    """Choose the acceptance group, its lead and how it decides (initiating department)."""
    collab = _lock_collab(collaboration)
    access.require_under_way(collab)
    if not access.can_set_group(actor, collab):
        raise access.forbidden()
    if mode not in Mode.values:
        raise _invalid(_("Choose all-must-agree or the lead decides."), "mode")
    if lead is None or not lead.is_active:
        raise _invalid(_("Choose the group lead."), "lead")
    if not isinstance(judging_days, int) or not 1 <= judging_days <= 30:
        raise _invalid(_("Judging takes 1 to 30 working days."), "judging_days")
    people = {u.pk: u for u in members if u is not None and u.pk != lead.pk}
    if any(not u.is_active for u in people.values()):
        raise _invalid(_("Every member must be an active person."), "members")
    if Item.objects.filter(collaboration=collab, state=ItemState.JUDGING).exists():
        raise DomainError(
            _("A deliverable is under judgement; change the group after its verdict."),
            code="conflict",
        )
    group = AcceptanceGroup.objects.select_for_update().filter(collaboration=collab).first()
    before = _group_snapshot(group) if group is not None else None
    if group is None:
        group = AcceptanceGroup(collaboration=collab)
    group.lead = lead
    group.mode = mode
    group.judging_days = judging_days
    group.updated_by = actor
    group.save()
    GroupMember.objects.filter(group=group).delete()
    GroupMember.objects.bulk_create(GroupMember(group=group, user=u) for u in people.values())
    # The group judges in the collaboration, so each of them must be able to open it.
    joined = [u.pk for u in (lead, *people.values()) if member_ensure(collaboration=collab, user=u)]
    event = event_record(
        actor=actor,
        verb="acceptance_group.set",
        subject=group,
        before=before,
        after={**_group_snapshot(group), "joined_team": joined},
        scope=collab,
    )
    notify.group_set(group=group, users=[lead, *people.values()], actor=actor, event=event)
    return group


def _group_snapshot(group: AcceptanceGroup) -> dict[str, Any]:
    return {
        "lead": group.lead_id,
        "mode": group.mode,
        "judging_days": group.judging_days,
        "members": sorted(group.members.values_list("user_id", flat=True)),
    }


def judges_of(group: AcceptanceGroup) -> list[User]:
    members = [m.user for m in group.members.select_related("user")]
    return [group.lead, *members] if group.mode == Mode.ALL else [group.lead]


# ---------------------------------------------------------------- submissions


@dataclass
class CheckAnswer:
    answer: str
    note: str = ""


def _clean_answers(standards: list[str], answers: Sequence[CheckAnswer]) -> list[CheckAnswer]:
    if len(answers) != len(standards):
        raise _invalid(_("Answer every line of the self-check list."), "lines")
    errors: dict[str, list[str]] = {}
    cleaned = []
    for index, given in enumerate(answers):
        answer = (given.answer or "").strip()
        note = (given.note or "").strip()
        if answer not in Answer.values:
            errors.setdefault("lines", []).append(
                _("Line %(n)s: say whether the standard is met.") % {"n": index + 1}
            )
        elif answer == Answer.NOT_MET and not note:
            errors.setdefault("lines", []).append(
                _("Line %(n)s: explain why the standard is not met.") % {"n": index + 1}
            )
        cleaned.append(CheckAnswer(answer, note))
    if errors:
        raise DomainError(
            " ".join(errors["lines"]),
            code="invalid",
            field="lines",
            details=errors,  # type: ignore[arg-type]
        )
    return cleaned


@transaction.atomic
def acceptance_submit(
    *,
    actor: User,
    collaboration: Collaboration,
    deliverable_key: Any,
    answers: Sequence[CheckAnswer],
    note: str = "",
    files: Iterable[UploadedFile] = (),
) -> Submission:
    """Submit (or resubmit after rework) a deliverable with its self-check list."""
    collab = _lock_collab(collaboration)
    access.require_under_way(collab)
    deliverable = deliverable_of(collab, deliverable_key)
    department_id = deliverable.owner_department_id
    if not access.can_submit(actor, collab, department_id, deliverable.name):
        raise access.forbidden()
    group = AcceptanceGroup.objects.filter(collaboration=collab).select_related("lead").first()
    if group is None:
        raise DomainError(
            _("The initiating department has not chosen the acceptance group yet."),
            code="conflict",
        )
    item = (
        Item.objects.select_for_update()
        .filter(collaboration=collab, deliverable_key=deliverable.key)
        .first()
    )
    if item is None:
        item = Item.objects.create(collaboration=collab, deliverable_key=deliverable.key)
    if item.state not in (ItemState.PENDING, ItemState.REWORK):
        raise DomainError(
            _("This deliverable is “%(state)s”; it cannot be submitted now.")
            % {"state": ItemState(item.state).label},
            code="conflict",
        )
    standards = standards_of(deliverable.standard, deliverable.name)
    cleaned = _clean_answers(standards, answers)
    files = list(files)
    for upload in files:
        if (upload.size or 0) > MAX_FILE_BYTES:
            raise _invalid(_("A file may be at most 20 MB."), "files")
    now = timezone.now()
    before = {"state": item.state, "round": item.rounds}
    item.name = deliverable.name
    item.standard = deliverable.standard
    item.owner_department_id = department_id
    item.rounds += 1
    item.state = ItemState.JUDGING
    item.rework_due = None
    item.save()
    judging_due = timezone.localdate(workcal.add_working_days(now, group.judging_days))
    submission = Submission.objects.create(
        item=item,
        round=item.rounds,
        submitted_by=actor,
        submitted_at=now,
        note=(note or "").strip(),
        judging_due=judging_due,
    )
    CheckLine.objects.bulk_create(
        CheckLine(submission=submission, position=i, standard=std, answer=a.answer, note=a.note)
        for i, (std, a) in enumerate(zip(standards, cleaned, strict=True), start=1)
    )
    for upload in files:
        stored = SubmissionFile(
            submission=submission,
            name=(upload.name or "file")[:255],
            size=upload.size or 0,
            uploaded_by=actor,
        )
        suffix = (
            (upload.name or "").rsplit(".", 1)[-1][:10] if "." in (upload.name or "") else "bin"
        )
        stored.file.save(f"{now:%Y%m%d%H%M%S%f}.{suffix}", upload, save=False)
        stored.save()
    timer_cancel(subject=item)
    judges = judges_of(group)
    flow_start(
        actor=actor,
        subject=item,
        purpose=PURPOSE,
        steps=[
            StepSpec(
                STEP_LABEL,
                StepMode.ALL if group.mode == Mode.ALL else StepMode.ANY,
                tuple(judges),
                remind_after_working_days=max(group.judging_days - 1, 1),
                escalate_after_working_days=group.judging_days + 2,
            )
        ],
        scope=collab,
    )
    timer_schedule(
        kind=JUDGE_OVERDUE_TIMER,
        subject=submission,
        due_at=overdue_at(judging_due),
        payload={"round": submission.round},
    )
    event = event_record(
        actor=actor,
        verb="acceptance.resubmitted" if submission.round > 1 else "acceptance.submitted",
        subject=submission,
        before=before,
        after={
            "state": item.state,
            "round": submission.round,
            "deliverable": item.name,
            "judging_due": judging_due.isoformat(),
            "lines": [
                {"standard": s, "answer": a.answer} for s, a in zip(standards, cleaned, strict=True)
            ],
            "files": [f.name for f in files],
        },
        scope=collab,
        note=submission.note,
    )
    notify.submitted(submission=submission, group=group, judges=judges, actor=actor, event=event)
    return submission


@transaction.atomic
def acceptance_judge(
    *,
    actor: User,
    submission: Submission,
    verdict: str,
    note: str = "",
    rework_due: date | None = None,
) -> Submission:
    """Record the actor's verdict on the round through the approval engine."""
    owner = Item.objects.filter(pk=submission.item_id).values_list("collaboration", flat=True)
    if not owner:
        raise not_found()
    # The collaboration first, like every other write here (one lock order, no deadlock).
    collab = _lock_collab(Collaboration(pk=owner[0]))
    access.require_under_way(collab)
    item = Item.objects.select_for_update().filter(pk=submission.item_id).first()
    if item is None:
        raise not_found()
    item.collaboration = collab
    sub = Submission.objects.select_for_update().get(pk=submission.pk)
    if sub.round != item.rounds or item.state != ItemState.JUDGING:
        raise DomainError(_("This round has already been judged."), code="conflict")
    if verdict not in Verdict.values:
        raise _invalid(_("Choose pass, needs rework or fail."), "verdict")
    note = (note or "").strip()
    if verdict != Verdict.PASS and not note:
        raise _invalid(_("Say what must be improved, or why it fails."), "note")
    if verdict == Verdict.REWORK:
        if rework_due is None:
            raise _invalid(_("Give the rework deadline."), "rework_due")
        if rework_due < timezone.localdate():
            raise _invalid(_("The rework deadline cannot be in the past."), "rework_due")
        sub.rework_due = rework_due
        sub.save(update_fields=["rework_due"])
    flow = current_flow(item, PURPOSE)
    if flow is None or flow.state != FlowState.PENDING:
        raise DomainError(_("This round has already been judged."), code="conflict")
    flow_decide(actor=actor, flow=flow, decision=VERDICT_DECISION[Verdict(verdict)], comment=note)
    item.refresh_from_db()
    sub.refresh_from_db()
    event_record(
        actor=actor,
        verb="acceptance.judged",
        subject=sub,
        before={"state": ItemState.JUDGING},
        after={
            "verdict": verdict,
            "round": sub.round,
            "rework_due": rework_due.isoformat() if rework_due else None,
            "state": item.state,
            "final": item.state != ItemState.JUDGING,
        },
        scope=item.collaboration,
        note=note,
    )
    return sub


def conclude(*, flow: Any, actor: User, verdict: str) -> None:
    """Carry a finished judging flow back to its item (called by the engine's hooks)."""
    from concord.approvals.models import StepDecision

    item = Item.objects.select_for_update().select_related("collaboration").get(pk=flow.subject_id)
    sub = Submission.objects.select_for_update().get(item=item, round=item.rounds)
    if item.state != ItemState.JUDGING:
        return
    now = timezone.now()
    comments = [
        (d.decided_by, d.comment)
        for d in StepDecision.objects.filter(step__flow=flow)
        .select_related("decided_by__person")
        .order_by("decided_at", "id")
        if d.comment
    ]
    if len(comments) == 1:
        sub.verdict_note = comments[0][1]
    else:
        sub.verdict_note = "\n".join(f"{notify.name_of(u)}: {c}" for u, c in comments)
    sub.verdict = verdict
    sub.judged_by = actor
    sub.judged_at = now
    if verdict == Verdict.REWORK and sub.rework_due is None:
        days = int(settings.CONCORD_ACCEPTANCE_REWORK_WORKING_DAYS)
        sub.rework_due = timezone.localdate(workcal.add_working_days(now, days))
    sub.save()
    before = {"state": item.state}
    item.state = {
        Verdict.PASS: ItemState.PASSED,
        Verdict.REWORK: ItemState.REWORK,
        Verdict.FAIL: ItemState.FAILED,
    }[Verdict(verdict)]
    item.rework_due = sub.rework_due if verdict == Verdict.REWORK else None
    item.save(update_fields=["state", "rework_due", "updated_at"])
    timer_cancel(subject=sub)
    if item.rework_due is not None:
        payload = {"round": sub.round, "due_on": item.rework_due.isoformat()}
        reminder = remind_at(item.rework_due)
        if reminder > now:
            timer_schedule(kind=REWORK_REMIND_TIMER, subject=item, due_at=reminder, payload=payload)
        timer_schedule(
            kind=REWORK_OVERDUE_TIMER,
            subject=item,
            due_at=overdue_at(item.rework_due),
            payload=payload,
        )
    event = event_record(
        actor=actor,
        verb=f"acceptance.{verdict}",
        subject=item,
        before=before,
        after={
            "state": item.state,
            "round": sub.round,
            "rework_due": item.rework_due.isoformat() if item.rework_due else None,
        },
        scope=item.collaboration,
        note=sub.verdict_note,
    )
    notify.judged(item=item, submission=sub, actor=actor, event=event)


@transaction.atomic
def rework_remind(*, item: Item, overdue: bool, due_on: str) -> bool:
    """Remind (or warn) the responsible department of a rework deadline; moot → False."""
    locked = Item.objects.select_for_update().select_related("collaboration").get(pk=item.pk)
    if locked.state != ItemState.REWORK or locked.rework_due is None:
        return False
    if locked.rework_due.isoformat() != due_on:
        return False
    event = event_record(
        actor=None,
        verb="acceptance.rework_overdue" if overdue else "acceptance.rework_reminded",
        subject=locked,
        after={"rework_due": due_on},
        scope=locked.collaboration,
    )
    notify.rework_deadline(item=locked, overdue=overdue, event=event)
    return True


@transaction.atomic
def judging_overdue(*, submission: Submission) -> bool:
    """Warn the group lead and the project lead that a round is still unjudged."""
    sub = (
        Submission.objects.select_for_update()
        .select_related("item__collaboration")
        .get(pk=submission.pk)
    )
    item = sub.item
    if item.state != ItemState.JUDGING or item.rounds != sub.round:
        return False
    event = event_record(
        actor=None,
        verb="acceptance.judging_overdue",
        subject=sub,
        after={"judging_due": sub.judging_due.isoformat()},
        scope=item.collaboration,
    )
    notify.judging_overdue(submission=sub, event=event)
    return True


# ---------------------------------------------------------------- effect verification


def _participating(collab: Collaboration) -> list[ParticipatingDepartment]:
    return list(collab.departments.select_related("department__head", "contact"))


def _require_problem(collab: Collaboration) -> None:
    if collab.kind != Kind.PROBLEM:
        raise DomainError(
            _("Effect verification is for problem-solving collaborations."), code="conflict"
        )


def _ask_feedback(verification: Verification, collab: Collaboration) -> list[Department]:
    departments = [pd.department for pd in _participating(collab)]
    Feedback.objects.bulk_create(
        Feedback(verification=verification, department=d) for d in departments
    )
    days = int(settings.CONCORD_VERIFICATION_FEEDBACK_WORKING_DAYS)
    timer_schedule(
        kind=FEEDBACK_REMIND_TIMER,
        subject=verification,
        due_at=workcal.add_working_days(timezone.now(), days),
    )
    return departments


@transaction.atomic
def verification_start(*, actor: User, collaboration: Collaboration) -> Verification:
    """Open the first round of effect verification against the request's problem definition."""
    collab = _lock_collab(collaboration)
    _require_problem(collab)
    access.require_under_way(collab)
    if not access.can_manage_verification(actor, collab):
        raise access.forbidden()
    if Verification.objects.filter(collaboration=collab).exists():
        raise DomainError(_("Effect verification has already started."), code="conflict")
    request = getattr(collab, "request", None)
    verification = Verification.objects.create(
        collaboration=collab,
        round=1,
        state=VerificationState.COLLECTING,
        phenomenon=getattr(request, "phenomenon", "") or "",
        impact=getattr(request, "impact", "") or "",
        root_cause=getattr(request, "root_cause", "") or "",
        started_by=actor,
        started_at=timezone.now(),
    )
    departments = _ask_feedback(verification, collab)
    event = event_record(
        actor=actor,
        verb="verification.started",
        subject=verification,
        after={"round": 1, "departments": [d.pk for d in departments]},
        scope=collab,
    )
    notify.feedback_asked(verification=verification, actor=actor, event=event)
    return verification


def _lock_verification(verification: Verification) -> tuple[Collaboration, Verification]:
    collab = _lock_collab(verification.collaboration)
    locked = Verification.objects.select_for_update().filter(pk=verification.pk).first()
    if locked is None:
        raise not_found()
    locked.collaboration = collab
    return collab, locked


@transaction.atomic
def verification_redefine(
    *, actor: User, verification: Verification, phenomenon: str, impact: str, root_cause: str
) -> Verification:
    """Revise the problem definition of a new round (after "unresolved") and ask for feedback."""
    collab, locked = _lock_verification(verification)
    access.require_under_way(collab)
    if not access.can_redefine(actor, collab):
        raise access.forbidden()
    if locked.state != VerificationState.DEFINING:
        raise DomainError(_("The problem definition of this round is settled."), code="conflict")
    values = {
        "phenomenon": (phenomenon or "").strip(),
        "impact": (impact or "").strip(),
        "root_cause": (root_cause or "").strip(),
    }
    errors = {k: [_("This field is required.")] for k, v in values.items() if not v}
    if errors:
        raise DomainError(
            _("Describe the phenomenon, its impact and the root cause."),
            code="invalid",
            details=errors,  # type: ignore[arg-type]
        )
    before = {
        "phenomenon": locked.phenomenon,
        "impact": locked.impact,
        "root_cause": locked.root_cause,
    }
    for key, value in values.items():
        setattr(locked, key, value)
    locked.state = VerificationState.COLLECTING
    locked.save()
    departments = _ask_feedback(locked, collab)
    event = event_record(
        actor=actor,
        verb="verification.redefined",
        subject=locked,
        before=before,
        after={**values, "round": locked.round, "departments": [d.pk for d in departments]},
        scope=collab,
    )
    notify.feedback_asked(verification=locked, actor=actor, event=event)
    return locked


@transaction.atomic
def verification_feedback(
    *,
    actor: User,
    verification: Verification,
    department: Department,
    rating: str,
    text: str,
) -> Feedback:
    """Record (or correct) a participating department's feedback before the verdict."""
    collab, locked = _lock_verification(verification)
    if locked.state != VerificationState.COLLECTING:
        raise DomainError(_("Feedback is not being collected now."), code="conflict")
    row = (
        Feedback.objects.select_for_update()
        .filter(verification=locked, department=department)
        .first()
    )
    if row is None:
        raise DomainError(_("This department was not asked for feedback."), code="not_found")
    if not access.can_answer(actor, collab, department.pk):
        raise access.forbidden()
    if rating not in Rating.values:
        raise _invalid(_("Say whether the outcome is effective."), "rating")
    text = (text or "").strip()
    if not text:
        raise _invalid(_("Write the department's feedback."), "text")
    before = {"rating": row.rating, "text": row.text} if row.answered_at else None
    row.rating = rating
    row.text = text
    row.answered_by = actor
    row.answered_at = timezone.now()
    row.save()
    event_record(
        actor=actor,
        verb="verification.feedback_given",
        subject=locked,
        before=before,
        after={"department": department.pk, "rating": rating, "text": text},
        scope=collab,
        note=text,
    )
    return row


@transaction.atomic
def verification_decide(
    *,
    actor: User,
    verification: Verification,
    outcome: str,
    observed: str,
    conclusion: str = "",
    follow_up: str = "",
    follow_up_owner: User | None = None,
    follow_up_due: date | None = None,
) -> Verification:
    """Conclude the round: resolved, partially (a follow-up task) or unresolved (a new round)."""
    collab, locked = _lock_verification(verification)
    access.require_under_way(collab)
    if not access.can_manage_verification(actor, collab):
        raise access.forbidden()
    if locked.state != VerificationState.COLLECTING:
        raise DomainError(_("This round cannot be concluded now."), code="conflict")
    if outcome not in Outcome.values:
        raise _invalid(_("Choose resolved, partially resolved or unresolved."), "outcome")
    observed = (observed or "").strip()
    if not observed:
        raise _invalid(_("Describe the outcome observed against the problem."), "observed")
    missing = list(
        Feedback.objects.filter(verification=locked, answered_at__isnull=True)
        .select_related("department")
        .order_by("id")
    )
    if missing:
        raise DomainError(
            _("Waiting for feedback from: %(names)s.")
            % {"names": "、".join(str(f.department) for f in missing)},
            code="conflict",
        )
    follow_up = (follow_up or "").strip()
    if outcome == Outcome.PARTIAL:
        errors: dict[str, list[str]] = {}
        if not follow_up:
            errors["follow_up"] = [_("Say what remains to be done.")]
        if follow_up_owner is None:
            errors["follow_up_owner"] = [_("Choose who follows up.")]
        if follow_up_due is None:
            errors["follow_up_due"] = [_("Give the follow-up date.")]
        elif follow_up_due < timezone.localdate():
            errors["follow_up_due"] = [_("The follow-up date cannot be in the past.")]
        if errors:
            raise DomainError(
                " ".join(m for ms in errors.values() for m in ms),
                code="invalid",
                details=errors,  # type: ignore[arg-type]
            )
    now = timezone.now()
    locked.outcome = outcome
    locked.observed = observed
    locked.conclusion = (conclusion or "").strip()
    locked.state = VerificationState.DECIDED
    locked.decided_by = actor
    locked.decided_at = now
    next_round = None
    if outcome == Outcome.PARTIAL:
        locked.follow_up = follow_up
        locked.follow_up_owner = follow_up_owner
        locked.follow_up_due = follow_up_due
    locked.save()
    timer_cancel(subject=locked)
    if outcome == Outcome.PARTIAL:
        assert follow_up_owner is not None
        locked.follow_up_task = _follow_up_task(actor, collab, locked, follow_up_owner)
        locked.save(update_fields=["follow_up_task"])
    if outcome == Outcome.UNRESOLVED:
        next_round = Verification.objects.create(
            collaboration=collab,
            round=locked.round + 1,
            state=VerificationState.DEFINING,
            phenomenon=locked.phenomenon,
            impact=locked.impact,
            root_cause=locked.root_cause,
            started_by=actor,
            started_at=now,
        )
    event = event_record(
        actor=actor,
        verb=f"verification.{outcome}",
        subject=locked,
        before={"state": VerificationState.COLLECTING},
        after={
            "outcome": outcome,
            "observed": observed,
            "round": locked.round,
            "follow_up_owner": follow_up_owner.pk if follow_up_owner else None,
            "follow_up_due": follow_up_due.isoformat() if follow_up_due else None,
            "next_round": next_round.round if next_round else None,
        },
        scope=collab,
        note=locked.conclusion,
    )
    notify.verification_decided(verification=locked, actor=actor, event=event)
    return locked


def _follow_up_task(actor: User, collab: Collaboration, v: Verification, owner: User) -> Any:
    from concord.tasks.services import task_create

    person = getattr(owner, "person", None)
    participating = {pd.department_id: pd.department for pd in _participating(collab)}
    department_id = getattr(person, "department_id", None)
    department = (
        participating.get(department_id) if department_id is not None else None
    ) or collab.department
    return task_create(
        actor=actor,
        collaboration=collab,
        # Translators: 效果验证跟进
        title=(_("Follow-up of effect verification: %(what)s") % {"what": v.follow_up})[:300],
        owner=owner,
        department=department,
        due_on=v.follow_up_due,
        description=v.follow_up,
        source=v,
    )


@transaction.atomic
def feedback_remind(*, verification: Verification) -> bool:
    """Remind the departments that have not answered yet; moot → False."""
    locked = (
        Verification.objects.select_for_update()
        .select_related("collaboration")
        .filter(pk=verification.pk)
        .first()
    )
    if locked is None or locked.state != VerificationState.COLLECTING:
        return False
    missing = list(
        Feedback.objects.filter(verification=locked, answered_at__isnull=True).select_related(
            "department__head"
        )
    )
    if not missing:
        return False
    event = event_record(
        actor=None,
        verb="verification.feedback_reminded",
        subject=locked,
        after={"departments": [f.department_id for f in missing]},
        scope=locked.collaboration,
    )
    notify.feedback_reminder(verification=locked, missing=missing, event=event)
    return True
