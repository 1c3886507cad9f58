"""The REST API at /api/v1: one ninja router per app, over the same services."""
