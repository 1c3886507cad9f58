"""A confidential collaboration's content is found only by those who may see it."""

from concord.knowledge.search import recent, search
from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put


def test_outsiders_do_not_find_a_confidential_collaborations_content(org):
    secret = established(org, name="并购评估", confidential=True)
    open_collab = established(org, name="新品上市推广")
    hidden = put(secret, "并购预算决议", "收购预算上限三亿元。")
    shown = put(open_collab, "推广预算决议", "推广预算增加十万元。")
    everyone = put(None, "预算管理制度", "全公司适用的预算管理制度。", kind="document")

    def found(user):  # type: ignore[no-untyped-def]
        return {h.entry.pk for h in search(user, "预算").hits}

    assert found(org.alice) == {hidden.pk, shown.pk, everyone.pk}  # the initiator
    assert found(org.pam) == {hidden.pk, shown.pk, everyone.pk}  # the PMO
    assert hidden.pk not in found(org.oscar)
    assert found(org.oscar) == {everyone.pk}  # organization-wide entries only
    assert hidden.pk not in {e.pk for e in recent(org.oscar)}


def test_a_reader_who_sees_most_collaborations_misses_only_the_hidden_one(org):
    secret = established(org, name="并购评估", confidential=True)
    shown = [put(established(org, name=f"推广{i}"), f"推广预算{i}", "预算") for i in range(3)]
    hidden = put(secret, "并购预算", "预算")
    found = {h.entry.pk for h in search(org.rita, "预算").hits}  # head of 研发部, taking part
    assert found == {e.pk for e in shown}
    assert hidden.pk not in found


def test_very_common_words_rank_within_the_newest_matches(org, monkeypatch):
    from concord.knowledge import search as engine

    monkeypatch.setattr(engine, "WINDOW", 2)
    collab = established(org)
    entries = [put(collab, f"预算{i}", "预算") for i in range(4)]
    found = [h.entry.pk for h in search(org.alice, "预算").hits]
    assert sorted(found) == sorted(e.pk for e in entries[-2:])


def test_the_limit_applies_to_what_the_reader_may_see(org):
    secret = established(org, name="并购评估", confidential=True)
    for i in range(5):
        put(secret, f"并购预算{i}", "预算" * 5)
    visible = put(None, "预算制度", "预算")
    hits = search(org.oscar, "预算", limit=1).hits
    assert [h.entry.pk for h in hits] == [visible.pk]


def test_anonymous_readers_find_nothing(org):
    from django.contrib.auth.models import AnonymousUser

    put(None, "预算制度", "预算")
    assert search(AnonymousUser(), "预算").hits == []
