"""Admin for the knowledge index: read-only (the owning apps' services write it)."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import SearchEntry


@admin.register(SearchEntry)
class SearchEntryAdmin(admin.ModelAdmin[SearchEntry]):
    list_display = ["title", "kind", "collaboration", "when", "segmenter"]
    list_filter = ["kind"]
    search_fields = ["title"]
    date_hierarchy = "when"
    raw_id_fields = ["collaboration"]
    readonly_fields = [
        "source_type",
        "source_id",
        "collaboration",
        "kind",
        "title",
        "body",
        "url",
        "when",
        "segmented_title",
        "segmented_body",
        "segmenter",
        "updated_at",
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
