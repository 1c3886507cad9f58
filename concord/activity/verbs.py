"""Human labels for event verbs.

Each app declares its verbs in its own `verbs.py` with `register`, imported
from its AppConfig.ready(), so the timeline reads as a sentence in the
viewer's language ("张三 创建了部门 市场部").
"""

from django.utils.functional import Promise

_LABELS: dict[str, str | Promise] = {}


def register(labels: dict[str, str | Promise]) -> None:
    _LABELS.update(labels)


def label_for(verb: str) -> str:
    label = _LABELS.get(verb)
    return str(label) if label is not None else verb
