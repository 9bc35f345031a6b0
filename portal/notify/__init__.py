"""Notifications to families: the texts (`texts`), the channels that carry them (`channels`:
e-mail over SMTP, SMS through an HTTP gateway) and a mail catcher for development
(`python -m portal.notify.mailcatcher`).

A notification says only that there is news and where to read it, or for a meeting just the
time: never a child's name, a case type, a department unit, a diagnosis or staff free text.
The texts cannot be given any of that: an `Item` is a kind and, for a meeting, a time.
"""
