"""The outbox worker: what a family should hear about reaches each guardian, once, calmly.

    flask --app portal outbox work [--once]     the worker (any number, on any number of hosts)
    flask --app portal outbox status            counts by state and the oldest waiting message
    flask --app portal outbox failed            failed deliveries, for the operator
    flask --app portal outbox retry ID          send a failed delivery again

The path of a notification:

1. A change in `portal/records` leaves an event (`OutboxMessage`, ids only) in the same
   transaction as the change.
2. `fanout` turns each due event into one `Notice` per guardian who may see it (the rules of
   `portal/access.py`), skips what that guardian was already told, and puts the notice in the
   guardian's waiting `Delivery` — a digest — or in a new one, due when the guardian's quiet
   window (OUTBOX_DIGEST_MINUTES) has passed; a meeting change close to the meeting is due at
   once. A meeting's events also keep its day-before reminder in step (`reminders`).
3. `sending` claims due deliveries with a lease (`claims`), resolves the guardian's channel,
   address and language, composes the text (`portal.notify.texts`) and sends it outside any
   transaction (`portal.notify.channels`) under the delivery's stable reference; then records
   the result: sent, retry later with exponential backoff and jitter, or failed.

Every step is a short transaction. Claims use `FOR UPDATE SKIP LOCKED` on PostgreSQL, and are
conditional updates that hold on SQLite too, so no two workers take the same work.
"""
