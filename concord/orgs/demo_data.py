"""The demo organization: the ten departments the guides use, ~50 people.

Usernames are the pinyin of the names; everyone shares DEMO_PASSWORD.
`concord demo` creates it through the services (see
management/commands/demo.py) and docs/demo-logins.md lists the logins.
"""

from typing import NamedTuple

from .models import Level

DEMO_PASSWORD = "concord-demo"
ADMIN_USERNAME = "admin"


class Dept(NamedTuple):
    code: str
    name: str
    parent: str | None
    head: str | None


class P(NamedTuple):
    username: str
    name: str
    dept: str
    title: str
    level: str = Level.STAFF
    manager: str | None = None
    is_pmo: bool = False


DEPARTMENTS = [
    Dept("gmo", "总经办", None, "wangjianguo"),
    Dept("market", "市场部", "gmo", "zhangwei"),
    Dept("finance", "财务部", "gmo", "liuyang"),
    Dept("product", "产品部", "gmo", "yangfan"),
    Dept("sales", "销售部", "gmo", "huanglei"),
    Dept("design", "设计部", "gmo", "zhouting"),
    Dept("rnd", "研发部", "gmo", "wuhao"),
    Dept("ops", "运营部", "gmo", "xuli"),
    Dept("service", "客服部", "gmo", "zhuxiaoyan"),
    Dept("data", "数据部", "gmo", "hejun"),
    Dept("legal", "法务部", "gmo", "guoqing"),
]

# Managers come before their reports, so the list can be created in order.
PEOPLE = [
    P("wangjianguo", "王建国", "gmo", "总经理", Level.GM),
    P("liqiang", "李强", "gmo", "分管副总", Level.VP, "wangjianguo"),
    P("zhaomin", "赵敏", "gmo", "市场运营总监", Level.DIRECTOR, "liqiang"),
    P("sunhao", "孙浩", "gmo", "技术产品总监", Level.DIRECTOR, "liqiang"),
    P("chenjing", "陈静", "gmo", "PMO 流程负责人", Level.STAFF, "wangjianguo", is_pmo=True),
    P("zhengxin", "郑欣", "gmo", "总经理助理", Level.STAFF, "wangjianguo"),
    # Department heads.
    P("zhangwei", "张伟", "market", "市场部经理", Level.DEPARTMENT_HEAD, "zhaomin"),
    P("liuyang", "刘洋", "finance", "财务部经理", Level.DEPARTMENT_HEAD, "liqiang"),
    P("yangfan", "杨帆", "product", "产品部经理", Level.DEPARTMENT_HEAD, "sunhao"),
    P("huanglei", "黄磊", "sales", "销售部经理", Level.DEPARTMENT_HEAD, "zhaomin"),
    P("zhouting", "周婷", "design", "设计部经理", Level.DEPARTMENT_HEAD, "sunhao"),
    P("wuhao", "吴昊", "rnd", "研发部经理", Level.DEPARTMENT_HEAD, "sunhao"),
    P("xuli", "徐丽", "ops", "运营部经理", Level.DEPARTMENT_HEAD, "zhaomin"),
    P("zhuxiaoyan", "朱晓燕", "service", "客服部经理", Level.DEPARTMENT_HEAD, "zhaomin"),
    P("hejun", "何军", "data", "数据部经理", Level.DEPARTMENT_HEAD, "sunhao"),
    P("guoqing", "郭庆", "legal", "法务部经理", Level.DEPARTMENT_HEAD, "liqiang"),
    # Staff.
    P("lina", "李娜", "market", "市场专员", manager="zhangwei"),
    P("wangfang", "王芳", "market", "品牌经理", manager="zhangwei"),
    P("zhoujie", "周杰", "market", "活动策划", manager="zhangwei"),
    P("fangyuan", "方圆", "market", "市场专员", manager="zhangwei"),
    P("zhangli", "张丽", "finance", "会计", manager="liuyang"),
    P("qianyu", "钱宇", "finance", "出纳", manager="liuyang"),
    P("baiyun", "白云", "finance", "财务分析师", manager="liuyang"),
    P("maxiaoming", "马晓明", "product", "产品经理", manager="yangfan"),
    P("linxue", "林雪", "product", "产品经理", manager="yangfan"),
    P("gaoyuan", "高远", "product", "产品助理", manager="yangfan"),
    P("luoqiang", "罗强", "sales", "销售代表", manager="huanglei"),
    P("songjia", "宋佳", "sales", "大客户经理", manager="huanglei"),
    P("tangjian", "唐健", "sales", "销售代表", manager="huanglei"),
    P("hanmei", "韩梅", "sales", "销售助理", manager="huanglei"),
    P("xiena", "谢娜", "design", "UI 设计师", manager="zhouting"),
    P("fengchen", "冯晨", "design", "交互设计师", manager="zhouting"),
    P("caoyu", "曹雨", "design", "视觉设计师", manager="zhouting"),
    P("caojun", "曹军", "rnd", "架构师", manager="wuhao"),
    P("dengchao", "邓超", "rnd", "后端工程师", manager="wuhao"),
    P("pengyu", "彭宇", "rnd", "后端工程师", manager="wuhao"),
    P("xujing", "许静", "rnd", "前端工程师", manager="wuhao"),
    P("hanlei", "韩磊", "rnd", "测试工程师", manager="wuhao"),
    P("zenglin", "曾琳", "ops", "运营专员", manager="xuli"),
    P("xiaoyu", "萧雨", "ops", "内容运营", manager="xuli"),
    P("tianye", "田野", "ops", "用户运营", manager="xuli"),
    P("shenyue", "沈悦", "ops", "活动运营", manager="xuli"),
    P("jiangtao", "蒋涛", "service", "客服主管", manager="zhuxiaoyan"),
    P("panli", "潘丽", "service", "客服专员", manager="jiangtao"),
    P("duwei", "杜伟", "service", "客服专员", manager="jiangtao"),
    P("yuanhao", "袁浩", "data", "数据分析师", manager="hejun"),
    P("luxin", "陆欣", "data", "数据工程师", manager="hejun"),
    P("cuiying", "崔颖", "data", "数据分析师", manager="hejun"),
    P("wenqian", "温倩", "legal", "法务专员", manager="guoqing"),
    P("kangning", "康宁", "legal", "合规专员", manager="guoqing"),
]


def employee_no(index: int) -> str:
    return f"CN{index + 1:04d}"
