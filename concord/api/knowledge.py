"""Knowledge and standard forms over the API."""

from ninja import Router

router = Router()
