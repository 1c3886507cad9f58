"""The archive page keeps to the archive: its own trail, waivers named by their label,
and the waiver form offers only what is missing."""

from django.test import Client
from django.utils import translation

from concord.activity.models import Event
from concord.closing.archive import services

from .helpers import upload


def test_the_history_lists_archive_events_not_the_whole_collaboration(org, proj, forms):
    upload(proj.leo, proj.collab, "minutes", name="m.txt")
    assert Event.objects.for_scope(proj.collab).exclude(verb__startswith="archive_").exists()
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(proj.leo)
    html = client.get(f"/collaborations/{proj.collab.number}/archive/").content.decode()
    history = html.split('data-testid="archive-history"')[1]
    verbs = [chunk.split('"')[0] for chunk in history.split('data-verb="')[1:]]
    assert verbs == ["archive_document.uploaded"]


def test_a_waiver_reads_with_the_document_label_on_the_trail(org, proj, forms):
    with translation.override("en"):
        services.archive_waive(
            actor=org.pam, collaboration=proj.collab, doc_type="issue_table", reason="无问题"
        )
    event = Event.objects.get(verb="archive_waiver.granted")
    assert event.subject_repr == "Issue table: 无问题"


def test_the_waiver_form_offers_only_the_missing_documents(org, proj, forms):
    forms.add("test.request", "request")
    client = Client()
    client.cookies["django_language"] = "en"
    client.force_login(org.pam)
    html = client.get(f"/collaborations/{proj.collab.number}/archive/").content.decode()
    waive = html.split('data-testid="waive-form"')[1].split("</form>")[0]
    assert 'value="request"' not in waive  # present: nothing to waive
    assert 'value="minutes"' in waive
