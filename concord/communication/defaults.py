"""What a new communication plan proposes: its size, its rows and its escalation path.

The guide (沟通指南 二(二)、(四)): a daily stand-up of at most 15 minutes for a
small project, a weekly meeting of at most an hour at a fixed time for a
medium or large one, a review after each milestone, channel rules, and an
escalation path of three levels (24 hours, 48 hours, 3 working days).
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from concord.collaborations.models import Kind

from .models import Channel, HandlerRole, LimitUnit, Size

SMALL_MAX = 5
MEDIUM_MAX = 20

LEVEL_ROLES = {1: HandlerRole.PARTIES, 2: HandlerRole.LEAD, 3: HandlerRole.SPONSOR}


def size_for(people: int) -> str:
    if people <= SMALL_MAX:
        return Size.SMALL
    if people <= MEDIUM_MAX:
        return Size.MEDIUM
    return Size.LARGE


def escalation_limits() -> list[tuple[int, str]]:
    """Return the configured (value, unit) of levels 1, 2 and 3."""
    limits = []
    for text in settings.CONCORD_ESCALATION_DEFAULTS:
        value, _sep, unit = str(text).strip().partition(" ")
        if not value.isdigit() or int(value) < 1 or unit.strip() not in LimitUnit.values:
            raise ImproperlyConfigured(
                f"CONCORD_ESCALATION_LEVELn must be '<number> <unit>', got {text!r}"
            )
        limits.append((int(value), unit.strip()))
    if len(limits) != 3:
        raise ImproperlyConfigured("CONCORD_ESCALATION_DEFAULTS needs three levels")
    return limits


@dataclass
class ProposedItem:
    origin: str
    topic: str
    channel: str
    frequency: str
    rrule: str = ""
    output: str = ""
    notes: str = ""
    everyone: bool = field(default=True)


def proposed_items(kind: str, size: str) -> list[ProposedItem]:
    """Return the rows a new plan starts with, in the active language."""
    rows: list[ProposedItem] = []
    if size == Size.SMALL:
        rows.append(
            ProposedItem(
                "standup",
                # Translators: 每日站会
                _("Daily stand-up"),
                Channel.MEETING,
                _("Every working day, at most 15 minutes"),
                rrule="FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR",
                output=_("Progress and blockers on the task board"),
            )
        )
    else:
        rows.append(
            ProposedItem(
                "weekly",
                # Translators: 周例会
                _("Weekly progress meeting"),
                Channel.MEETING,
                _("Every Friday 15:00, at most 1 hour"),
                rrule="FREQ=WEEKLY;BYDAY=FR;BYHOUR=15;BYMINUTE=0",
                # Translators: 《会议纪要》
                output=_("Minutes"),
                notes=_("Chaired by the project lead; minutes sent within 24 hours."),
            )
        )
    if kind != Kind.COORDINATION:
        rows.append(
            ProposedItem(
                "milestone_review",
                # Translators: 里程碑复盘会
                _("Milestone review"),
                Channel.MEETING,
                _("After each milestone"),
                # Translators: 《复盘报告》
                output=_("Review report"),
                notes=_("Compare planned goals with results; adjust the plan."),
            )
        )
    rows += [
        ProposedItem(
            "channel_im",
            _("Quick questions"),
            Channel.IM,
            _("Any time"),
            notes=_("IM group: quick questions and daily coordination."),
        ),
        ProposedItem(
            "channel_email",
            # Translators: 正式通知（邮件留痕）
            _("Formal notices and decisions"),
            Channel.EMAIL,
            _("When needed"),
            notes=_("Email keeps a record; changes are also announced in this system."),
        ),
        ProposedItem(
            "channel_system",
            _("Tasks and progress"),
            Channel.SYSTEM,
            _("Updated daily"),
            notes=_("Tasks, issues and change notices live in this system."),
        ),
        ProposedItem(
            "channel_docs",
            _("Materials"),
            Channel.DOCS,
            _("When needed"),
            notes=_("Named “project name-date-type”."),
        ),
        ProposedItem(
            "escalation",
            # Translators: 问题升级会
            _("Escalation of disputes"),
            Channel.MEETING,
            _("When the weekly meeting cannot resolve a dispute"),
            output=pgettext("output of an escalation meeting", "Decision"),
            notes=_("Level 1: the parties; level 2: the project lead; level 3: the sponsor."),
        ),
    ]
    return rows
