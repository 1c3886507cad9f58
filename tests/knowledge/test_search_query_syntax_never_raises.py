"""Whatever is typed, the query never reaches the FTS5 / tsquery syntax."""

import pytest

from concord.knowledge.search import search
from tests.collaborations.helpers import established
from tests.knowledge.search_helpers import put

# Syntax characters separate words; keywords are plain words, which must
# then be in the document too (so "预算 OR" finds nothing here).
NASTY = [
    ('"预算', True),
    ("预算*", True),
    ("-预算", True),
    ("(预算", True),
    ("预算)", True),
    ("预算 & | ! <-> :*", True),
    ("^预算", True),
    ("{预算}", True),
    ("'预算'", True),
    ("预算" * 300, True),
    ("预算 OR", False),
    ("OR", False),
    ("AND NOT", False),
    ("NEAR(预算 调整)", False),
    ("title:预算", False),
    ("'; DROP TABLE knowledge_searchentry; --", False),
    ("\\", False),
    ("   ", False),
]


@pytest.mark.parametrize(("query", "found"), NASTY)
def test_syntax_characters_are_treated_as_separators(org, query, found):
    put(established(org), "预算调整", "预算")
    assert bool(search(org.alice, query).hits) is found


def test_or_and_not_are_plain_words(org):
    collab = established(org)
    both = put(collab, "Plan OR budget", "or not")
    put(collab, "budget only", "")
    assert [h.entry.pk for h in search(org.alice, "budget OR").hits] == [both.pk]
