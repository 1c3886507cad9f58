"""The knowledge base's search index.

One `SearchEntry` per published thing (minutes, a decision, a review, a
retrospective, an archived document, a closed issue), written by the
owning app's service through `concord.knowledge.indexing.index_put`.
The entry keeps the original text (for snippets) and the same text cut
into words by jieba (`segmented_title`, `segmented_body`), which is what
the full-text index reads: an FTS5 table on SQLite, a generated
`tsvector` column with a GIN index on PostgreSQL (migration 0002).
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from concord.collaborations.models import Collaboration


class Kind(models.TextChoices):
    # Translators: 会议纪要
    MINUTES = "minutes", _("Minutes")
    # A meeting's decision (决议), not an approval's (审批决定).
    DECISION = "decision", pgettext_lazy("meeting decision", "Decision")
    # Translators: 里程碑复盘 (a milestone review's 复盘报告, not a 评审)
    REVIEW = "review", pgettext_lazy("search kind", "Milestone review")
    # Translators: 沟通协调复盘 / 反馈与改进记录
    RETROSPECTIVE = "retrospective", _("Retrospective")
    # Translators: 归档文件
    DOCUMENT = "document", _("Document")
    # Translators: 问题
    ISSUE = "issue", _("Issue")


class SearchEntry(models.Model):
    source_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source = GenericForeignKey("source_type", "source_id")
    # Empty for organization-wide content, which every signed-in person may find.
    collaboration = models.ForeignKey(
        Collaboration,
        verbose_name=_("collaboration"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="search_entries",
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("text"), blank=True)
    url = models.CharField(_("link"), max_length=500)
    when = models.DateTimeField(_("date"), db_index=True)
    # jieba's words separated by spaces, lower-cased: what the index reads.
    segmented_title = models.TextField(blank=True, editable=False)
    segmented_body = models.TextField(blank=True, editable=False)
    # Which dictionary cut the text; `concord reindex` re-cuts stale rows.
    segmenter = models.CharField(max_length=40, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        ordering = ["-when", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_type", "source_id"], name="knowledge_searchentry_source_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "-when"], name="knowledge_entry_kind_when"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url
