"""The archive checklist (《协作资料归档清单》): which documents each kind of collaboration keeps.

A document type is a stable key shared with the standard forms framework:
a form registered with `archive_doc=<key>` (concord.knowledge.forms)
generates that document from live data. The names are the checklist's own
wording, kept here in both languages like the other standard forms (a
Chinese archive must say exactly what the paper list says).

Per kind (decided with the guides: 002 第四步, 003 (四), 004 (五)(六)):

- a project keeps the full set, its milestone review report included;
- a problem collaboration swaps the review report for the effect
  verification (效果验证) and the feedback record;
- a coordination is light: the coordination request, the minutes and the
  feedback record.

Everything else is listed as optional: shown, bundled when present, never
blocking.
"""

from dataclasses import dataclass

from django.utils.translation import get_language

OTHER = "other"

#: key: (Chinese, English) — the order is the checklist's order.
DOC_TYPES: dict[str, tuple[str, str]] = {
    "request": ("需求申请表", "Request form"),
    "plan": ("协作计划与职责分工表", "Plan and RACI"),
    "comm_plan": ("沟通计划", "Communication plan"),
    "minutes": ("会议纪要", "Meeting minutes"),
    "progress": ("任务进度跟踪表", "Progress table"),
    "issue_table": ("问题跟踪表", "Issue table"),
    "acceptance": ("成果验收确认表", "Acceptance record"),
    "verification": ("效果验证报告", "Effect verification"),
    "review_report": ("复盘报告", "Milestone review report"),
    "retrospective": ("沟通协调复盘报告", "Retrospective report"),
    "feedback": ("反馈与改进记录表", "Feedback and improvement record"),
    OTHER: ("其他资料", "Other document"),
}

REQUIRED: dict[str, tuple[str, ...]] = {
    "project": (
        "request",
        "plan",
        "comm_plan",
        "minutes",
        "progress",
        "issue_table",
        "acceptance",
        "review_report",
    ),
    "problem": (
        "request",
        "plan",
        "comm_plan",
        "minutes",
        "progress",
        "issue_table",
        "acceptance",
        "verification",
        "feedback",
    ),
    "coordination": ("request", "minutes", "feedback"),
}

#: Types whose presence only the system of record can show: the acceptance
#: app builds these forms only once every deliverable passed (acceptance)
#: or the latest verification concluded "resolved", so the checklist carries
#: its gate. An upload of these types (a signed paper copy) is kept and
#: bundled, but does not make the item present; the PMO can still waive it.
GENERATED_ONLY = frozenset({"acceptance", "verification"})

#: Types that only make sense for some kinds (others list them nowhere).
ONLY_FOR: dict[str, tuple[str, ...]] = {"verification": ("problem",)}

#: The checklist's own title and column wording.
WORDING: dict[str, tuple[str, str]] = {
    "title": ("协作资料归档清单", "Collaboration archive checklist"),
    "doc_type": ("归档清单", "Archive checklist"),
    "index_title": ("归档资料索引", "Archive index"),
    "no": ("序号", "No."),
    "document": ("资料名称", "Document"),
    "required": ("是否必需", "Required"),
    "status": ("状态", "Status"),
    "source": ("来源", "Source"),
    "file": ("文件名", "File name"),
    "date": ("日期", "Date"),
    "note": ("备注", "Note"),
    "yes": ("是", "Yes"),
    "no_": ("否", "No"),
    "present": ("已归档", "Present"),
    "missing": ("缺失", "Missing"),
    "waived": ("已豁免", "Waived"),
    "generated": ("系统生成", "Generated"),
    "uploaded": ("上传", "Uploaded"),
    "waivers": ("豁免事项", "Waived items"),
    "reason": ("理由", "Reason"),
    "by": ("批准人", "Waived by"),
    "collaboration": ("协作名称", "Collaboration"),
    "number": ("需求编号", "Number"),
    "kind": ("协作类型", "Kind"),
    "state": ("状态", "State"),
    "built": ("生成时间", "Built at"),
    "failed": ("生成失败", "Could not be generated"),
}


def english() -> bool:
    return (get_language() or "zh-hans").lower().startswith("en")


def pick(pair: tuple[str, str]) -> str:
    return pair[1] if english() else pair[0]


def word(key: str) -> str:
    return pick(WORDING[key])


def type_label(doc_type: str) -> str:
    return pick(DOC_TYPES.get(doc_type, DOC_TYPES[OTHER]))


def type_label_zh(doc_type: str) -> str:
    return DOC_TYPES.get(doc_type, DOC_TYPES[OTHER])[0]


@dataclass(frozen=True)
class Entry:
    doc_type: str
    required: bool


def entries_for(kind: str) -> list[Entry]:
    """Return the checklist rows of a kind: every type in order, marked required or not."""
    required = set(REQUIRED.get(kind, ()))
    return [
        Entry(key, key in required)
        for key in DOC_TYPES
        if key != OTHER and kind in ONLY_FOR.get(key, (kind,))
    ]


def upload_types(kind: str) -> list[str]:
    return [e.doc_type for e in entries_for(kind)] + [OTHER]
