"""POST /api/v1/batch: up to 1,000 write operations in one transaction. Either all of them are
applied, or (when one is refused) none; the answer lists the result of each operation.

An operation is any write of this API, named by its operationId in `op`, with the path
parameters as fields and the request body in `body`. The operations are built from the
writes the resource modules (imported below) declare.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from flask import g
from pydantic import Field, create_model

from portal.api.endpoints import ENDPOINTS, PATH_PARAMETERS, Endpoint, write
from portal.api.problems import ApiProblem, from_record_error
from portal.api.resources import cases, catalogue, families, meetings  # noqa: F401 - writes first
from portal.api.schemas.common import In, Out
from portal.records import RecordError, UnitOfWork

MAX_OPERATIONS = 1000
BATCH = "Batch"


def _operation_model(endpoint: Endpoint):
    fields = {name: (PATH_PARAMETERS[name][0], ...) for name in endpoint.parameters}
    camel = "".join(part.title() for part in endpoint.name.split("_"))
    return create_model(
        f"{camel}Operation",
        __base__=In,
        __doc__=f"{endpoint.method} /api/v1{endpoint.path}: {endpoint.summary}",
        op=(Literal[endpoint.name], ...),
        body=(endpoint.body, ...),
        **fields,
    )


WRITES = {e.name: e for e in ENDPOINTS if e.batchable}
OPERATION_MODELS = [_operation_model(e) for e in WRITES.values()]
Operation = Annotated[Union[tuple(OPERATION_MODELS)], Field(discriminator="op")]  # noqa: UP007
Response = Union[tuple(e.response for e in WRITES.values())]  # noqa: UP007


class BatchIn(In):
    """Operations applied in order, in one transaction."""

    operations: list[Operation] = Field(min_length=1, max_length=MAX_OPERATIONS)

    model_config = {
        "json_schema_extra": {
            "examples": [
                {
                    "operations": [
                        {
                            "op": "put_case_event",
                            "department": "buf",
                            "case": "BUF-2025-0042",
                            "event": "BUF-EV-9001",
                            "body": {
                                "kind": "note",
                                "visibility": "family",
                                "occurred_at": "2025-04-01T10:30:00+02:00",
                                "summary": {"da": "Vi har modtaget skolens beskrivelse."},
                            },
                        },
                        {
                            "op": "post_stage",
                            "department": "buf",
                            "case": "BUF-2025-0042",
                            "body": {
                                "stage_type": "ppv-skrives",
                                "started_on": "2025-04-01",
                            },
                        },
                    ]
                }
            ]
        }
    }


class BatchResult(Out):
    index: int
    op: str
    status: int = Field(description="what the single request would have answered: 200 or 201")
    body: Response


class BatchOut(Out):
    results: list[BatchResult]


def prefetch(unit: UnitOfWork, operations: list) -> None:
    """Load the cases and events the operations name, in two queries for the whole batch."""
    own = unit.actor.department_code
    named = [o for o in operations if getattr(o, "department", None) == own and hasattr(o, "case")]
    if not named:
        return
    department_id = unit.actor.department_id
    unit.find.prefetch_cases(department_id, {o.case for o in named})
    events = set()
    for operation in named:
        case = unit.find.case(department_id, operation.case)
        if case is not None and operation.op == "put_case_event":
            events.add((case.id, operation.event))
    unit.find.prefetch_events(events)


@write(
    "post_batch",
    "POST",
    "/batch",
    scope=None,
    body=BatchIn,
    response=BatchOut,
    tag=BATCH,
    summary="Apply up to 1,000 writes in one transaction",
    creates=False,
)
def post_batch(unit: UnitOfWork, body: BatchIn):
    """All operations are applied, or none: when one is refused, the answer is that
    operation's problem (with its index in `operation` and pointers into `operations`) and
    nothing changes. The token needs the scope of every operation in the batch."""
    granted = g.get("api_scopes", set())
    for index, operation in enumerate(body.operations):
        scope = WRITES[operation.op].scope
        if scope not in granted:
            raise ApiProblem(403, f"the token lacks the scope {scope!r}", operation=index)
    prefetch(unit, body.operations)
    results = []
    for index, operation in enumerate(body.operations):
        endpoint = WRITES[operation.op]
        params = {name: getattr(operation, name) for name in endpoint.parameters}
        try:
            result, created = endpoint.handler(unit, operation.body, **params)
        except RecordError as error:
            raise from_record_error(error, ("operations", index, "body"), index) from None
        results.append(
            BatchResult.model_construct(
                index=index, op=operation.op, status=endpoint.status(created), body=result
            )
        )
    return BatchOut.model_construct(results=results), False
