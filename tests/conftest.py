import importlib
from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.utils import translation

from concord.approvals.models import ApprovalRule
from concord.changes.models import ChangeApprovalRule
from tests.personas import Org, make_org


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 as in production, with the cost turned down.

    The production parameters take ~0.6 s per hash; the org fixture hashes
    eight passwords, which would make every test five seconds slower.
    """

    time_cost = 1
    memory_cost = 64
    parallelism = 1


#: Data migrations that create configuration rows, with the model that tells
#: whether their rows are there.
_DEFAULT_CONFIGURATION = [
    ("concord.approvals.migrations.0002_default_rules", ApprovalRule),
    ("concord.changes.migrations.0002_default_rules", ChangeApprovalRule),
]


def _restore_default_configuration() -> None:
    """Put back the configuration rows that data migrations create.

    A transactional test (threads, live server) empties every table when it
    ends, so the tests after it would find no approval rules.
    """
    for module, model in _DEFAULT_CONFIGURATION:
        if not model.objects.exists():
            importlib.import_module(module).create(apps, None)


@pytest.fixture
def org(db: None) -> Org:
    _restore_default_configuration()
    return make_org()


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Keep every test's files (mail, media) in its own temporary folder."""
    settings.PASSWORD_HASHERS = ["tests.conftest.FastArgon2PasswordHasher"]
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _default_language() -> Any:
    """Start every test in the default language (Chinese).

    Django's test Client activates the language of each request in the test's
    own thread and leaves it there, so without this a test would see whatever
    language the previous test's last request spoke.
    """
    translation.activate("zh-hans")
    yield
    translation.deactivate()


@pytest.fixture
def api(org: Org) -> Any:
    """Return `call(who, method, path, **kw)` speaking to /api/v1 with who's token.

    `who` is a persona's name ("alice") or None for an anonymous call;
    `json=` sends a JSON body.
    """
    from django.test import Client

    from concord.accounts import services as account_services

    tokens: dict[str, str] = {}

    def call(who: str | None, method: str, path: str, **kw: Any) -> Any:
        headers = dict(kw.pop("headers", {}))
        if who is not None:
            if who not in tokens:
                user = getattr(org, who)
                tokens[who] = account_services.token_create(actor=user, user=user, name="t")[1]
            headers["Authorization"] = f"Bearer {tokens[who]}"
        if "json" in kw:
            kw["data"] = kw.pop("json")
            kw["content_type"] = "application/json"
        return getattr(Client(), method)(f"/api/v1{path}", headers=headers, **kw)

    return call
