"""Who may upload, waive, build and close (and who may not)."""

import pytest

from concord.closing.archive import access, services
from concord.lib.errors import DomainError

from .helpers import all_present


def _who(org, proj, name):
    return getattr(proj, name, None) or getattr(org, name)


@pytest.mark.parametrize(
    ("name", "upload", "waive", "build", "close"),
    [
        ("alice", True, False, True, True),  # initiator
        ("leo", True, False, True, True),  # project lead
        ("rob", True, False, True, False),  # team member
        ("pam", True, True, True, True),  # PMO
        ("rita", False, False, False, False),  # head of a participating department
        ("oscar", False, False, False, False),  # outsider
    ],
)
def test_the_matrix(org, proj, name, upload, waive, build, close):
    user = _who(org, proj, name)
    collab = proj.collab
    assert access.may_upload(user, collab) is upload
    assert access.may_waive(user, collab) is waive
    assert access.may_build(user, collab) is build
    assert access.may_close(user, collab) is close


def test_services_refuse_who_may_not(org, proj, forms):
    all_present(forms)
    with pytest.raises(DomainError) as exc:
        services.archive_waive(
            actor=proj.leo, collaboration=proj.collab, doc_type="plan", reason="x"
        )
    assert exc.value.code == "forbidden"
    with pytest.raises(DomainError) as exc:
        services.collaboration_close(actor=proj.rob, collaboration=proj.collab)
    assert exc.value.code == "forbidden"
    with pytest.raises(DomainError) as exc:
        services.bundle_request(actor=org.rita, collaboration=proj.collab)
    assert exc.value.code == "forbidden"


def test_after_closing_nobody_uploads_or_waives_but_the_team_can_still_build(org, proj, forms):
    all_present(forms)
    services.collaboration_close(actor=org.pam, collaboration=proj.collab)
    proj.collab.refresh_from_db()
    assert not access.may_upload(org.pam, proj.collab)
    assert not access.may_waive(org.pam, proj.collab)
    assert not access.may_close(org.pam, proj.collab)
    assert access.may_build(proj.leo, proj.collab)
