"""Helpers for the approval tests: a subject, a purpose with recording hooks, a started flow."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from concord.approvals import hooks
from concord.approvals.chains import StepSpec, build_chain
from concord.approvals.models import Flow, Step, StepMode
from concord.approvals.services import flow_start
from concord.orgs.models import Department
from concord.timers.models import Timer
from tests.personas import Org

PURPOSE = "test.approval"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):  # type: ignore[no-untyped-def]
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class HookLog:
    calls: list[tuple[str, int, Any]] = field(default_factory=list)

    def record(self, outcome: str):  # type: ignore[no-untyped-def]
        def callback(flow: Flow, actor: Any) -> None:
            self.calls.append((outcome, flow.pk, actor))

        return callback


@pytest.fixture
def hook_log() -> Iterator[HookLog]:
    """Register recording callbacks for PURPOSE; yield the log."""
    log = HookLog()
    hooks.register(
        PURPOSE,
        on_approved=log.record("approved"),
        on_returned=log.record("returned"),
        on_rejected=log.record("rejected"),
    )
    yield log
    hooks.unregister(PURPOSE)


def step(*approvers: Any, mode: str = StepMode.ANY, label: str = "Department head") -> StepSpec:
    return StepSpec(label=label, mode=mode, approvers=tuple(approvers))


def start(
    org: Org,
    steps: list[StepSpec],
    *,
    subject: Department | None = None,
    actor: Any = None,
    purpose: str = PURPOSE,
) -> Flow:
    """Start a flow as the subject's service would: inside its transaction."""
    with transaction.atomic():
        return flow_start(
            actor=actor or org.alice,
            subject=subject or org.market,
            purpose=purpose,
            steps=steps,
        )


def chain_for(
    org: Org,
    *,
    initiator: Any = None,
    department: Department | None = None,
    importance: str = "normal",
    budget: Decimal | None = None,
    kind: str = "project",
) -> list[StepSpec]:
    return build_chain(
        purpose="collaboration.request",
        initiator=initiator or org.alice,
        department=department or org.market,
        kind=kind,
        importance=importance,
        budget=budget,
    )


def pending_timers(step: Step) -> list[str]:
    """Return the kinds of the step's pending approval timers."""
    return sorted(
        Timer.objects.filter(
            subject_type=ContentType.objects.get_for_model(Step),
            subject_id=step.pk,
            state=Timer.State.PENDING,
        ).values_list("kind", flat=True)
    )


def names(chain: list[StepSpec]) -> list[set[str]]:
    return [{u.username for u in s.approvers} for s in chain]
