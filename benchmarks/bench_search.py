"""Benchmark knowledge search over 100,000 documents (a script).

    .venv/bin/python benchmarks/bench_search.py [--docs 100000] [--rounds 15]

Uses a throw-away SQLite file in a temporary folder (set DATABASE_URL to
measure on PostgreSQL). Builds the documents — Chinese business prose mixed
with English, 1 to 40 sentences each, spread over 40 collaborations (one of
them confidential) and some organization-wide entries — then times
`knowledge.search.search()` (the ranked query, loading the page of entries
and cutting their snippets) for several kinds of query, as seen by a member
and by an outsider, printing the median and the spread (min–max). The goal
(issue 8): under 100 ms per query.

Sentences are cut by jieba once and documents are assembled from the cut
sentences: jieba splits at punctuation, so this gives the same words as
cutting each document, in a fraction of the time.

Measured 2026-11-21 on the 2-core development machine, shared with other
jobs (load average 1-3), 15 rounds: every query's median was 2-36 ms on
SQLite 3.40 (worst max 47 ms) and 3-57 ms on PostgreSQL 15 (worst max
62 ms); the slowest were the 7-word sentence query and very common words
as an outsider.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
# The SQLite file of 100,000 documents takes ~280 MB: remove it afterwards.
_SCRATCH = "" if "CONCORD_DATA_DIR" in os.environ else tempfile.mkdtemp(prefix="concord-bench-")
os.environ.setdefault("CONCORD_DATA_DIR", _SCRATCH)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "concord.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from benchmarks.bench_foundation import QueryCounter, measure  # noqa: E402

SENTENCES = [
    "本季度市场推广预算执行率为百分之{n},较计划偏低。",
    "研发部提出接口联调需要延期{n}个工作日,原因是测试环境不可用。",
    "会议决定由采购部牵头完成供应商资质审核,{d}前提交结果。",
    "财务部确认年度预算调整方案,新增费用{n}万元由总经办审批。",
    "项目组复盘认为跨部门沟通不畅是交付延期的主要原因。",
    "建议今后跨部门流程修订须经法务部预审。",
    "客户投诉集中在物流配送时效,需要仓储部与客服部联合排查根因。",
    "质量部完成成果验收,{n}项交付物中有两项需补充完善。",
    "人力资源部将于{d}组织新员工培训,各部门报送名单。",
    "信息部负责数据迁移,迁移窗口安排在周末夜间。",
    "销售部反馈新品定价偏高,建议重新评估成本结构。",
    "本次问题的现象是订单系统响应缓慢,影响范围覆盖华东区域{n}家门店。",
    "根本原因为数据库连接池配置不当,已在测试环境验证修复方案。",
    "效果验证结果为部分解决,遗留事项由运维组跟进。",
    "资源申请已获批准:增加开发人员{n}名,设备预算{n}万元。",
    "里程碑评审通过,下一阶段重点是试点门店上线和用户培训。",
    "风险提示:供应商交付能力存在不确定性,需准备备选方案。",
    "会议纪要已发送各相关部门,请于三个工作日内确认。",
    "改进措施包括建立周例会机制和统一的问题跟踪表。",
    "法务部审核合同条款,重点关注知识产权和违约责任。",
    "行政部协调会议室与差旅安排,费用按实际发生报销。",
    "项目经理每周五更新进度表,延期任务标记为黄色预警。",
    "有效做法:需求澄清阶段邀请一线员工参与访谈。",
    "待改进点:需求变更未及时通知下游部门,导致返工。",
    "The API gateway migration is scheduled for week {n}; the rollback plan is ready.",
    "Budget variance is within five percent of the approved plan.",
    "Root cause: the nightly batch job exhausted the connection pool.",
    "Action item: the vendor will deliver the revised specification by {d}.",
    "Stakeholders agreed to postpone the pilot launch until the audit closes.",
    "Customer satisfaction improved after the new escalation process went live.",
    "The retrospective highlighted clear ownership and daily stand-ups as what worked.",
]
# About one document in a thousand carries one of these.
RARE = [
    "碳中和目标纳入供应链评估指标体系。",
    "A zeppelin-themed campaign was rejected by the brand committee.",
]
TITLES = [
    "{name}周例会会议纪要",
    "关于{name}预算调整的决议",
    "{name}里程碑复盘报告",
    "{name}沟通协调复盘报告",
    "{name}成果验收确认表",
    "{name} weekly sync minutes",
    "{name}问题处理记录",
]
NAMES = ["新品上市", "华东仓储优化", "订单系统升级", "供应链协同", "门店数字化", "客服质量提升"]
KINDS = ["minutes", "decision", "review", "retrospective", "document", "issue"]
QUERIES = [
    ("two-character word, common (预算)", "预算"),
    ("multi-word (供应商 交付 延期)", "供应商 交付 延期"),
    ("sentence-like (跨部门流程修订须经法务部预审)", "跨部门流程修订须经法务部预审"),
    ("English (connection pool)", "connection pool"),
    ("rare term (碳中和)", "碳中和"),
    ("rare English (zeppelin)", "zeppelin"),
    ("very common (项目)", "项目"),
    ("no match (量子计算)", "量子计算"),
]
COLLABS = 40


def build(org, docs: int) -> None:  # type: ignore[no-untyped-def]
    from concord.collaborations.models import Collaboration
    from concord.knowledge import segment
    from concord.knowledge.models import SearchEntry
    from tests.collaborations.helpers import established

    rng = random.Random(8)
    collabs = [established(org, name=f"协作 {i:02d}") for i in range(COLLABS)]
    Collaboration.objects.filter(pk=collabs[0].pk).update(confidential=True)
    collabs += [None] * (COLLABS // 8)  # organization-wide entries
    # Every sentence variant cut once; documents reuse the cuts.
    variants = []
    for s in SENTENCES:
        for k in range(12):
            text = s.format(n=rng.randint(2, 99), d=f"{rng.randint(1, 12)}月{k + 1}日")
            variants.append((text, segment.segment(text)))
    rare = [(text, segment.segment(text)) for text in RARE]
    titles = []
    for t in TITLES:
        for name in NAMES:
            text = t.format(name=name)
            titles.append((text, segment.segment(text)))
    fp = segment.fingerprint()
    from django.contrib.contenttypes.models import ContentType

    ct = ContentType.objects.get_for_model(SearchEntry)
    now = timezone.now()
    batch: list[SearchEntry] = []
    started = time.perf_counter()
    for i in range(docs):
        n = min(40, int(rng.expovariate(1 / 8)) + 1)
        picked = [rng.choice(variants) for _ in range(n)]
        if rng.random() < 0.001:
            picked.append(rare[rng.randrange(len(rare))])
        title, seg_title = rng.choice(titles)
        collab = rng.choice(collabs)
        batch.append(
            SearchEntry(
                source_type=ct,
                source_id=i + 1,
                collaboration=collab,
                kind=KINDS[i % len(KINDS)],
                title=title,
                body="".join(p[0] for p in picked),
                url=f"/knowledge/{i}/",
                when=now - timedelta(minutes=i),
                segmented_title=seg_title,
                segmented_body=" ".join(p[1] for p in picked),
                segmenter=fp,
            )
        )
        if len(batch) == 5000:
            with transaction.atomic():
                SearchEntry.objects.bulk_create(batch)
            batch = []
    if batch:
        with transaction.atomic():
            SearchEntry.objects.bulk_create(batch)
    call_command("reindex", verbosity=0)
    print(f"built {docs} documents in {time.perf_counter() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    import logging

    logging.disable(logging.INFO)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    print(f"database: {connection.vendor}; rounds: {args.rounds}; cores: {os.cpu_count()}")
    call_command("migrate", verbosity=0)

    from concord.knowledge.search import search
    from tests.personas import make_org

    org = make_org()
    build(org, args.docs)
    for who, user in (("member", org.alice), ("outsider", org.oscar)):
        for label, query in QUERIES:
            results = search(user, query)
            with QueryCounter() as ctx:
                search(user, query)
            measure(f"{who}: {label}", lambda u=user, q=query: search(u, q), rounds=args.rounds)
            more = "+" if results.more else ""
            print(f"{'':<58} ({len(results.hits)}{more} hits, {ctx.count} queries)")


if __name__ == "__main__":
    try:
        main()
    finally:
        if _SCRATCH:
            import shutil

            shutil.rmtree(_SCRATCH, ignore_errors=True)
