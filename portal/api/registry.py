"""Every operation the API serves, listed explicitly: the resource modules in the order the
OpenAPI document shows them, then the batch operation over all their writes."""

from __future__ import annotations

from functools import cache

from portal.api.endpoints import Endpoint
from portal.api.resources import cases, catalogue, families, meetings
from portal.api.resources.batch import batch_endpoint

RESOURCES = (cases, catalogue, families, meetings)


@cache
def endpoints() -> tuple[Endpoint, ...]:
    declared = [endpoint for module in RESOURCES for endpoint in module.operations.endpoints]
    return (*declared, batch_endpoint([e for e in declared if e.writes]))


def find(name: str) -> Endpoint:
    return next(e for e in endpoints() if e.name == name)
