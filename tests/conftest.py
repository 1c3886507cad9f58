import importlib

import pytest
from django.apps import apps
from django.contrib.auth.hashers import Argon2PasswordHasher

from concord.approvals.models import ApprovalRule
from tests.personas import Org, make_org


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 as in production, with the cost turned down.

    The production parameters take ~0.6 s per hash; the org fixture hashes
    eight passwords, which would make every test five seconds slower.
    """

    time_cost = 1
    memory_cost = 64
    parallelism = 1


def _restore_default_configuration() -> None:
    """Put back the configuration rows that data migrations create.

    A transactional test (threads, live server) empties every table when it
    ends, so the tests after it would find no approval rules.
    """
    if not ApprovalRule.objects.exists():
        migration = importlib.import_module("concord.approvals.migrations.0002_default_rules")
        migration.create(apps, None)


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
