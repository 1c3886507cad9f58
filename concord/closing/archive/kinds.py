"""Notification kinds of the archive and closing.

Parameters: `collaboration` (number and name), `actor`, `document` (the
checklist's wording of the type), `reason`, `name` (the bundle's file
name), `count` (files in it), `error`.
"""

from django.utils.translation import gettext_lazy as _

from concord.notifications.kinds import register_kind

CLOSED = "archive.closed"
WAIVED = "archive.waived"
BUNDLE_READY = "archive.bundle_ready"
BUNDLE_FAILED = "archive.bundle_failed"

register_kind(
    CLOSED,
    # Translators: 结项
    title=_("%(collaboration)s is closed"),
    body=_("Closed by %(actor)s. The archive is being prepared for download."),
)
register_kind(
    WAIVED,
    # Translators: 豁免 — the PMO excuses a required archive document.
    title=_("Archive document waived for %(collaboration)s: %(document)s"),
    body=_("Waived by %(actor)s: %(reason)s"),
)
register_kind(
    BUNDLE_READY,
    # Translators: 归档资料包
    title=_("The archive of %(collaboration)s is ready"),
    body=_("%(name)s — %(count)s files."),
)
register_kind(
    BUNDLE_FAILED,
    title=_("The archive of %(collaboration)s could not be built"),
    body=_("%(error)s"),
)
