"""The standard forms of the apps that existed before the forms framework.

Each builder lives with its app's export code (`<app>/exports.py`) and is
registered here, so the knowledge app's ready() registers them all in one
place; newer apps (issues, meetings, closing) register their own forms
from their AppConfig.ready().
"""

from typing import Any

from django.core.exceptions import ObjectDoesNotExist

from .forms import FormDoc, register_form


def _request(collab: Any, user: Any) -> FormDoc | None:
    from concord.collaborations import exports, selectors

    try:
        return exports.request_form(selectors.detail_of(collab), user)
    except ObjectDoesNotExist:  # a collaboration without its request rows
        return None


def _confirmation(collab: Any, user: Any) -> FormDoc | None:
    from concord.collaborations.confirmation import confirmation_form

    return confirmation_form(collab, user)


def _plan(collab: Any, user: Any) -> FormDoc | None:
    from concord.planning.exports import plan_form

    return plan_form(collab, user)


def _comm_plan(collab: Any, user: Any) -> FormDoc | None:
    from concord.communication.exports import plan_form

    return plan_form(collab, user)


def _charter(collab: Any, user: Any) -> FormDoc | None:
    from concord.planning.charter import charter_form

    return charter_form(collab, user)


def _raci(collab: Any, user: Any) -> FormDoc | None:
    from concord.planning.charter import raci_form

    return raci_form(collab, user)


def _notices(collab: Any, user: Any) -> FormDoc | None:
    from concord.changes.exports import notices_form

    return notices_form(collab, user)


def _resources(collab: Any, user: Any) -> FormDoc | None:
    from concord.changes.exports import resources_form

    return resources_form(collab, user)


def _progress(collab: Any, user: Any) -> FormDoc | None:
    from concord.tasks.exports import progress_form

    return progress_form(collab, user)


def register_standard_forms() -> None:
    register_form(
        "collaborations.request",
        label=("跨部门协作需求申请表", "Collaboration request form"),
        builder=_request,
        archive_doc="request",
        order=10,
    )
    register_form(
        "collaborations.confirmation",
        label=("需求确认单", "Requirement confirmation"),
        builder=_confirmation,
        order=12,
    )
    register_form(
        "planning.plan",
        label=("跨部门协作计划书(含职责分工表)", "Collaboration plan (with RACI matrix)"),
        builder=_plan,
        formats=("docx", "pdf", "xlsx"),
        archive_doc="plan",
        order=20,
    )
    register_form(
        "planning.charter",
        label=("项目章程", "Project charter"),
        builder=_charter,
        kinds=("project",),
        order=21,
    )
    register_form(
        "planning.raci",
        label=("部门协作职责分工表", "Responsibility matrix (RACI)"),
        builder=_raci,
        formats=("xlsx", "docx", "pdf"),
        order=22,
    )
    register_form(
        "communication.plan",
        label=("跨部门项目沟通计划表", "Communication plan"),
        builder=_comm_plan,
        formats=("docx", "pdf", "xlsx"),
        archive_doc="comm_plan",
        order=25,
    )
    register_form(
        "changes.notices",
        label=("变更通知", "Change notices"),
        builder=_notices,
        order=40,
    )
    register_form(
        "changes.resources",
        label=("资源申请表", "Resource requests"),
        builder=_resources,
        formats=("docx", "pdf", "xlsx"),
        order=42,
    )
    register_form(
        "tasks.progress",
        label=("任务进度跟踪表", "Task progress tracking sheet"),
        builder=_progress,
        formats=("xlsx", "docx", "pdf"),
        archive_doc="progress",
        order=30,
    )
