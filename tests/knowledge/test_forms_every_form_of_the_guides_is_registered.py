"""Every form the five guides (shared/seeds) name is a registered standard form,
and the ones that are tables also download as .xlsx.

The guides' worked examples also name documents that are a deliverable's own
content, which no system can generate (《延迟原因说明报告》, 《数据提报格式模板》,
《跨部门数据提报规范》, 《新品推广初步方案》, 《产品参数初稿》, 《测试问题清单》): they
are archived as uploads ("other document"), not listed here.
"""

import pytest

from concord.knowledge.forms import all_forms

# the guide's name (seed) -> (registered key, a table that needs .xlsx)
GUIDE_FORMS: dict[str, tuple[str, bool]] = {
    "跨部门协作需求申请表 (000)": ("collaborations.request", False),
    "部门协作需求申请表 表1 (002)": ("collaborations.request", False),
    "跨部门沟通协调需求单 表1 (003)": ("collaborations.request", False),
    "需求确认单 (004)": ("collaborations.confirmation", False),
    "跨部门协作计划书 (000)": ("planning.plan", False),
    "项目章程 (004)": ("planning.charter", False),
    "部门协作职责分工表 (002)": ("planning.raci", True),
    "沟通机制确认表 (002)": ("communication.plan", True),
    "跨部门项目沟通计划表 模板一 (004)": ("communication.plan", True),
    "需求沟通会议纪要 (002)": ("meetings.minutes", False),
    "沟通协调会议纪要 表2 (003)": ("meetings.minutes", False),
    "会议纪要 (003, 004)": ("meetings.minutes", False),
    "任务进度跟踪表 (002)": ("tasks.progress", True),
    "执行进度表 (003)": ("tasks.progress", True),
    "问题处理记录表 (002)": ("issues.table", True),
    "问题跟踪表 模板三 (004)": ("issues.table", True),
    "资源申请表 (003)": ("changes.resources", True),
    "成果自检清单 (002)": ("acceptance.selfcheck", True),
    "成果验收确认表 (002)": ("acceptance.record", True),
    "效果验证 (001 第五步)": ("acceptance.verification", False),
    "复盘报告 (004)": ("reviews.milestone_report", False),
    "沟通协调复盘报告 (003)": ("reviews.retrospective", False),
    "反馈与改进记录表 (001)": ("reviews.feedback_record", True),
    "协作资料归档清单 (002)": ("archive.checklist", True),
}


@pytest.mark.parametrize("name", GUIDE_FORMS)
def test_the_guide_form_is_registered_in_docx_and_pdf(name: str) -> None:
    key, table = GUIDE_FORMS[name]
    forms = {spec.key: spec for spec in all_forms()}
    assert key in forms, f"{name}: no standard form {key}"
    wanted = {"docx", "pdf", "xlsx"} if table else {"docx", "pdf"}
    assert wanted <= set(forms[key].formats), (name, forms[key].formats)
