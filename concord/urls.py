from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from concord import views
from concord.api.site import api

urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("concord.accounts.urls")),
    path("org/", include("concord.orgs.urls")),
    path("inbox/", include("concord.notifications.urls")),
    path("activity/", include("concord.activity.urls")),
    path("collaborations/", include("concord.collaborations.urls")),
    path("collaborations/<str:ref>/plan/", include("concord.planning.urls")),
    path("collaborations/<str:ref>/changes/", include("concord.changes.urls")),
    path("collaborations/<str:ref>/communication/", include("concord.communication.urls")),
    # Board, task pages, Gantt and digest under collaborations/<ref>/, and /my-work/.
    path("", include("concord.tasks.urls")),
    path("", include("concord.issues.urls")),
    path("", include("concord.meetings.urls")),
    path("", include("concord.knowledge.urls")),
    path("", include("concord.closing.reviews.urls")),
    path("", include("concord.closing.acceptance.urls")),
    path("", include("concord.closing.archive.urls")),
    path("approvals/", include("concord.approvals.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
