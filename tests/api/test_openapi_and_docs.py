"""The OpenAPI document describes every router; the docs page works offline."""

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client

from concord.api.site import api


@pytest.fixture
def schema(client: Client, db: None) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_it_declares_bearer_authentication(schema: dict) -> None:
    schemes = schema["components"]["securitySchemes"]
    assert {"type": "http", "scheme": "bearer"}.items() <= schemes["BearerToken"].items()


def test_it_lists_the_token_endpoints(schema: dict) -> None:
    paths = schema["paths"]
    assert set(paths["/api/v1/tokens"]) == {"get", "post"}
    assert set(paths["/api/v1/tokens/{token_id}"]) == {"delete"}


def test_it_lists_every_operation_of_every_router(schema: dict) -> None:
    """Whatever a router registers appears in the document: nothing is hidden."""
    documented = {(path, method.upper()) for path, ops in schema["paths"].items() for method in ops}
    expected = set()
    for prefix, router in api._routers:
        for route, path_view in router.path_operations.items():
            full = "/api/v1/" + "/".join(p.strip("/") for p in (prefix, route) if p.strip("/"))
            full = re.sub(r"{(\w+:)?(\w+)}", r"{\2}", full)
            for operation in path_view.operations:
                if operation.include_in_schema:
                    expected |= {(full, m) for m in operation.methods}
    assert expected
    assert expected <= documented


def test_the_docs_page_loads_nothing_from_outside(client: Client, db: None) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "cdn" not in html.lower()
    assets = re.findall(r"""(?:src|href)=["']/static/([^"']+)["']""", html)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    for asset in assets:
        assert finders.find(asset), f"{asset} is not served locally"
