"""Fan-out to people: a family's event becomes one delivery per guardian who may see it, by
the channel each chose, in each one's own language, through a real SMTP server and SMS
gateway on loopback — and never with a child's name, a case type or a meeting's details
(access.md G4)."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from sqlalchemy import select

from portal.models import ChildOffer, Delivery, Notice, Offer
from portal.models.base import utcnow
from portal.notify.texts import Item, compose, portal_links
from portal.outbox.fanout import fan_out_due
from tests.outbox_factories import (
    CHILD_FIRST_NAME,
    Parent,
    current_stage,
    event,
    household,
    meeting,
)

FORBIDDEN = (CHILD_FIRST_NAME, "Testesen", "PPR", "udredning", "Hemmeligt", "Lokale", "Børnehuset")


def everything_sent(mail, sms) -> str:
    texts = []
    for message in mail.messages:
        texts.append(str(message["Subject"]))
        texts += [part.get_content() for part in message.walk() if not part.is_multipart()]
    texts += [posted.json["text"] for posted in sms.received]
    return "\n".join(texts)


def test_each_guardian_hears_what_they_may_see_by_their_channel_in_their_language(
    session, work, mail, sms
):
    home = household(
        session,
        [
            Parent("Anna", email="anna@example.org", language="da"),
            Parent("Basim", phone="+4512345678", language="ar", notify_by="sms"),
            Parent("Chris", access="information", email="chris@example.org", language="en"),
        ],
    )
    anna, basim, chris = home.guardians
    soon = utcnow() + timedelta(days=10)
    invited = meeting(session, home, soon, invited=[chris])
    not_invited = meeting(session, home, soon + timedelta(days=1))
    event(session, "stage_started", home.family, case=home.case, stage=current_stage(home))
    event(session, "meeting_planned", home.family, meeting=invited)
    event(session, "meeting_planned", home.family, meeting=not_invited)

    work()

    assert len(mail.messages) == 2 and len(sms.received) == 1
    by_recipient = {
        rcpts[0]: m for (_, rcpts), m in zip(mail.envelopes, mail.messages, strict=True)
    }
    to_anna, to_chris = by_recipient["anna@example.org"], by_recipient["chris@example.org"]
    # Anna (custody) hears of all three in one digest, in Danish.
    assert to_anna["Content-Language"] == "da" and str(to_anna["Subject"]).startswith("3 ")
    # Chris (information only) hears of the meeting they are invited to, nothing else.
    assert to_chris["Content-Language"] == "en"
    assert str(to_chris["Subject"]) == "News about a meeting"
    notices = session.scalars(select(Notice).where(Notice.guardian_id == chris.id)).all()
    assert [(n.kind, n.meeting_id) for n in notices] == [("meeting_planned", invited.id)]
    # Basim (custody, SMS) gets all three in Arabic.
    [text] = [p.json["text"] for p in sms.received]
    assert sms.received[0].json["to"] == "+4512345678"
    basim_delivery = session.scalars(select(Delivery).where(Delivery.guardian_id == basim.id)).one()
    assert (basim_delivery.channel, basim_delivery.language) == ("sms", "ar")
    items = [Item(n.kind, n.starts_at) for n in basim_delivery.notices]
    assert len(items) == 3
    assert text == compose(items, "ar", *portal_links(current_app)).sms
    assert "familieportalen.example" in text
    # Nothing says what the news is about.
    sent = everything_sent(mail, sms)
    for word in FORBIDDEN:
        assert word not in sent, word
    assert not ({"anna@example.org", "chris@example.org"} - set(by_recipient))
    statuses = session.scalars(select(Delivery.status)).all()
    assert sorted(statuses) == ["sent", "sent", "sent"]


def test_an_information_only_guardian_never_hears_of_a_case(session, work, mail):
    """access.md G4 (with G2): no case step or decision without custody."""
    home = household(
        session,
        [
            Parent("Dorte", email="dorte@example.org"),
            Parent("Erik", access="information", email="erik@example.org"),
        ],
    )
    dorte, erik = home.guardians
    event(session, "stage_started", home.family, case=home.case, stage=current_stage(home))
    decision = next(e for e in home.case.events if e.kind == "decision")
    event(session, "decision_made", home.family, case=home.case, event=decision)

    work()

    assert [rcpts for _, rcpts in mail.envelopes] == [["dorte@example.org"]]
    assert session.scalars(select(Notice).where(Notice.guardian_id == erik.id)).all() == []
    kinds = session.scalars(select(Notice.kind).where(Notice.guardian_id == dorte.id)).all()
    assert sorted(kinds) == ["decision_made", "stage_started"]


def test_a_department_that_does_not_vouch_for_custody_shows_no_case_of_its_own(session, work, mail):
    """access.md G4 (with G2): custody stated by SOF only keeps BUF's case out of the news."""
    home = household(session, [Parent("Frida", email="frida@example.org", departments=("sof",))])
    event(session, "stage_started", home.family, case=home.case, stage=current_stage(home))
    work()
    assert mail.messages == []
    assert session.scalars(select(Notice)).all() == []


def test_a_guardian_who_chose_none_gets_nothing_and_the_notice_says_so(session, work, mail, sms):
    home = household(session, [Parent("Gitte", email="gitte@example.org", notify_by="none")])
    event(session, "stage_started", home.family, case=home.case, stage=current_stage(home))

    work()

    assert mail.messages == [] and sms.received == []
    [notice] = session.scalars(select(Notice)).all()
    assert notice.delivery.status == "skipped" and notice.delivery.channel == "none"


def test_a_preference_changed_after_fan_out_counts_for_the_delivery(
    session, settings, clock, work, mail, sms
):
    home = household(session, [Parent("Hans", email="hans@example.org", phone="+4587654321")])
    [hans] = home.guardians
    event(session, "stage_started", home.family, case=home.case, stage=current_stage(home))
    assert fan_out_due(session, settings, clock) == 1  # fanned out, not sent yet
    hans = session.get(type(hans), hans.id)
    hans.notify_by, hans.preferred_language = "sms", "en"
    session.commit()

    work()

    assert mail.messages == []
    [posted] = sms.received
    assert posted.json["to"] == "+4587654321"
    assert "new step" in posted.json["text"]
    delivery = session.scalars(select(Delivery)).one()
    assert (delivery.channel, delivery.language, delivery.status) == ("sms", "en", "sent")


def test_the_same_stage_reported_twice_is_told_once(session, work, mail):
    home = household(session, [Parent("Ida", email="ida@example.org")])
    stage = current_stage(home)
    event(session, "stage_started", home.family, case=home.case, stage=stage)
    event(session, "stage_started", home.family, case=home.case, stage=stage)
    work()
    event(session, "stage_started", home.family, case=home.case, stage=stage)
    work()
    assert len(mail.messages) == 1
    assert len(session.scalars(select(Notice)).all()) == 1


def test_a_decided_offer_is_told_to_custody_only(session, work, mail):
    """access.md G4 (with G2, G3): a decision on help is case content; an information-only
    guardian sees only the offers a child attends."""
    home = household(
        session,
        [
            Parent("Jonna", email="jonna@example.org"),
            Parent("Kim", access="information", email="kim@example.org"),
        ],
    )
    offer = session.scalars(select(Offer).where(Offer.department_id.is_not(None))).first()
    granted = ChildOffer(
        external_id="offer-told",
        child=home.child,
        offer=offer,
        department_id=home.case.department_id,
        status="granted",
    )
    session.add(granted)
    session.commit()
    event(session, "offer_decided", home.family, child_offer=granted)
    work()
    assert [rcpts for _, rcpts in mail.envelopes] == [["jonna@example.org"]]
    [notice] = session.scalars(select(Notice)).all()
    assert (notice.kind, notice.child_offer_id) == ("offer_decided", granted.id)
