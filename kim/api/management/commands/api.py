"""``kim api token create USER --municipality SLUG [--scope read|write] [--module M …]
[--expires DAYS] [--name NAME]`` prints a new token (once); ``kim api token list USER
--municipality SLUG``; ``kim api token revoke PREFIX --municipality SLUG``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError, CommandParser
from django.utils import translation
from django_scopes import scope, scopes_disabled

from kim.api.models import ApiToken
from kim.api.tokens import DEFAULT_DAYS, issue, revoke
from kim.core.audit.context import audit_context
from kim.core.management.oneline import OneLineCommand, OneLineParser


class Command(OneLineCommand):
    help = "Personal access tokens of the REST API"

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="group", required=True, parser_class=OneLineParser)
        token = sub.add_parser("token").add_subparsers(dest="action", required=True,
                                                       parser_class=OneLineParser)
        create = token.add_parser("create")
        create.add_argument("user")
        create.add_argument("--municipality", required=True)
        create.add_argument("--scope", choices=["read", "write"], default="read")
        create.add_argument("--module", action="append", default=[], dest="modules")
        create.add_argument("--expires", type=int, default=DEFAULT_DAYS, metavar="DAYS")
        create.add_argument("--name", default="")
        listing = token.add_parser("list")
        listing.add_argument("user")
        listing.add_argument("--municipality", required=True)
        rev = token.add_parser("revoke")
        rev.add_argument("prefix")
        rev.add_argument("--municipality", required=True)

    def handle(self, *args: Any, **opts: Any) -> None:
        with translation.override("en"):  # command output is English (docs/architecture.md)
            self._handle(opts)

    def _handle(self, opts: dict[str, Any]) -> None:
        from kim.core.models import Municipality, User

        with scopes_disabled():
            town = Municipality.objects.filter(slug=opts["municipality"]).first()
        if town is None:
            raise CommandError(f"municipality: no municipality {opts['municipality']!r}")
        with scope(municipality=town), audit_context(source="command:api",
                                                     municipality_id=town.pk):
            if opts["action"] == "revoke":
                found = ApiToken.objects.filter(prefix=opts["prefix"]).first()
                if found is None:
                    raise CommandError(f"prefix: no token {opts['prefix']!r}")
                revoke(found)
                return
            user = User.objects.filter(username=opts["user"]).first()
            if user is None:
                raise CommandError(f"user: no user {opts['user']!r}")
            if opts["action"] == "list":
                for t in ApiToken.objects.filter(user=user):
                    state = "revoked" if t.revoked_at else "expired" if not t.is_usable else ""
                    self.stdout.write(f"{t.prefix}\t{t.name}\t{t.access}\t"
                                      f"{','.join(t.modules) or '*'}\t"
                                      f"{t.expires_at:%Y-%m-%d}\t{state}".rstrip())
                return
            try:
                issued = issue(user, town, name=opts["name"] or "command line",
                               access=opts["scope"], modules=opts["modules"],
                               days=opts["expires"])
            except ValidationError as exc:
                field, messages = next(iter(exc.message_dict.items()))
                raise CommandError(f"{field}: {messages[0]}") from None
            self.stdout.write(issued.raw)
