"""The API's request and response shapes (pydantic). They validate every request and are the
source of the OpenAPI document, so the contract and the checks cannot drift apart."""
