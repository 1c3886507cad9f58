import pytest

from tests.personas import Org, make_org


@pytest.fixture
def org(db: None) -> Org:
    return make_org()


@pytest.fixture(autouse=True)
def _isolated_files(settings, tmp_path):  # type: ignore[no-untyped-def]
    """Keep every test's files (mail, media) in its own temporary folder."""
    settings.EMAIL_FILE_PATH = tmp_path / "mail"
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
