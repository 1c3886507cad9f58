"""Who hears about what in acceptance and effect verification (inside the caller's transaction)."""

from typing import Any

from concord.activity.models import Event
from concord.collaborations.models import Collaboration
from concord.collaborations.selectors import lead_of
from concord.notifications.services import notify

from . import kinds
from .models import AcceptanceGroup, Feedback, Item, Outcome, Submission, Verification

User = Any


def name_of(user: User | None) -> str:
    if user is None:
        return ""
    person = getattr(user, "person", None)
    return person.display_name if person is not None else user.get_username()


def _speakers(collab: Collaboration, department_ids: set[int | None]) -> list[User]:
    """The heads and contacts of these participating departments."""
    people: list[User] = []
    for pd in collab.departments.select_related("department__head", "contact"):
        if pd.department_id in department_ids:
            people += [u for u in (pd.department.head, pd.contact) if u is not None]
    return people


def _responsible(item: Item) -> list[User]:
    collab = item.collaboration
    people = _speakers(collab, {item.owner_department_id})
    last = item.submissions.select_related("submitted_by").order_by("-round").first()
    if last is not None:
        people.append(last.submitted_by)
    if item.owner_department_id is None:
        lead = lead_of(collab)
        people.append(lead if lead is not None else collab.initiator)
    return people


def _item_params(item: Item, sub: Submission | None, actor: User | None) -> dict[str, Any]:
    return {
        "collaboration": str(item.collaboration),
        "deliverable": item.name,
        "round": sub.round if sub is not None else item.rounds,
        "actor": name_of(actor),
    }


def group_set(*, group: AcceptanceGroup, users: list[User], actor: User, event: Event) -> None:
    notify(
        recipients=users,
        kind=kinds.GROUP_SET,
        subject=group,
        params={"collaboration": str(group.collaboration), "actor": name_of(actor)},
        url=_list_url(group.collaboration),
        actor=actor,
        event=event,
    )


def _list_url(collab: Collaboration) -> str:
    from django.urls import reverse

    return reverse("acceptance:list", args=[collab.ref])


def submitted(
    *, submission: Submission, group: AcceptanceGroup, judges: list[User], actor: User, event: Event
) -> None:
    """Tell those who are not judges (they hear from the engine): members, lead, initiator."""
    item = submission.item
    judge_ids = {u.pk for u in judges}
    members = [m.user for m in group.members.select_related("user")]
    lead = lead_of(item.collaboration)
    recipients = [
        u
        for u in (*members, group.lead, lead, item.collaboration.initiator)
        if u is not None and u.pk not in judge_ids
    ]
    notify(
        recipients=recipients,
        kind=kinds.SUBMITTED,
        subject=item,
        params={**_item_params(item, submission, actor), "due_on": str(submission.judging_due)},
        url=item.get_absolute_url(),
        actor=actor,
        event=event,
    )


def judged(*, item: Item, submission: Submission, actor: User, event: Event) -> None:
    kind = {"pass": kinds.PASSED, "rework": kinds.REWORK, "fail": kinds.FAILED}[submission.verdict]
    lead = lead_of(item.collaboration)
    recipients = [*_responsible(item), item.collaboration.initiator]
    if lead is not None:
        recipients.append(lead)
    notify(
        recipients=recipients,
        kind=kind,
        subject=item,
        params={
            **_item_params(item, submission, actor),
            "note": submission.verdict_note,
            "due_on": str(submission.rework_due or ""),
        },
        url=item.get_absolute_url(),
        actor=actor,
        event=event,
    )


def rework_deadline(*, item: Item, overdue: bool, event: Event) -> None:
    recipients = _responsible(item)
    if overdue:
        lead = lead_of(item.collaboration)
        recipients += [u for u in (lead, item.collaboration.initiator) if u is not None]
    notify(
        recipients=recipients,
        kind=kinds.REWORK_OVERDUE if overdue else kinds.REWORK_REMIND,
        subject=item,
        params={**_item_params(item, None, None), "due_on": str(item.rework_due)},
        url=item.get_absolute_url(),
        event=event,
    )


def judging_overdue(*, submission: Submission, event: Event) -> None:
    item = submission.item
    group = (
        AcceptanceGroup.objects.select_related("lead")
        .filter(collaboration=item.collaboration)
        .first()
    )
    lead = lead_of(item.collaboration)
    recipients = [u for u in (group.lead if group else None, lead) if u is not None]
    notify(
        recipients=recipients or [item.collaboration.initiator],
        kind=kinds.JUDGING_OVERDUE,
        subject=item,
        params={**_item_params(item, submission, None), "due_on": str(submission.judging_due)},
        url=item.get_absolute_url(),
        event=event,
    )


def _verification_url(v: Verification) -> str:
    return v.get_absolute_url()


def feedback_asked(*, verification: Verification, actor: User, event: Event) -> None:
    collab = verification.collaboration
    ids = set(
        Feedback.objects.filter(verification=verification).values_list("department_id", flat=True)
    )
    notify(
        recipients=_speakers(collab, set(ids)),
        kind=kinds.FEEDBACK_ASKED,
        subject=verification,
        params={"collaboration": str(collab), "round": verification.round, "actor": name_of(actor)},
        url=_verification_url(verification),
        actor=actor,
        event=event,
    )


def feedback_reminder(*, verification: Verification, missing: list[Feedback], event: Event) -> None:
    collab = verification.collaboration
    notify(
        recipients=_speakers(collab, {f.department_id for f in missing}),
        kind=kinds.FEEDBACK_REMIND,
        subject=verification,
        params={
            "collaboration": str(collab),
            "departments": "、".join(str(f.department) for f in missing),
        },
        url=_verification_url(verification),
        event=event,
    )


def verification_decided(*, verification: Verification, actor: User, event: Event) -> None:
    collab = verification.collaboration
    kind = {
        Outcome.RESOLVED: kinds.VERIFIED_RESOLVED,
        Outcome.PARTIAL: kinds.VERIFIED_PARTIAL,
        Outcome.UNRESOLVED: kinds.VERIFIED_UNRESOLVED,
    }[Outcome(verification.outcome)]
    lead = lead_of(collab)
    ids = set(
        Feedback.objects.filter(verification=verification).values_list("department_id", flat=True)
    )
    recipients = [
        *_speakers(collab, set(ids)),
        collab.initiator,
        *(u for u in (lead, verification.follow_up_owner) if u is not None),
    ]
    notify(
        recipients=recipients,
        kind=kind,
        subject=verification,
        params={
            "collaboration": str(collab),
            "round": verification.round,
            "next": verification.round + 1,
            "actor": name_of(actor),
            "owner": name_of(verification.follow_up_owner),
            "due_on": str(verification.follow_up_due or ""),
        },
        url=_verification_url(verification),
        actor=actor,
        event=event,
    )
