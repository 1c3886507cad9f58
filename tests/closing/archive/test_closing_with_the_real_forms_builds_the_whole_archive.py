"""With the real standard forms: waive what is missing, close, and the final bundle has them all."""

import csv
import io
import zipfile

from concord.closing.archive import selectors, services
from concord.closing.archive.models import ArchiveBundle
from concord.timers.sweep import sweep

from .helpers import upload


def test_close_and_bundle(org, proj):
    upload(proj.leo, proj.collab, "other", name="邮件.txt", content=b"mail", title="沟通记录")
    found = selectors.checklist_of(proj.collab, org.pam)
    for item in found.missing:
        services.archive_waive(
            actor=org.pam, collaboration=proj.collab, doc_type=item.doc_type, reason="测试豁免"
        )
    present = [i for i in selectors.checklist_of(proj.collab, org.pam).items if i.present]
    assert present, "the request form and the plan at least"

    services.collaboration_close(actor=org.alice, collaboration=proj.collab)
    for _ in range(10):
        sweep()
        bundle = ArchiveBundle.objects.get(collaboration=proj.collab)
        if not bundle.in_progress:
            break
    assert bundle.state == "ready", bundle.error
    with bundle.file.open("rb") as handle:
        archive = zipfile.ZipFile(io.BytesIO(handle.read()))
    names = archive.namelist()
    # Every generated form of a present item, in each of its formats; the upload; the index.
    for item in present:
        for spec in item.generated:
            for fmt in spec.formats:
                assert any(n.endswith(f".{fmt}") for n in names), (spec.key, fmt)
    assert any(n.endswith("-沟通记录.txt") for n in names)
    assert any("归档清单" in n for n in names)  # the checklist itself
    rows = list(csv.reader(io.StringIO(archive.read("index.csv").decode("utf-8-sig"))))
    listed = {r[2] for r in rows[1:] if r and r[0].isdigit()}
    assert listed == set(names) - {"index.html", "index.csv"}
    pdfs = [n for n in names if n.endswith(".pdf")]
    assert pdfs
    assert archive.read(pdfs[0]).startswith(b"%PDF")
