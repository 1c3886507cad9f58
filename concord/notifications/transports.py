"""Outside channels: one small class per channel, found by name in a registry.

A transport sends one `Delivery` or raises `TransportError`, saying whether
trying again later may help. Email is the first; IM robots (apprise) come
later as further transports registered the same way.
"""

import smtplib
from typing import TYPE_CHECKING, ClassVar

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import translation
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from .models import Delivery


class TransportError(Exception):
    """Sending failed; `retry` says whether a later attempt may succeed."""

    def __init__(self, message: str, *, retry: bool = True) -> None:
        super().__init__(message)
        self.retry = retry


class Transport:
    channel: ClassVar[str]

    def send(self, delivery: "Delivery") -> None:
        raise NotImplementedError


_TRANSPORTS: dict[str, Transport] = {}


def register_transport(transport: Transport) -> Transport:
    _TRANSPORTS[transport.channel] = transport
    return transport


def get_transport(channel: str) -> Transport:
    try:
        return _TRANSPORTS[channel]
    except KeyError:
        raise TransportError(f"no transport for channel {channel!r}", retry=False) from None


def recipient_language(user: object) -> str:
    person = getattr(user, "person", None)
    return getattr(person, "language", None) or settings.LANGUAGE_CODE


def absolute_url(url: str) -> str:
    if not url or url.startswith(("http://", "https://")):
        return url
    return settings.CONCORD_BASE_URL.rstrip("/") + "/" + url.lstrip("/")


class EmailTransport(Transport):
    """Email through Django's configured backend, in the recipient's language."""

    channel = "email"

    def build(self, delivery: "Delivery") -> EmailMultiAlternatives:
        notification = delivery.notification
        with translation.override(recipient_language(notification.recipient)):
            subject = notification.title
            lines = [notification.body] if notification.body else []
            link = absolute_url(notification.url)
            if link:
                lines.append(_("Open in Concord: %(link)s") % {"link": link})
            lines.append(_("You receive this email because you use Concord."))
        # Header injection: a newline in a subject is refused by Django.
        subject = " ".join(subject.split())
        return EmailMultiAlternatives(
            subject=subject,
            body="\n\n".join(lines) + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[delivery.address],
        )

    def send(self, delivery: "Delivery") -> None:
        message = self.build(delivery)
        try:
            sent = message.send(fail_silently=False)
        except smtplib.SMTPRecipientsRefused as exc:
            raise TransportError(f"recipient refused: {exc.recipients}", retry=False) from exc
        except smtplib.SMTPResponseException as exc:
            # 5xx is permanent (bad address, policy); 4xx is a temporary refusal.
            raise TransportError(
                f"SMTP {exc.smtp_code}: {exc.smtp_error!r}", retry=exc.smtp_code < 500
            ) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise TransportError(f"{type(exc).__name__}: {exc}", retry=True) from exc
        if not sent:
            raise TransportError("the email backend sent nothing", retry=True)


register_transport(EmailTransport())
