"""Every registered form (of every app) renders in every format it declares, in both
languages, or says it has nothing yet — never a 500."""

import time_machine

from concord.knowledge.forms import LANGUAGES, build_file, forms_for
from tests.knowledge.forms_helpers import full
from tests.personas import Org


def test_every_form_renders_or_is_empty(org: Org) -> None:
    p = full(org)
    rendered = 0
    with time_machine.travel("2026-07-02 10:00 +0800", tick=False):
        for spec in forms_for(p.collab):
            for fmt in spec.formats:
                for lang in LANGUAGES:
                    if fmt == "pdf" and lang == "en":
                        continue  # one PDF per form is enough to prove the layout
                    result = build_file(p.collab, p.leo, spec.key, fmt, lang)
                    if result is None:
                        continue
                    name, content = result
                    assert name.startswith("新品上市推广-2026-07-0"), (spec.key, name)
                    assert name.endswith(f".{fmt}")
                    assert content[:4] in (b"PK\x03\x04", b"%PDF"), (spec.key, fmt)
                    rendered += 1
    assert rendered >= 20
