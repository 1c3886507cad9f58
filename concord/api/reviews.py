"""Reviews and retrospectives over the API."""

from ninja import Router

router = Router()
