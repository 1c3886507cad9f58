from django.urls import path

from . import views

app_name = "meetings"

collab = "collaborations/<str:ref>/"
one = f"{collab}meetings/<int:pk>/"

urlpatterns = [
    path("meetings/", views.my_meetings, name="mine"),
    path("meetings/calendar.ics", views.my_calendar, name="my_calendar"),
    path(f"{collab}meetings/", views.meeting_list, name="list"),
    path(f"{collab}meetings/new/", views.meeting_new, name="new"),
    path(f"{collab}meetings/from-plan/", views.series_from_plan, name="from_plan"),
    path(f"{collab}meetings/series/<int:series>/end/", views.series_end, name="series_end"),
    path(f"{collab}decisions/", views.decision_log, name="decisions"),
    path(one, views.meeting_detail, name="detail"),
    path(f"{one}edit/", views.meeting_edit, name="edit"),
    path(f"{one}cancel/", views.meeting_cancel, name="cancel"),
    path(f"{one}attendees/", views.attendee_add, name="attendee_add"),
    path(f"{one}attendees/<int:user>/remove/", views.attendee_remove, name="attendee_remove"),
    path(f"{one}agenda/", views.agenda_edit, name="agenda"),
    path(f"{one}agenda/<int:item>/points/", views.key_points, name="key_points"),
    path(f"{one}disagreements/", views.disagreements, name="disagreements"),
    path(f"{one}decisions/", views.decision_add, name="decision_add"),
    path(f"{one}decisions/<int:decision>/remove/", views.decision_remove, name="decision_remove"),
    path(f"{one}actions/", views.action_add, name="action_add"),
    path(f"{one}actions/<int:action>/remove/", views.action_remove, name="action_remove"),
    path(f"{one}materials/", views.material_add, name="material_add"),
    path(f"{one}materials/send/", views.materials_send, name="materials_send"),
    path(f"{one}materials/<int:material>/", views.material_download, name="material"),
    path(f"{one}materials/<int:material>/remove/", views.material_remove, name="material_remove"),
    path(f"{one}publish/", views.publish, name="publish"),
    path(f"{one}confirm/", views.confirm, name="confirm"),
    path(f"{one}object/", views.object_, name="object"),
    path(f"{one}invitation.ics", views.invitation, name="ics"),
    path(f"{one}minutes.<str:fmt>", views.minutes_export, name="export"),
]
