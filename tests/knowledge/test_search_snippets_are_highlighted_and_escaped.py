"""Snippets show the original text around the first match, escaped, matches in <mark>."""

from concord.knowledge.search import search, snippet
from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put


def test_the_snippet_marks_the_word_in_the_original_text(org):
    long_start = "背景介绍。" * 60
    put(established(org), "纪要", long_start + "会议同意追加预算五万元用于展会。后续事项另行通知。")
    hit = search(org.alice, "预算").hits[0]
    assert "<mark>预算</mark>" in hit.snippet
    assert "追加<mark>预算</mark>五万元" in hit.snippet  # the original text, not the cut one
    assert hit.snippet.startswith("… ")  # cut around the match, not the start


def test_html_in_the_text_is_escaped(org):
    put(established(org), "<b>预算</b> & 决议", "<script>alert(1)</script> 预算 <i>审批</i>")
    hit = search(org.alice, "预算").hits[0]
    assert "<script>" not in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "&lt;i&gt;审批&lt;/i&gt;" in hit.snippet
    assert str(hit.title) == "&lt;b&gt;<mark>预算</mark>&lt;/b&gt; &amp; 决议"


def test_english_matches_keep_their_case():
    assert str(snippet("Budget review of the API", ["api", "budget"])) == (
        "<mark>Budget</mark> review of the <mark>API</mark>"
    )


def test_latin_words_are_marked_whole_only():
    assert str(snippet("rapid API rollout", ["api"])) == "rapid <mark>API</mark> rollout"
    assert str(snippet("接口API调用", ["api"])) == "接口<mark>API</mark>调用"
