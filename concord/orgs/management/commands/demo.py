"""`concord demo`: create the demo organization and sample collaborations; running it again
changes nothing. `--no-collaborations` loads the organization alone."""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from concord.orgs import demo_collaborations, demo_data, services
from concord.orgs.models import Department, Level, Person


class Command(BaseCommand):
    help = (
        "Create the demo organization (departments, heads, ~50 people) and a few sample "
        "collaborations, and print the logins."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--no-collaborations",
            action="store_true",
            help="Load the organization only, without the sample collaborations.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        with transaction.atomic():
            created = self.create_departments() + self.create_people() + self.set_heads()
            created += self.create_admin()
        self.stdout.write(
            self.style.SUCCESS(f"Demo organization ready ({created} objects created or set).")
        )
        if not options["no_collaborations"]:
            self.load_collaborations()
        self.print_logins()

    def load_collaborations(self) -> None:
        loaded = demo_collaborations.load(keep_going=True)
        if loaded.created:
            names = "、".join(loaded.created)
            self.stdout.write(
                self.style.SUCCESS(
                    f"Sample collaborations created ({len(loaded.created)}): {names}."
                )
            )
        elif not loaded.failed:
            self.stdout.write("Sample collaborations already there (0 created).")
        for name, error in loaded.failed:
            self.stderr.write(
                self.style.WARNING(f"Sample collaboration {name} was not created: {error}")
            )

    def create_departments(self) -> int:
        count = 0
        for d in demo_data.DEPARTMENTS:
            if Department.objects.filter(code=d.code).exists():
                continue
            parent = Department.objects.get(code=d.parent) if d.parent else None
            services.department_create(actor=None, name=d.name, code=d.code, parent=parent)
            count += 1
        return count

    def create_people(self) -> int:
        User = get_user_model()
        count = 0
        for i, p in enumerate(demo_data.PEOPLE):
            if User.objects.filter(username=p.username).exists():
                continue
            services.person_create(
                actor=None,
                username=p.username,
                name=p.name,
                employee_no=demo_data.employee_no(i),
                department=Department.objects.get(code=p.dept),
                email=f"{p.username}@demo.concord.local",
                title=p.title,
                manager=User.objects.get(username=p.manager) if p.manager else None,
                level=p.level,
                is_pmo=p.is_pmo,
                password=demo_data.DEMO_PASSWORD,
            )
            count += 1
        return count

    def set_heads(self) -> int:
        count = 0
        for d in demo_data.DEPARTMENTS:
            dept = Department.objects.get(code=d.code)
            # Only fill an empty seat: a head changed since the demo was made stays.
            if d.head and dept.head_id is None:
                head = get_user_model().objects.get(username=d.head)
                services.department_set_head(actor=None, department=dept, head=head)
                count += 1
        return count

    def create_admin(self) -> int:
        User = get_user_model()
        if User.objects.filter(username=demo_data.ADMIN_USERNAME).exists():
            return 0
        User.objects.create_superuser(
            demo_data.ADMIN_USERNAME, "admin@demo.concord.local", demo_data.DEMO_PASSWORD
        )
        return 1

    def print_logins(self) -> None:
        labels = dict(Level.choices)
        people = {
            p.user.username: p
            for p in Person.objects.select_related("user", "department").filter(
                user__username__in=[p.username for p in demo_data.PEOPLE]
            )
        }
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {demo_data.DEMO_PASSWORD})")
        self.stdout.write(f"{'username':<14}{'password':<15}role")
        self.stdout.write(
            f"{demo_data.ADMIN_USERNAME:<14}{demo_data.DEMO_PASSWORD:<15}Django admin (superuser)"
        )
        for p in demo_data.PEOPLE:
            person = people.get(p.username)
            if person is None:
                continue
            role = f"{person.name} · {person.department.name} · {person.title} · "
            role += str(labels.get(person.level, person.level))
            if person.is_pmo:
                role += " · PMO"
            self.stdout.write(f"{p.username:<14}{demo_data.DEMO_PASSWORD:<15}{role}")
