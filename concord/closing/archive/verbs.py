"""Human labels for the archive app's event verbs."""

from django.utils.translation import gettext_lazy as _

from concord.activity.verbs import register

register(
    {
        # Translators: 结项
        "collaboration.closed": _("closed the collaboration"),
        # Translators: 归档资料
        "archive_document.uploaded": _("uploaded an archive document"),
        # Translators: 豁免
        "archive_waiver.granted": _("waived a required archive document"),
        "archive_waiver.revoked": _("revoked the waiver of an archive document"),
        # Translators: 归档资料包
        "archive_bundle.requested": _("asked for an archive bundle"),
        "archive_bundle.built": _("built the archive bundle"),
        "archive_bundle.failed": _("could not build the archive bundle"),
    }
)
