"""Human labels for the meetings app's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        # Translators: 会议
        "meeting.scheduled": _("scheduled the meeting"),
        "meeting.changed": _("changed the meeting"),
        "meeting.cancelled": _("cancelled the meeting"),
        "meeting.attendee_added": _("invited someone to the meeting"),
        "meeting.attendee_removed": _("took someone off the meeting's attendees"),
        "meeting.agenda_changed": _("changed the meeting's agenda"),
        "meeting.material_added": _("added a material to the meeting"),
        "meeting.material_removed": _("removed a material from the meeting"),
        "meeting.materials_sent": _("sent the meeting's materials to the attendees"),
        "meeting.key_points_noted": _("noted key points of the meeting"),
        # Translators: 分歧事项
        "meeting.disagreements_noted": _("noted the disagreements of the meeting"),
        "meeting.decision_added": _("recorded a decision of the meeting"),
        "meeting.decision_removed": _("removed a decision of the meeting"),
        "meeting.action_added": _("recorded an action item of the meeting"),
        "meeting.action_removed": _("removed an action item of the meeting"),
        "meeting.minutes_published": _("published the minutes"),
        "meeting.minutes_confirmed": _("confirmed the minutes"),
        "meeting.minutes_objected": _("objected to the minutes"),
        "meeting.minutes_reminded": _("reminded the note-taker that the minutes are due"),
        "meeting.minutes_late": _("warned the host that the minutes are late"),
        "meeting.confirm_reminded": _("reminded the attendees to confirm the minutes"),
        "meeting.confirm_window_closed": _("closed the window to confirm the minutes"),
        "meeting_series.created": _("created the recurring meeting"),
        "meeting_series.extended": _("added occurrences of the recurring meeting"),
        "meeting_series.ended": _("stopped the recurring meeting"),
        "meeting_series.split": _("changed the recurring meeting from one occurrence on"),
    }
)
