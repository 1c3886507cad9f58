"""A two-character Chinese word is found inside a longer, segmented sentence."""

from concord.knowledge.search import search
from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put


def test_finds_a_two_character_word_inside_a_sentence(org):
    collab = established(org)
    hit = put(
        collab,
        "第三次协调会会议纪要",
        "会议确认本年度市场推广预算管理办法由财务部牵头修订,下周发布。",
        kind="minutes",
    )
    put(collab, "人员安排", "研发部抽调两名工程师支援测试。")
    results = search(org.alice, "预算")
    assert [h.entry.pk for h in results.hits] == [hit.pk]


def test_every_word_of_the_query_must_match(org):
    collab = established(org)
    both = put(collab, "供应商交付延期的处理", "供应商交付延期三天,采购部跟进。")
    put(collab, "供应商名单", "新增两家供应商。")
    assert [h.entry.pk for h in search(org.alice, "供应商 延期").hits] == [both.pk]


def test_english_words_match_case_insensitively(org):
    collab = established(org)
    hit = put(collab, "Weekly sync", "The API Gateway migration starts next week.")
    assert [h.entry.pk for h in search(org.alice, "api gateway").hits] == [hit.pk]


def test_nothing_is_found_for_an_absent_word(org):
    put(established(org), "预算", "预算调整")
    assert search(org.alice, "量子计算").hits == []
    assert search(org.alice, "").hits == []
