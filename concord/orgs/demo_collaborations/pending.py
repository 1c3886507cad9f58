"""Sample 4: 直播带货合作伙伴引入, a request waiting in 张伟's 待我审批.

方圆 (市场部) submitted it; 张伟, the head of 市场部, has not decided yet.
"""

from decimal import Decimal

from concord.collaborations.inputs import DatedRow, RequestInput, SuggestedRow
from concord.collaborations.models import Collaboration

from .common import days, dept, existing, submit, user

NAME = "直播带货合作伙伴引入"


def build() -> Collaboration | None:
    if existing(NAME) is not None:
        return None
    return submit(
        user("fangyuan"),
        RequestInput(
            kind="project",
            name=NAME,
            importance="normal",
            contact_phone="13800000020",
            contact_email="fangyuan@demo.concord.local",
            background="直播渠道销量占比逐月上升,需要引入两家头部直播机构作为长期合作伙伴。",
            goals="完成两家直播机构的评估与签约\n首场合作直播 GMV 达到 100 万元",
            start_on=days(14),
            end_on=days(75),
            risks="合作条款与结算方式需要法务、销售共同把关。",
            people_count=5,
            budget=Decimal("150000.00"),
            suggested=[
                SuggestedRow(dept("sales"), [user("tangjian")]),
                SuggestedRow(dept("legal"), [user("kangning")]),
            ],
            key_dates=[DatedRow("完成机构评估", days(30)), DatedRow("首场合作直播", days(60))],
        ),
    )
