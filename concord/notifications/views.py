"""The inbox pages: thin views over selectors, access and services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST
from django_htmx.middleware import HtmxDetails

from concord.lib.errors import DomainError

from . import selectors, services
from .access import notification_for
from .models import Notification

PAGE_SIZE = 20


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _only_unread(request: HtmxHttpRequest) -> bool:
    return request.GET.get("filter", "") == "unread"


@login_required
@require_GET
def inbox(request: HtmxHttpRequest) -> HttpResponse:
    unread_only = _only_unread(request)
    page = Paginator(selectors.inbox_for(request.user, unread_only=unread_only), PAGE_SIZE)
    context = {
        "page": page.get_page(request.GET.get("page")),
        "unread_only": unread_only,
    }
    template = "notifications/inbox.html"
    if request.htmx and request.htmx.target == "inbox-list":
        template = "notifications/partials/inbox_list.html"
    return render(request, template, context)


@login_required
@require_GET
def badge(request: HtmxHttpRequest) -> HttpResponse:
    return render(request, "notifications/partials/header_badge.html")


def _fetch(request: HtmxHttpRequest, pk: int) -> Notification:
    try:
        return notification_for(request.user, pk)
    except DomainError as exc:
        raise Http404(str(exc.message)) from exc


@login_required
@require_POST
def read(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    notification = services.notification_mark_read(
        actor=request.user, notification=_fetch(request, pk)
    )
    if request.htmx:
        notification = selectors.inbox_for(request.user).get(pk=notification.pk)
        return render(
            request, "notifications/partials/item_read.html", {"notification": notification}
        )
    return redirect(_back_to_inbox(request))


@login_required
@require_POST
def read_all(request: HtmxHttpRequest) -> HttpResponse:
    count = services.notification_mark_all_read(actor=request.user)
    if request.htmx:
        unread_only = request.POST.get("filter", "") == "unread"
        page = Paginator(selectors.inbox_for(request.user, unread_only=unread_only), PAGE_SIZE)
        return render(
            request,
            "notifications/partials/read_all.html",
            {"page": page.get_page(1), "unread_only": unread_only},
        )
    messages.success(
        request,
        ngettext(
            "%(count)d notification marked as read.",
            "%(count)d notifications marked as read.",
            count,
        )
        % {"count": count},
    )
    return redirect(_back_to_inbox(request))


@login_required
@require_POST
def open_notification(request: HtmxHttpRequest, pk: int) -> HttpResponse:
    """Mark the notification read and go to what it is about."""
    notification = services.notification_mark_read(
        actor=request.user, notification=_fetch(request, pk)
    )
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = reverse("notifications:inbox")
    return redirect(target)


def _back_to_inbox(request: HtmxHttpRequest) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("notifications:inbox")
