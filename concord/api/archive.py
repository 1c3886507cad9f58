"""Archive and closing over the API."""

from ninja import Router

router = Router()
