"""Acceptance and effect verification over the API."""

from ninja import Router

router = Router()
