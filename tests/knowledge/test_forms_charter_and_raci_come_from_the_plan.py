"""《项目章程》 and 《部门协作职责分工表》 are built from the plan: its goals, scope,
milestones, RACI matrix and the department heads' sign-off as it really stands."""

from django.utils import translation

from concord.knowledge.forms import build_file, forms_for, get_form
from concord.planning import services as planning_services
from tests.collaborations.helpers import established
from tests.knowledge.forms_helpers import docx_text, xlsx_text
from tests.personas import Org
from tests.planning.helpers import ready_plan, sign


def test_the_charter_lists_each_head_and_whether_they_signed(org: Org) -> None:
    collab = established(org)
    ready_plan(org, collab)
    planning_services.plan_submit_for_signoff(actor=org.alice, collaboration=collab)
    sign(collab, org.mark, comment="同意")

    with translation.override("zh-hans"):
        doc = get_form("planning.charter").build(collab, org.alice)
    assert doc is not None
    assert doc.title == "项目章程"
    confirmation = doc.blocks[-1].tables[0].rows
    by_department = {row[0]: row for row in confirmation}
    assert by_department["市场部"][1:3] == ["马经理", "已确认"]
    assert by_department["市场部"][4] == "同意"
    assert by_department["研发部"][2] == "待确认"
    duties = {row[0]: row for row in doc.blocks[3].tables[0].rows}
    assert "接口开发" in duties["研发部"][1]  # responsible
    assert "推广方案" in duties["市场部"][1]  # owns the deliverable
    assert "接口开发" in duties["市场部"][2]  # accountable

    sign(collab, org.rita)
    name, content = build_file(collab, org.alice, "planning.charter", "docx", "zh-hans") or (
        "",
        b"",
    )
    text = docx_text(content)
    assert name.endswith("-项目章程.docx")
    assert "待确认" not in text
    assert text.count("已确认") == 2


def test_the_responsibility_matrix_downloads_on_its_own(org: Org) -> None:
    collab = established(org)
    ready_plan(org, collab)
    result = build_file(collab, org.alice, "planning.raci", "xlsx", "zh-hans")
    assert result is not None
    name, content = result
    assert name.endswith("-部门协作职责分工表.xlsx")
    text = xlsx_text(content)
    assert "负责部门(R)" in text
    assert "接口开发" in text
    assert "含预算" in text
    english = build_file(collab, org.alice, "planning.raci", "docx", "en")
    assert english is not None
    assert "Responsible (R)" in docx_text(english[1])


def test_without_a_plan_both_are_empty_and_the_charter_is_for_projects_only(org: Org) -> None:
    collab = established(org)
    assert build_file(collab, org.alice, "planning.charter", "docx") is None
    assert build_file(collab, org.alice, "planning.raci", "xlsx") is None
    collab.kind = "coordination"  # in memory only: which forms a coordination offers
    keys = {spec.key for spec in forms_for(collab)}
    assert "planning.raci" in keys
    assert "planning.charter" not in keys
