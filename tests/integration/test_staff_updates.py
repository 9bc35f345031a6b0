"""Staff post updates in plain words, correct them, write them in English and Arabic too, and
see who read them (docs/access.md U1-U4); the family sees each in its own language where
given, otherwise the Danish text with how to get it interpreted."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from portal.models import AuditEntry, Case, OutboxMessage, Update, UpdateRead
from portal.records import Invalid
from portal.records.updates import post_update
from tests.conftest import login
from tests.factories import make_family, staff_of
from tests.integration import booking_helpers
from tests.integration.booking_helpers import Parent, text_of

world = booking_helpers.world  # the fixture

PLAIN = "Vi har talt med Olivers lærer. Han siger, at Oliver har det godt i klassen."
# 19 words, 1 sentence, 11 long words: LIX 76.9, "very hard"
HARD = (
    "Forvaltningen har truffet afgørelse om bevilling af aflastning i henhold til barnets "
    "lov, og afgørelsen fremsendes særskilt til forældremyndighedsindehaveren."
)


def subject_of(staff) -> str:
    return "staff-" + staff.subject.split(":", 1)[1]


def family_with_cases(world, language: str = "en", cases: int = 2) -> Parent:
    """A family of one child with a SOF case (joint with BUF) and a BUF case, one parent with
    custody from both departments, and SOF's first staff member as contact person (both
    departments assign them, so they see both cases, but post only about SOF's: U2)."""
    number = world.person_number()
    key = f"Upd{number}"
    with world.app.app_context():
        family = make_family(
            world.session,
            person_number=number,
            key=key,
            children=1,
            cases=cases,
            events=0,
            meetings=1,
            updates=0,
            offers=0,
        )
    subject = f"citizen-updates-{key}"
    world.identity_provider.add_citizen(subject, number, f"Forælder {key}")
    parent = Parent(family=family, subject=subject)
    return world.log_in(parent, language)


def staff_client(world, language: str = "en"):
    return world.staff_client(subject_of(world.staff()), language)


def new_url(parent) -> str:
    return f"/medarbejder/familier/{parent.family.id}/opdateringer/ny"


def cases(world, parent) -> dict[str, Case]:
    world.session.expire_all()
    found = world.session.scalars(
        select(Case).where(Case.child_id == parent.family.children[0].id)
    ).all()
    return {case.department.code: case for case in found}


def updates_of(world, family_id: int) -> list[Update]:
    world.session.expire_all()
    return world.session.scalars(
        select(Update).where(Update.family_id == family_id).order_by(Update.id)
    ).all()


def told(world, update_id: int) -> int:
    world.session.expire_all()
    return sum(
        1
        for m in world.session.scalars(
            select(OutboxMessage).where(OutboxMessage.kind == "update_posted")
        )
        if (m.payload or {}).get("update_id") == update_id
    )


def words_of(response) -> str:
    """The page's text, without the space `text_of` puts before a comma or full stop that
    follows a marked word (<span lang="da">)."""
    return re.sub(r" ([,.)])", r"\1", text_of(response))


def send(client, token, url, **fields):
    return client.post(url, data={"csrf_token": token, "action": "send", **fields})


def test_posting_with_errors_answers_400_with_the_error_summary(world):
    parent = family_with_cases(world)
    client, token = staff_client(world)
    family_page = client.get(f"/medarbejder/familier/{parent.family.id}").get_data(as_text=True)
    assert f'href="{new_url(parent)}"' in family_page  # "Post an update" (U1)

    page = client.get(new_url(parent))
    assert page.status_code == 200 and 'id="about-0" name="about" value="family" checked' in (
        page.get_data(as_text=True)
    )
    empty = send(client, token, new_url(parent), about="family", body="   ")
    html = empty.get_data(as_text=True)
    assert empty.status_code == 400
    assert "<title>Error: Post an update" in html and 'href="#body"' in html
    assert "Write the update in Danish" in text_of(empty)
    too_long = send(client, token, new_url(parent), about="family", body="Ja. " * 600)
    assert too_long.status_code == 400 and "Write 2000 characters or fewer" in text_of(too_long)
    nobody = send(client, token, new_url(parent), about="child-999999", body=PLAIN)
    assert nobody.status_code == 400 and "Choose who the update is about" in text_of(nobody)
    assert updates_of(world, parent.family.id) == []


def test_above_lix_45_the_author_confirms_before_it_is_sent(world):
    parent = family_with_cases(world)
    client, token = staff_client(world)
    refused = send(client, token, new_url(parent), about="family", body=HARD)
    shown = text_of(refused)
    assert refused.status_code == 400
    assert "The text is hard to read (LIX 76.9)" in shown and "very hard" in shown
    assert "I have checked the text and want to send it anyway" in shown
    assert 'href="#confirm-0"' in refused.get_data(as_text=True)
    assert updates_of(world, parent.family.id) == []

    sent = send(client, token, new_url(parent), about="family", body=HARD, confirm="yes")
    assert sent.status_code == 303
    assert sent.headers["Location"].endswith(f"/medarbejder/familier/{parent.family.id}#updates")
    [update] = updates_of(world, parent.family.id)
    assert update.body == HARD and update.child_id is None
    assert told(world, update.id) == 1  # the parents hear that there is news (G4)


def test_check_the_text_without_javascript_shows_the_check_and_the_preview(world):
    parent = family_with_cases(world)
    client, token = staff_client(world)
    long_sentence = "Vi " + " ".join(["taler"] * 20) + "."
    page = client.post(
        new_url(parent),
        data={
            "csrf_token": token,
            "action": "check",
            "about": "family",
            "body": f"{PLAIN}\n{long_sentence} Vi venter på PPR.",
            "body_ar": "تحدثنا مع معلم أوليفر.",
        },
    )
    assert page.status_code == 200
    shown = words_of(page)
    assert re.search(r"LIX \d+\.\d: (very easy|easy|medium)", shown)
    assert "1 sentence has more than 20 words" in shown and "(21 words)" in shown
    assert "Instead of PPR, write for example skolens psykologer." in shown
    soup = BeautifulSoup(page.get_data(as_text=True), "html.parser")
    previews = {p["lang"]: p for p in soup.select(".portal-update-preview")}
    assert set(previews) == {"da", "en", "ar"}
    assert "Oliver har det godt" in previews["da"].get_text()
    assert previews["ar"]["dir"] == "rtl" and "تحدثنا مع معلم أوليفر." in previews["ar"].get_text()
    # No English text: the English preview shows the Danish text, marked, and the note.
    assert previews["en"].select_one('[lang="da"]') is not None
    assert "ask for an interpreter" in previews["en"].get_text()
    assert updates_of(world, parent.family.id) == []  # checking sends nothing


def test_htmx_checks_the_text_while_typing_without_touching_the_family(world):
    parent = family_with_cases(world)
    client, token = staff_client(world)
    form = client.get(new_url(parent)).get_data(as_text=True)
    assert 'hx-post="/medarbejder/opdateringer/tjek"' in form and "hx-trigger=" in form
    world.session.expire_all()
    before = world.session.scalar(select(func.max(AuditEntry.id)))
    fragment = client.post(
        "/medarbejder/opdateringer/tjek",
        data={"csrf_token": token, "body": HARD},
        headers={"HX-Request": "true"},
    )
    html = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and not html.lstrip().startswith("<!DOCTYPE")
    assert "LIX 76.9: very hard" in html and 'hx-swap-oob="innerHTML"' in html
    assert "I have checked the text and want to send it anyway" in html
    assert "Instead of afgørelse, write for example svar." in words_of(fragment)
    world.session.expire_all()
    assert world.session.scalar(select(func.max(AuditEntry.id))) == before
    # Without htmx the same address answers with a page of its own.
    page = client.post("/medarbejder/opdateringer/tjek", data={"csrf_token": token, "body": PLAIN})
    assert page.status_code == 200 and "Plain-language check" in text_of(page)


def test_an_update_is_about_a_child_or_a_case_of_the_authors_department_only(world):
    parent = family_with_cases(world)
    other = family_with_cases(world)
    client, token = staff_client(world)
    own = cases(world, parent)
    html = client.get(new_url(parent)).get_data(as_text=True)
    assert f'value="case-{own["sof"].id}"' in html
    assert f'value="case-{own["buf"].id}"' not in html  # BUF's own case (U2)
    for refused in (own["buf"].id, cases(world, other)["sof"].id):
        answer = send(client, token, new_url(parent), about=f"case-{refused}", body=PLAIN)
        assert answer.status_code == 400 and "Choose who the update is about" in text_of(answer)
    assert updates_of(world, parent.family.id) == []

    sent = send(client, token, new_url(parent), about=f"case-{own['sof'].id}", body=PLAIN)
    assert sent.status_code == 303
    [update] = updates_of(world, parent.family.id)
    assert (update.case_id, update.child_id) == (own["sof"].id, parent.family.children[0].id)
    news = text_of(parent.client.get(f"/familier/{parent.family.id}"))
    assert "about Barn0" in news and "Day treatment" in news


def test_the_records_refuse_another_familys_case(world):
    parent = family_with_cases(world)
    other = family_with_cases(world)
    foreign = cases(world, other)["sof"]
    with pytest.raises(Invalid), world.writing() as unit:
        post_update(unit, parent.family, author=world.staff(), body=PLAIN, case=foreign)
    with pytest.raises(Invalid), world.writing() as unit:
        post_update(
            unit, parent.family, author=world.staff(), body=PLAIN, case=cases(world, parent)["buf"]
        )


def test_each_parent_reads_the_update_in_their_language_or_learns_how_to_get_it_interpreted(
    world,
):
    parent = family_with_cases(world, language="en")
    client, token = staff_client(world)
    sent = send(
        client,
        token,
        new_url(parent),
        about="family",
        body=PLAIN,
        body_en="We talked with Oliver's teacher. He says Oliver is doing well.",
    )
    assert sent.status_code == 303
    url = f"/familier/{parent.family.id}"
    english = parent.client.get(url)
    assert "We talked with Oliver's teacher" in text_of(english)
    assert PLAIN not in text_of(english) and "interpreter" not in text_of(english)

    parent.client.set_cookie("portal_lang", "ar")  # no Arabic text: the Danish one, marked
    arabic = BeautifulSoup(parent.client.get(url).get_data(as_text=True), "html.parser")
    news = arabic.select_one(".portal-updates li")
    body = news.select_one(".portal-update-body [lang=da]")
    assert body is not None and body.get_text() == PLAIN and body["dir"] == "ltr"
    note = news.select_one(".portal-interpret-note").get_text()
    assert world.staff().phone in note

    parent.client.set_cookie("portal_lang", "da")
    danish = text_of(parent.client.get(url))
    assert PLAIN in danish and "We talked" not in danish


def test_a_correction_shows_to_the_family_and_tells_nobody_again(world):
    parent = family_with_cases(world)
    client, token = staff_client(world)
    send(client, token, new_url(parent), about="family", body=PLAIN)
    [update] = updates_of(world, parent.family.id)
    correct = f"/medarbejder/familier/{parent.family.id}/opdateringer/{update.id}/ret"
    staff_page = client.get(f"/medarbejder/familier/{parent.family.id}").get_data(as_text=True)
    assert f'href="{correct}"' in staff_page

    page = client.get(correct)
    assert page.status_code == 200 and PLAIN in page.get_data(as_text=True)
    assert "LIX" in text_of(page)  # the check of the text as it stands
    same = send(client, token, correct, body=PLAIN)
    assert same.status_code == 400 and "You have not changed the text" in text_of(same)
    hard = send(client, token, correct, body=HARD)
    assert hard.status_code == 400 and "The text is hard to read" in text_of(hard)

    fixed = PLAIN.replace("godt", "rigtig godt")
    done = send(client, token, correct, body=fixed, body_en="Oliver is doing very well.")
    assert done.status_code == 303
    [update] = updates_of(world, parent.family.id)
    assert (update.body, update.body_en) == (fixed, "Oliver is doing very well.")
    assert update.corrected_at is not None
    assert told(world, update.id) == 1  # only when it was posted

    news = text_of(parent.client.get(f"/familier/{parent.family.id}"))
    assert "Oliver is doing very well." in news and "Corrected on" in news


def test_only_staff_who_may_post_see_the_update_pages_and_correct_their_departments(world):
    parent = family_with_cases(world)
    client, token = staff_client(world)
    send(client, token, new_url(parent), about="family", body=PLAIN)
    [update] = updates_of(world, parent.family.id)
    correct = f"/medarbejder/familier/{parent.family.id}/opdateringer/{update.id}/ret"
    # A BUF staff member who holds a step of the family's BUF case may post (U1), but not
    # correct what SOF's contact person wrote (U3).
    step_holder = next(s.holder for s in cases(world, parent)["buf"].stages if s.holder)
    colleague, colleague_token = world.staff_client(subject_of(step_holder))
    family_page = colleague.get(f"/medarbejder/familier/{parent.family.id}").get_data(as_text=True)
    assert new_url(parent) in family_page and correct not in family_page
    assert colleague.get(new_url(parent)).status_code == 200
    assert colleague.get(correct).status_code == 404
    assert send(colleague, colleague_token, correct, body="Nej.").status_code == 404
    assert updates_of(world, parent.family.id)[0].body == PLAIN

    # BUF's first staff member takes part in the meeting of a family with SOF's case only (T3):
    # no case content, so no updates.
    only_sof = family_with_cases(world, cases=1)
    _, buf_staff = staff_of(world.session, "buf")
    colleague, colleague_token = world.staff_client(subject_of(buf_staff[0]))
    family_page = colleague.get(f"/medarbejder/familier/{only_sof.family.id}")
    assert family_page.status_code == 200
    assert new_url(only_sof) not in family_page.get_data(as_text=True)
    assert colleague.get(new_url(only_sof)).status_code == 404
    assert send(colleague, colleague_token, new_url(only_sof), body=PLAIN).status_code == 404
    assert updates_of(world, only_sof.family.id) == []


def test_staff_see_when_each_parent_read_the_update(world):
    parent = family_with_cases(world)
    informed, informed_subject = world.informed_parent(parent.family, "citizen-updates-informed")
    client, token = staff_client(world)
    send(client, token, new_url(parent), about="family", body=PLAIN)
    [update] = updates_of(world, parent.family.id)
    staff_url = f"/medarbejder/familier/{parent.family.id}"

    def receipts() -> dict[str, str]:
        soup = BeautifulSoup(client.get(staff_url).get_data(as_text=True), "html.parser")
        rows = soup.select(f"#staff-update-{update.id} tbody tr")
        return {
            row.find("td").get_text(strip=True): " ".join(row.get_text(" ").split()) for row in rows
        }

    name = parent.family.guardians[0].name
    before = receipts()
    assert "Not told yet" in before[name] and "Not read yet" in before[name]
    assert "Does not see this update" in before[informed.name]

    assert parent.client.get(f"/familier/{parent.family.id}").status_code == 200
    assert parent.client.get(f"/familier/{parent.family.id}/nyheder").status_code == 200
    world.session.expire_all()
    reads = world.session.scalars(select(UpdateRead).where(UpdateRead.update_id == update.id))
    [read] = reads.all()  # once, however often the parent looks
    assert read.guardian_id == parent.family.guardians[0].id
    after = receipts()
    assert re.search(r"Read \w+", after[name]) and "Not read yet" not in after[name]

    # The parent without custody sees no news, and their visit notes nothing.
    without = world.app.test_client()
    login(without, world.identity_provider, informed_subject)
    overview = without.get(f"/familier/{parent.family.id}")
    assert overview.status_code == 200 and PLAIN not in overview.get_data(as_text=True)
    assert without.get(f"/familier/{parent.family.id}/nyheder").status_code == 404
    world.session.expire_all()
    assert (
        world.session.scalar(
            select(func.count()).select_from(UpdateRead).where(UpdateRead.update_id == update.id)
        )
        == 1
    )


def test_the_news_page_lists_every_update_newest_first(world):
    parent = family_with_cases(world)
    client, token = staff_client(world)
    for number in range(4):
        send(client, token, new_url(parent), about="family", body=f"Nyhed nummer {number}.")
    overview = parent.client.get(f"/familier/{parent.family.id}").get_data(as_text=True)
    assert "Nyhed nummer 3" in overview and "Nyhed nummer 0" not in overview  # the newest 3
    news_url = f"/familier/{parent.family.id}/nyheder"
    assert f'href="{news_url}"' in overview
    page = text_of(parent.client.get(news_url))
    positions = [page.index(f"Nyhed nummer {n}") for n in (3, 2, 1, 0)]
    assert positions == sorted(positions)
