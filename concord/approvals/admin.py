"""Admin: approval rules are configuration (edited here, recorded through `rule_save`);
flows are read-only history."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from . import services
from .access import may_configure
from .models import ApprovalRule, ApprovalRuleStep, Flow, Step, StepApprover, StepDecision


class RuleStepInline(admin.TabularInline[ApprovalRuleStep, ApprovalRule]):
    model = ApprovalRuleStep
    extra = 1
    fields = ["position", "role", "mode", "label"]


@admin.register(ApprovalRule)
class ApprovalRuleAdmin(admin.ModelAdmin[ApprovalRule]):
    list_display = [
        "name",
        "purpose",
        "collaboration_kind",
        "min_importance",
        "min_budget",
        "remind_after_working_days",
        "escalate_after_working_days",
        "priority",
        "is_active",
    ]
    list_filter = ["purpose", "min_importance", "is_active"]
    inlines = [RuleStepInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return may_configure(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return may_configure(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # Switch a rule off instead: old flows were built from it.
        return False

    def save_model(self, request: HttpRequest, obj: ApprovalRule, form: Any, change: bool) -> None:
        # The event is written in save_related, once the steps are saved too.
        obj.save()

    def save_related(self, request: HttpRequest, form: Any, formsets: Any, change: bool) -> None:
        super().save_related(request, form, formsets, change)
        services.rule_save(actor=request.user, rule=form.instance, changed=form.changed_data)


class ReadOnlyInline(admin.TabularInline[Any, Any]):
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class StepInline(ReadOnlyInline):
    model = Step
    fields = readonly_fields = (
        "position",
        "label",
        "mode",
        "state",
        "activated_at",
        "finished_at",
    )
    show_change_link = True


class StepApproverInline(ReadOnlyInline):
    model = StepApprover
    fields = readonly_fields = ("user",)


class StepDecisionInline(ReadOnlyInline):
    model = StepDecision
    fields = readonly_fields = (
        "approver",
        "decided_by",
        "decision",
        "comment",
        "decided_at",
    )


class ReadOnlyAdmin(admin.ModelAdmin[Any]):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Flow)
class FlowAdmin(ReadOnlyAdmin):
    list_display = ["subject_repr", "purpose", "round", "state", "started_by", "started_at"]
    list_filter = ["purpose", "state"]
    search_fields = ["subject_repr"]
    list_select_related = ["started_by"]
    inlines = [StepInline]


@admin.register(Step)
class StepAdmin(ReadOnlyAdmin):
    list_display = ["flow", "position", "label", "state"]
    list_select_related = ["flow"]
    inlines = [StepApproverInline, StepDecisionInline]
