"""Demo staff and families: realistic Copenhagen households with cases at different stages.

Person numbers here are invented demo values; the database keeps only their keyed hash.
Dates are days relative to the day the demo data is seeded, so the picture stays current.
"""

DEPARTMENTS = [
    {
        "code": "buf",
        "short_name": "BUF",
        "name": {
            "da": "Børne- og Ungdomsforvaltningen",
            "en": "Children and Youth Administration",
            "ar": "إدارة الأطفال والشباب",
        },
    },
    {
        "code": "sof",
        "short_name": "SOF",
        "name": {
            "da": "Socialforvaltningen",
            "en": "Social Services Administration",
            "ar": "إدارة الشؤون الاجتماعية",
        },
    },
]

WEEKDAYS = {
    "da": "Mandag til torsdag kl. 9–15, fredag kl. 9–12.",
    "en": "Monday to Thursday 9:00–15:00, Friday 9:00–12:00.",
    "ar": "من الاثنين إلى الخميس 9:00–15:00، الجمعة 9:00–12:00.",
}
MORNINGS = {
    "da": "Hverdage kl. 8.30–11.",
    "en": "Weekdays 8:30–11:00.",
    "ar": "أيام العمل 8:30–11:00.",
}

STAFF = [
    {
        "key": "line",
        "name": "Line Pedersen",
        "department": "buf",
        "title": "PPR-psykolog",
        "team": "PPR Nørrebro-Bispebjerg",
        "phone": "+45 33 17 45 10",
        "email": "line.pedersen@buf.kk.dk",
        "languages": "da en",
        "reachable": WEEKDAYS,
        "subject": "kk-demo:line",
    },
    {
        "key": "henrik",
        "name": "Henrik Larsen",
        "department": "buf",
        "title": "Koordinator",
        "team": "Specialundervisning, Visitationen",
        "phone": "+45 33 17 45 22",
        "email": "henrik.larsen@buf.kk.dk",
        "languages": "da en",
        "reachable": MORNINGS,
        "subject": "kk-demo:henrik",
    },
    {
        "key": "sara",
        "name": "Sara Ahmed",
        "department": "buf",
        "title": "Kontaktperson",
        "team": "Familiekoordinering BUF",
        "phone": "+45 33 17 45 31",
        "email": "sara.ahmed@buf.kk.dk",
        "languages": "da ar en",
        "reachable": WEEKDAYS,
        "subject": "kk-demo:sara",
    },
    {
        "key": "mads",
        "name": "Mads Christensen",
        "department": "sof",
        "title": "Sagsbehandler",
        "team": "Børnefamilieenheden Nørrebro",
        "phone": "+45 33 17 32 40",
        "email": "mads.christensen@sof.kk.dk",
        "languages": "da en",
        "reachable": MORNINGS,
        "subject": "kk-demo:mads",
    },
    {
        "key": "nadia",
        "name": "Nadia Haddad",
        "department": "sof",
        "title": "Koordinator",
        "team": "Familiekoordinering SOF",
        "phone": "+45 33 17 32 55",
        "email": "nadia.haddad@sof.kk.dk",
        "languages": "da ar en",
        "reachable": WEEKDAYS,
        "subject": "kk-demo:nadia",
    },
    {
        "key": "camilla",
        "name": "Camilla Berg",
        "department": "sof",
        "title": "Familiebehandler",
        "team": "Dagbehandling Amager",
        "phone": "+45 33 17 32 61",
        "email": "camilla.berg@sof.kk.dk",
        "languages": "da",
        "reachable": WEEKDAYS,
        "subject": "kk-demo:camilla",
    },
    {
        "key": "birgitte",
        "name": "Birgitte Holm",
        "department": "sof",
        "title": "Afdelingsleder",
        "team": "Børnefamilieenheden Nørrebro",
        "phone": "+45 33 17 32 01",
        "email": "birgitte.holm@sof.kk.dk",
        "languages": "da en",
        "reachable": MORNINGS,
        "subject": "kk-demo:birgitte",
        "role": "manager",
    },
]

# Each case: type, department, holder (staff key), opened (days ago), the stages reached so far as
# (stage code, days ago it started, holder key), optional clock adjustments on the current stage,
# and timeline events (days ago, kind, visibility, summary). Family events are written in da, en
# and ar; internal ones only in Danish, since only staff read them.
FAMILIES = [
    {
        "key": "hansen",
        "name": "Familien Hansen",
        "contact": "sara",
        "guardians": [
            {
                "name": "Mette Hansen",
                "person_number": "1203824412",
                "access": "custody",
                "email": "mette.hansen@example.dk",
                "phone": "+45 20 11 22 33",
                "language": "da",
            },
            {
                "name": "Jonas Hansen",
                "person_number": "0507803317",
                "access": "information",
                "email": "jonas.hansen@example.dk",
                "phone": "+45 20 44 55 66",
                "language": "da",
            },
        ],
        "children": [
            {
                "key": "oliver",
                "first_name": "Oliver",
                "last_name": "Hansen",
                "birth": "2014-09-02",
                "school": "Nørrebro Park Skole",
                "cases": [
                    {
                        "ext": "BUF-PPR-1001",
                        "type": "ppr-vurdering",
                        "department": "buf",
                        "holder": "line",
                        "opened": 140,
                        "stages": [
                            ("henvisning-modtaget", 140, "line"),
                            ("observation-og-samtaler", 120, "line"),
                        ],
                        "events": [
                            (
                                140,
                                "stage",
                                "family",
                                {
                                    "da": "Skolen har bedt PPR om en vurdering af Oliver.",
                                    "en": "The school has asked PPR to assess Oliver.",
                                    "ar": "طلبت المدرسة من PPR تقييم حالة أوليفر.",
                                },
                            ),
                            (
                                120,
                                "stage",
                                "family",
                                {
                                    "da": "Line fra PPR er begyndt at observere Oliver.",
                                    "en": "Line from PPR has started to observe Oliver.",
                                    "ar": "بدأت لينه من PPR بمراقبة أوليفر.",
                                },
                            ),
                            (60, "note", "internal", "Afventer tid hos skolens AKT-vejleder."),
                            (
                                20,
                                "note",
                                "family",
                                {
                                    "da": "Vurderingen er forsinket. "
                                    "Vi mangler en samtale med Olivers lærer.",
                                    "en": "The assessment is delayed. "
                                    "We still need to talk to Oliver's teacher.",
                                    "ar": "التقييم متأخر. ما زلنا بحاجة إلى التحدث مع معلّم أوليفر.",
                                },
                            ),
                        ],
                    },
                ],
                "offers": [("stoette-i-klassen", "buf", "started", 200, "Nørrebro Park Skole")],
            },
        ],
    },
    {
        "key": "al-sayed",
        "name": "Familien Al-Sayed",
        "contact": "nadia",
        "guardians": [
            {
                "name": "Fatima Al-Sayed",
                "person_number": "2208854021",
                "access": "custody",
                "email": "fatima.alsayed@example.dk",
                "phone": "+45 31 12 34 56",
                "language": "ar",
            },
            {
                "name": "Omar Al-Sayed",
                "person_number": "1411815133",
                "access": "custody",
                "email": "omar.alsayed@example.dk",
                "phone": "+45 31 65 43 21",
                "language": "ar",
            },
        ],
        "children": [
            {
                "key": "yusuf",
                "first_name": "Yusuf",
                "last_name": "Al-Sayed",
                "birth": "2017-03-15",
                "school": "Hellig Kors Skole",
                "cases": [
                    {
                        "ext": "SOF-BFU-2001",
                        "type": "boernefaglig-undersoegelse",
                        "department": "sof",
                        "holder": "mads",
                        "opened": 75,
                        "stages": [
                            ("henvendelse-modtaget", 75, "mads"),
                            ("undersoegelse", 70, "mads"),
                        ],
                        "adjustments": [("pause", 25, None, None, "waiting-for-family-doctor")],
                        "events": [
                            (
                                75,
                                "stage",
                                "family",
                                {
                                    "da": "Vi har fået jeres henvendelse om Yusuf.",
                                    "en": "We have received your request about Yusuf.",
                                    "ar": "لقد تلقينا طلبكم بخصوص يوسف.",
                                },
                            ),
                            (
                                70,
                                "stage",
                                "family",
                                {
                                    "da": "Mads er begyndt på den børnefaglige undersøgelse.",
                                    "en": "Mads has started the child welfare assessment.",
                                    "ar": "بدأ ماتس العمل على الدراسة المتخصصة لحالة الطفل.",
                                },
                            ),
                            (
                                25,
                                "note",
                                "family",
                                {
                                    "da": "Vi venter på svar fra Yusufs læge.",
                                    "en": "We are waiting for an answer from Yusuf's doctor.",
                                    "ar": "ننتظر ردًا من طبيب يوسف.",
                                },
                            ),
                            (24, "note", "internal", "Lægeerklæring rykket telefonisk."),
                        ],
                    },
                ],
                "offers": [("familiebehandling", "sof", "applied", 10, None)],
            },
            {
                "key": "layla",
                "first_name": "Layla",
                "last_name": "Al-Sayed",
                "birth": "2012-06-30",
                "school": "Hellig Kors Skole",
                "cases": [
                    {
                        "ext": "BUF-SU-1002",
                        "type": "specialundervisning",
                        "department": "buf",
                        "holder": "henrik",
                        "opened": 40,
                        "stages": [("indstilling", 40, "henrik"), ("visitation", 12, "henrik")],
                        "events": [
                            (
                                40,
                                "stage",
                                "family",
                                {
                                    "da": "Skolen har sendt en indstilling om Layla.",
                                    "en": "The school has sent us a referral about Layla.",
                                    "ar": "أرسلت المدرسة إلينا طلب إحالة بخصوص ليلى.",
                                },
                            ),
                            (
                                12,
                                "stage",
                                "family",
                                {
                                    "da": "Laylas sag er til visitation.",
                                    "en": "Layla's case has gone to allocation.",
                                    "ar": "ملف ليلى الآن في مرحلة التوزيع.",
                                },
                            ),
                        ],
                    },
                ],
                "offers": [],
            },
        ],
    },
    {
        "key": "nielsen-ozdemir",
        "name": "Familien Nielsen Özdemir",
        "contact": "sara",
        "guardians": [
            {
                "name": "Sofie Nielsen",
                "person_number": "0309904126",
                "access": "custody",
                "email": "sofie.nielsen@example.dk",
                "phone": "+45 40 12 12 12",
                "language": "da",
            },
            {
                "name": "Emre Özdemir",
                "person_number": "1712884239",
                "access": "custody",
                "email": "emre.ozdemir@example.dk",
                "phone": "+45 40 21 21 21",
                "language": "en",
            },
        ],
        "children": [
            {
                "key": "aylin",
                "first_name": "Aylin",
                "last_name": "Özdemir",
                "birth": "2018-01-20",
                "school": "Dagbehandlingstilbuddet Amager",
                "cases": [
                    {
                        "ext": "SOF-DB-2002",
                        "type": "dagbehandling",
                        "department": "sof",
                        "partner": "buf",
                        "holder": "camilla",
                        "opened": 260,
                        "stages": [
                            ("indstilling", 260, "nadia"),
                            ("matchning", 230, "nadia"),
                            ("afgoerelse", 200, "mads"),
                            ("opstart", 180, "camilla"),
                            ("opfoelgning", 50, "camilla"),
                        ],
                        "decision": (200, "ankestyrelsen"),
                        "events": [
                            (
                                260,
                                "stage",
                                "family",
                                {
                                    "da": "Aylin er indstillet til dagbehandling.",
                                    "en": "Aylin has been referred to day treatment.",
                                    "ar": "تمت إحالة آيلين إلى العلاج النهاري.",
                                },
                            ),
                            (
                                230,
                                "stage",
                                "family",
                                {
                                    "da": "Matchningsudvalget har fundet et tilbud til Aylin.",
                                    "en": "The matching committee has found a place for Aylin.",
                                    "ar": "وجدت لجنة المطابقة مكانًا مناسبًا لآيلين.",
                                },
                            ),
                            (
                                200,
                                "decision",
                                "family",
                                {
                                    "da": "Aylin har fået dagbehandling med intern skole.",
                                    "en": "Aylin has been granted day treatment "
                                    "with its own school.",
                                    "ar": "حصلت آيلين على العلاج النهاري مع مدرسة تابعة له.",
                                },
                            ),
                            (
                                180,
                                "stage",
                                "family",
                                {
                                    "da": "Aylin er startet i dagbehandling på Amager.",
                                    "en": "Aylin has started day treatment in Amager.",
                                    "ar": "بدأت آيلين العلاج النهاري في أماغر.",
                                },
                            ),
                            (
                                50,
                                "stage",
                                "family",
                                {
                                    "da": "Vi følger op på, hvordan det går for Aylin.",
                                    "en": "We are following up on how Aylin is doing.",
                                    "ar": "نتابع كيف تسير أمور آيلين.",
                                },
                            ),
                        ],
                    },
                ],
                "offers": [
                    ("dagbehandling", "sof", "started", 180, "Dagbehandlingstilbuddet Amager")
                ],
            },
        ],
    },
    {
        "key": "jensen",
        "name": "Familien Jensen",
        "contact": "henrik",
        "guardians": [
            {
                "name": "Louise Jensen",
                "person_number": "2504794310",
                "access": "custody",
                "email": "louise.jensen@example.dk",
                "phone": "+45 51 23 45 67",
                "language": "da",
            },
        ],
        "children": [
            {
                "key": "noah",
                "first_name": "Noah",
                "last_name": "Jensen",
                "birth": "2009-11-04",
                "school": "Heldagsskolen Katrinedal",
                "cases": [
                    {
                        "ext": "SOF-AFL-2003",
                        "type": "aflastning",
                        "department": "sof",
                        "holder": "mads",
                        "opened": 90,
                        "stages": [
                            ("ansoegning", 90, "mads"),
                            ("afgoerelse", 40, "mads"),
                            ("tilbud-starter", 12, "mads"),
                        ],
                        "decision": (12, "ankestyrelsen"),
                        "events": [
                            (
                                90,
                                "stage",
                                "family",
                                {
                                    "da": "Vi har fået jeres ansøgning om aflastning.",
                                    "en": "We have received your application for respite care.",
                                    "ar": "لقد تلقينا طلبكم للحصول على الرعاية المؤقتة.",
                                },
                            ),
                            (
                                12,
                                "decision",
                                "family",
                                {
                                    "da": "Noah har fået aflastning en weekend om måneden.",
                                    "en": "Noah has been granted respite care one weekend a month.",
                                    "ar": "حصل نوح على الرعاية المؤقتة "
                                    "في عطلة نهاية أسبوع واحدة كل شهر.",
                                },
                            ),
                        ],
                    },
                ],
                "offers": [
                    ("aflastning", "sof", "granted", 30, "Aflastningshjemmet Valby"),
                    ("stu", "buf", "applied", 5, None),
                ],
            },
        ],
    },
    {
        "key": "mohamed",
        "name": "Familien Mohamed",
        "contact": "line",
        "guardians": [
            {
                "name": "Amina Mohamed",
                "person_number": "0811924502",
                "access": "custody",
                "email": "amina.mohamed@example.dk",
                "phone": "+45 60 70 80 90",
                "language": "en",
            },
        ],
        "children": [
            {
                "key": "hodan",
                "first_name": "Hodan",
                "last_name": "Mohamed",
                "birth": "2020-05-12",
                "school": "Børnehuset Mjølnerparken",
                "cases": [
                    {
                        "ext": "BUF-PPR-1003",
                        "type": "ppr-vurdering",
                        "department": "buf",
                        "holder": "line",
                        "opened": 8,
                        "stages": [("henvisning-modtaget", 8, "line")],
                        "events": [
                            (
                                8,
                                "stage",
                                "family",
                                {
                                    "da": "Børnehuset har bedt PPR om hjælp til Hodan.",
                                    "en": "The kindergarten has asked PPR for help with Hodan.",
                                    "ar": "طلبت الروضة من PPR المساعدة بخصوص هودان.",
                                },
                            ),
                        ],
                    },
                ],
                "offers": [],
            },
        ],
    },
    {
        "key": "kowalski",
        "name": "Familien Kowalski",
        "contact": "nadia",
        "guardians": [
            {
                "name": "Anna Kowalska",
                "person_number": "1902874617",
                "access": "custody",
                "email": "anna.kowalska@example.dk",
                "phone": "+45 71 71 71 71",
                "language": "en",
            },
            {
                "name": "Piotr Kowalski",
                "person_number": "3006854729",
                "access": "information",
                "email": None,
                "phone": "+45 72 72 72 72",
                "language": "en",
            },
        ],
        "children": [
            {
                "key": "zofia",
                "first_name": "Zofia",
                "last_name": "Kowalska",
                "birth": "2013-10-09",
                "school": "Vesterbro Ny Skole",
                "cases": [
                    {
                        "ext": "SOF-BFU-2004",
                        "type": "boernefaglig-undersoegelse",
                        "department": "sof",
                        "holder": "mads",
                        "opened": 200,
                        "stages": [
                            ("henvendelse-modtaget", 200, "mads"),
                            ("undersoegelse", 195, "mads"),
                            ("afgoerelse-om-stoette", 70, "mads"),
                            ("barnets-plan", 60, "nadia"),
                        ],
                        "adjustments": [("extension", 20, None, 14, "extension-more-assessment")],
                        "decision": (60, "ankestyrelsen"),
                        "events": [
                            (
                                200,
                                "stage",
                                "family",
                                {
                                    "da": "Vi har fået en henvendelse om Zofia.",
                                    "en": "We have received a message about Zofia.",
                                    "ar": "تلقينا رسالة بخصوص زوفيا.",
                                },
                            ),
                            (
                                195,
                                "stage",
                                "family",
                                {
                                    "da": "Vi er begyndt på den børnefaglige undersøgelse.",
                                    "en": "We have started the child welfare assessment.",
                                    "ar": "بدأنا الدراسة المتخصصة لحالة الطفل.",
                                },
                            ),
                            (
                                70,
                                "stage",
                                "family",
                                {
                                    "da": "Undersøgelsen er færdig. Vi har talt med jer om den.",
                                    "en": "The assessment is finished. "
                                    "We have talked with you about it.",
                                    "ar": "انتهت الدراسة. وقد تحدثنا معكم عنها.",
                                },
                            ),
                            (
                                60,
                                "decision",
                                "family",
                                {
                                    "da": "Zofia får en fast kontaktperson.",
                                    "en": "Zofia gets a permanent contact person.",
                                    "ar": "ستحصل زوفيا على شخص تواصل ثابت.",
                                },
                            ),
                            (59, "note", "internal", "Kontaktperson fundet via Ungeenheden."),
                        ],
                    },
                ],
                "offers": [("fast-kontaktperson", "sof", "started", 45, "Ungeenheden Vesterbro")],
            },
        ],
    },
]

# (family, organiser, kind, days from today, hour, minutes long, title, place, video, who)
MEETINGS = [
    (
        "hansen",
        "sara",
        "tvaerfagligt",
        6,
        10,
        60,
        "Tværfagligt møde om Oliver",
        "Nørrebro Park Skole, lokale 12",
        None,
        ["line", "sara", "Mette Hansen", "Klasselærer Anne Sø"],
    ),
    (
        "hansen",
        "line",
        "samtale",
        -30,
        13,
        45,
        "Samtale med PPR om Oliver",
        "PPR Nørrebro, Nørrebrogade 208",
        None,
        ["line", "Mette Hansen"],
    ),
    (
        "al-sayed",
        "nadia",
        "netvaerk",
        10,
        14,
        90,
        "Netværksmøde om Yusuf og Layla",
        None,
        "https://video.kk.dk/mode/al-sayed-1",
        ["nadia", "mads", "henrik", "Fatima Al-Sayed", "Omar Al-Sayed"],
    ),
    (
        "nielsen-ozdemir",
        "camilla",
        "opfoelgning",
        3,
        9,
        60,
        "Opfølgning på Aylins dagbehandling",
        "Dagbehandlingstilbuddet Amager",
        None,
        ["camilla", "sara", "Sofie Nielsen", "Emre Özdemir"],
    ),
    (
        "nielsen-ozdemir",
        "sara",
        "tvaerfagligt",
        -45,
        10,
        60,
        "Opstartsmøde om Aylin",
        "Dagbehandlingstilbuddet Amager",
        None,
        ["camilla", "sara", "Sofie Nielsen"],
    ),
    (
        "jensen",
        "henrik",
        "samtale",
        14,
        11,
        60,
        "Samtale om STU for Noah",
        "Heldagsskolen Katrinedal",
        None,
        ["henrik", "Louise Jensen"],
    ),
    (
        "kowalski",
        "nadia",
        "opfoelgning",
        -10,
        15,
        60,
        "Barnets plan for Zofia",
        None,
        "https://video.kk.dk/mode/kowalski-1",
        ["nadia", "Anna Kowalska"],
    ),
]

# The next steps agreed at the held meetings, the children's shared plans: (family, meeting
# title, child, owner (a staff key, "family", or "other:<who>"), what, due in days from today
# (negative: already past), done how many days ago or None).
PLAN_STEPS = [
    (
        "hansen",
        "Samtale med PPR om Oliver",
        "oliver",
        "line",
        "Line taler med Olivers klasselærer om, hvordan Oliver har det i timerne.",
        7,
        None,
    ),
    (
        "hansen",
        "Samtale med PPR om Oliver",
        "oliver",
        "family",
        "I fortæller Olivers læge, at PPR er i gang med en vurdering.",
        -14,
        16,
    ),
    (
        "nielsen-ozdemir",
        "Opstartsmøde om Aylin",
        "aylin",
        "camilla",
        "Camilla laver en plan for Aylins første uger i dagbehandlingen.",
        -30,
        33,
    ),
    (
        "nielsen-ozdemir",
        "Opstartsmøde om Aylin",
        "aylin",
        "sara",
        "Sara finder en tid til et møde med Aylins nye skole.",
        -4,
        None,
    ),
    (
        "nielsen-ozdemir",
        "Opstartsmøde om Aylin",
        "aylin",
        "other:Dagbehandlingstilbuddet Amager",
        "Dagbehandlingen sender jer en kort status hver fredag.",
        10,
        None,
    ),
]

# Bookable times: (staff, family or None, days from today, hour)
SLOTS = [
    ("sara", "hansen", 8, 9),
    ("sara", "hansen", 8, 13),
    ("sara", None, 9, 10),
    ("nadia", "al-sayed", 12, 9),
    ("nadia", "al-sayed", 12, 11),
    ("nadia", None, 13, 14),
    ("henrik", "jensen", 15, 10),
    ("line", "mohamed", 5, 9),
    ("line", "mohamed", 7, 13),
]

# Weekly bookable times of the contact persons: (staff, family or None for all their
# families, days from today to the first, hours of the day, weeks, minutes, kind, video link)
SLOT_SERIES = [
    ("sara", None, 16, (9, 11, 14), 4, 60, "samtale", None),
    ("sara", "hansen", 17, (10,), 4, 45, "opfoelgning", "https://video.kk.dk/mode/sara"),
    ("nadia", None, 17, (9, 13), 4, 60, "samtale", None),
    ("henrik", "jensen", 18, (10, 14), 4, 60, "samtale", None),
    ("line", "mohamed", 16, (10, 13), 4, 45, "samtale", None),
]

# "No time fits" requests the contact person has not handled yet, for the caseload:
# (family, guardian's name, weekdays, times of day, note)
TIME_REQUESTS = [
    (
        "nielsen-ozdemir",
        "Sofie Nielsen",
        ["tue", "thu"],
        ["afternoon"],
        "Vi kan bedst efter kl. 14, når Aylin er hentet.",
    ),
]

# (family, author, days ago, child key or None, message)
UPDATES = [
    (
        "hansen",
        "sara",
        20,
        "oliver",
        "PPR er forsinket med vurderingen af Oliver. Line mangler en samtale med hans lærer. "
        "Vi regner med, at den er klar om tre uger. Ring til mig, hvis du har spørgsmål.",
    ),
    (
        "al-sayed",
        "nadia",
        25,
        "yusuf",
        "Vi holder pause i undersøgelsen, mens vi venter på svar fra lægen. Fristen flytter sig "
        "lige så mange dage, som pausen varer.",
    ),
    (
        "al-sayed",
        "nadia",
        3,
        None,
        "Jeg har sendt en indkaldelse til netværksmødet. Skriv gerne, hvis tiden ikke passer.",
    ),
    (
        "nielsen-ozdemir",
        "sara",
        7,
        "aylin",
        "Aylin er faldet godt til. Vi taler om hendes plan på mødet på torsdag.",
    ),
    (
        "jensen",
        "henrik",
        4,
        "noah",
        "Vi har fået ansøgningen om STU. Jeg ringer til jer i næste uge.",
    ),
    (
        "kowalski",
        "nadia",
        9,
        "zofia",
        "Barnets plan er skrevet. I får den med Digital Post i denne uge.",
    ),
]

# Conversations with the contact person: (family, guardian's name, topic, days ago of the update
# it answers or None, messages as (writer: "guardian" or a staff key, days ago, hour, text)).
# Mette's question about the meeting still waits for Sara's answer.
CONVERSATIONS = [
    (
        "hansen",
        "Mette Hansen",
        "update",
        20,
        [
            (
                "guardian",
                19,
                20,
                "Tak for beskeden. Hvad sker der, hvis vurderingen bliver endnu mere forsinket?",
            ),
            (
                "sara",
                18,
                10,
                "Så ringer jeg til dig og siger hvorfor. Du kan også klage over ventetiden. "
                "Jeg sender dig et brev om, hvordan du gør.",
            ),
        ],
    ),
    (
        "hansen",
        "Mette Hansen",
        "meeting",
        None,
        [
            (
                "guardian",
                1,
                21,
                "Hej Sara. Må Oliver være med til mødet om skolen? "
                "Han vil gerne selv sige, hvad han synes.",
            ),
        ],
    ),
]
