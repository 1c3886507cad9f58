"""`concord token USERNAME`: issue, list or revoke a person's API tokens.

The raw token is written to standard output once and nowhere else; the
event trail and logs only ever see its prefix.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from concord.accounts import selectors, services
from concord.lib.errors import DomainError


class Command(BaseCommand):
    help = "Create (default), list or revoke API tokens of a user."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="command line", help="What the token is for.")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--list", action="store_true", help="List the user's tokens.")
        group.add_argument("--revoke", metavar="PREFIX", help="Revoke the token with this prefix.")

    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        try:
            user = User.objects.get(username=options["username"])
        except User.DoesNotExist as exc:
            raise CommandError(f"No user named {options['username']!r}.") from exc
        # The operator at the console acts as the token's owner: the service's
        # rule (only you may hold your tokens) then holds without an exception.
        try:
            if options["list"]:
                self._list(user)
            elif options["revoke"]:
                self._revoke(user, options["revoke"])
            else:
                _token, raw = services.token_create(actor=user, user=user, name=options["name"])
                self.stdout.write(raw)
        except DomainError as exc:
            raise CommandError(str(exc.message)) from exc

    def _list(self, user: Any) -> None:
        for token in selectors.tokens_of(user):
            state = f"revoked {token.revoked_at:%Y-%m-%d %H:%M}" if token.revoked_at else "active"
            last = f"{token.last_used_at:%Y-%m-%d %H:%M}" if token.last_used_at else "never"
            self.stdout.write(f"{token.prefix}\t{token.name}\t{state}\tlast used {last}")

    def _revoke(self, user: Any, prefix: str) -> None:
        matches = list(selectors.tokens_of(user).filter(prefix__startswith=prefix))
        if not matches:
            raise CommandError(f"No token of {user.get_username()} starts with {prefix!r}.")
        if len(matches) > 1:
            raise CommandError(f"{len(matches)} tokens start with {prefix!r}; give more of it.")
        services.token_revoke(actor=user, token=matches[0])
        self.stdout.write(f"Revoked {matches[0].prefix}.")
