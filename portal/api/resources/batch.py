"""POST /api/v1/batch: up to 1,000 write operations in one transaction. Either all of them are
applied, or (when one is refused) none; the answer lists the result of each operation.

An operation is any write of this API, named by its operationId in `op`, with the path
parameters as fields and the request body in `body`. `batch_endpoint` builds the operation from
the writes it is given (the registry passes every write the resource modules declare).
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from flask import g
from pydantic import ConfigDict, Field, create_model

from portal.api.endpoints import PATH_PARAMETERS, Endpoint
from portal.api.problems import ApiProblem, from_record_error
from portal.api.rows import Rows
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


BATCH_EXAMPLE = {
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


class ExampleBatch(In):
    model_config = ConfigDict(json_schema_extra=BATCH_EXAMPLE)


def batch_endpoint(writes: list[Endpoint]) -> Endpoint:
    """The batch operation over `writes`: its request and answer shapes name each of them."""
    by_name = {e.name: e for e in writes if e.batchable}
    operation = Annotated[
        Union[tuple(_operation_model(e) for e in by_name.values())],  # noqa: UP007
        Field(discriminator="op"),
    ]
    response = Union[tuple(e.response for e in by_name.values())]  # noqa: UP007
    batch_in = create_model(
        "BatchIn",
        __base__=ExampleBatch,
        __doc__="Operations applied in order, in one transaction.",
        operations=(list[operation], Field(min_length=1, max_length=MAX_OPERATIONS)),
    )
    result = create_model(
        "BatchResult",
        __base__=Out,
        index=(int, ...),
        op=(str, ...),
        status=(
            int,
            Field(description="what the single request would have answered: 200 or 201"),
        ),
        body=(response, ...),
    )
    batch_out = create_model("BatchOut", __base__=Out, results=(list[result], ...))

    def post_batch(unit: UnitOfWork, rows: Rows, body):
        granted = g.get("api_scopes", set())
        for index, op in enumerate(body.operations):
            scope = by_name[op.op].scope
            if scope not in granted:
                raise ApiProblem(403, f"the token lacks the scope {scope!r}", operation=index)
        prefetch(rows, body.operations)
        results = []
        for index, op in enumerate(body.operations):
            endpoint = by_name[op.op]
            params = {name: getattr(op, name) for name in endpoint.parameters}
            try:
                answer, created = endpoint.handler(unit, rows, op.body, **params)
            except RecordError as error:
                raise from_record_error(error, ("operations", index, "body"), index) from None
            status = endpoint.status(created)
            results.append(
                result.model_construct(index=index, op=op.op, status=status, body=answer)
            )
        return batch_out.model_construct(results=results), False

    return Endpoint(
        "post_batch",
        "POST",
        "/batch",
        "Apply up to 1,000 writes in one transaction",
        DESCRIPTION,
        BATCH,
        None,
        post_batch,
        batch_out,
        batch_in,
        creates=False,
    )


DESCRIPTION = """All operations are applied, or none: when one is refused, the answer is that
operation's problem (with its index in `operation` and pointers into `operations`) and nothing
changes. The token needs the scope of every operation in the batch."""


def prefetch(rows: Rows, operations: list) -> None:
    """Load the cases and events the operations name, in two queries for the whole batch."""
    own = rows.actor.department_code
    named = [o for o in operations if getattr(o, "department", None) == own and hasattr(o, "case")]
    if not named:
        return
    rows.prefetch_cases({o.case for o in named})
    events = set()
    for operation in named:
        case = rows.case(operation.case)
        if case is not None and operation.op == "put_case_event":
            events.add((case.id, operation.event))
    rows.prefetch_events(events)
