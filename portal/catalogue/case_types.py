"""Case types with their ordered stages, norm durations and legal basis, and the plain-language
reasons a clock can be paused or extended.

Legal references: Barnets lov (in force since 1 January 2024), folkeskoleloven, serviceloven
(via Barnets lov § 90), retssikkerhedsloven and STU-loven.
"""

# ---------------------------------------------------------------------------------------------
# 3. Case types and their ordered stages. norm_days or norm_months is the norm for one stage
#    (legal clocks in calendar months, as the law counts them); deadline_kind "legal" = the
#    rule is in the law, "target" = the municipality's own service target.
# ---------------------------------------------------------------------------------------------

CASE_TYPES = [
    {
        "code": "ppr-vurdering",
        "department": "buf",
        "joint": False,
        "name": {
            "da": "PPR-vurdering (PPV)",
            "en": "Educational psychological assessment (PPV)",
            "ar": "التقييم التربوي النفسي (PPV)",
        },
        # No statutory deadline: the norms below add up to the municipality's 90-day target.
        "stages": [
            {
                "code": "henvisning-modtaget",
                "name": {
                    "da": "Henvisning modtaget",
                    "en": "Referral received",
                    "ar": "تم استلام الإحالة",
                },
                "citizen_text": {
                    "da": "PPR har fået en besked fra skolen om dit barn. "
                    "En psykolog får sagen og ringer til dig.",
                    "en": "PPR has received a message from the school about your child. "
                    "A psychologist takes the case and will call you.",
                    "ar": "تلقّى PPR رسالة من المدرسة بشأن طفلك. "
                    "وسيتولى أخصائي نفسي الملف ويتصل بك.",
                },
                "norm_days": 14,
                "deadline_kind": "target",
                "legal_basis": "Folkeskoleloven § 12, stk. 2",
                "final": False,
            },
            {
                "code": "observation-og-samtaler",
                "name": {
                    "da": "Observation og samtaler",
                    "en": "Observation and conversations",
                    "ar": "الملاحظة والمحادثات",
                },
                "citizen_text": {
                    "da": "Psykologen ser dit barn i klassen og taler med dig, dit barn og skolen. "
                    "Så ved vi, hvad dit barn har brug for.",
                    "en": "The psychologist observes your child in class and talks with you, "
                    "your child and the school. Then we know what your child needs.",
                    "ar": "يلاحظ الأخصائي النفسي طفلك في الفصل ويتحدث معك ومع طفلك ومع المدرسة. "
                    "وبذلك نعرف ما يحتاجه طفلك.",
                },
                "norm_days": 45,
                "deadline_kind": "target",
                "legal_basis": None,
                "final": False,
            },
            {
                "code": "ppv-skrives",
                "name": {
                    "da": "PPV skrives",
                    "en": "PPV is being written",
                    "ar": "كتابة التقييم PPV",
                },
                "citizen_text": {
                    "da": "Psykologen skriver det hele ned i en PPV. "
                    "Du får den, før I mødes om den.",
                    "en": "The psychologist writes everything down in a PPV. "
                    "You will get it before you meet to talk about it.",
                    "ar": "يكتب الأخصائي النفسي كل النتائج في التقييم PPV. "
                    "وستحصل عليه قبل الاجتماع لمناقشته.",
                },
                "norm_days": 21,
                "deadline_kind": "target",
                "legal_basis": None,
                "final": False,
            },
            {
                "code": "ppv-droeftes",
                "name": {
                    "da": "PPV drøftes med dig",
                    "en": "PPV discussed with you",
                    "ar": "مناقشة التقييم PPV معك",
                },
                "citizen_text": {
                    "da": "Du, skolen og psykologen mødes og taler om PPV'en. "
                    "I aftaler, hvad der skal ske nu.",
                    "en": "You, the school and the psychologist meet and talk about the PPV. "
                    "You agree on what happens next.",
                    "ar": "تجتمع أنت والمدرسة والأخصائي النفسي لمناقشة التقييم PPV. "
                    "وتتفقون على الخطوة التالية.",
                },
                "norm_days": 10,
                "deadline_kind": "target",
                "legal_basis": "Folkeskoleloven § 12, stk. 2",
                "final": False,
            },
            {
                "code": "afsluttet",
                "name": {
                    "da": "Afsluttet",
                    "en": "Closed",
                    "ar": "مُغلق",
                },
                "citizen_text": {
                    "da": "PPV'en er færdig, og sagen hos PPR er lukket. "
                    "Du kan altid kontakte PPR igen.",
                    "en": "The PPV is finished, and the case at PPR is closed. "
                    "You can always contact PPR again.",
                    "ar": "اكتمل التقييم PPV وأُغلق الملف لدى PPR. "
                    "ويمكنك دائمًا التواصل مع PPR مرة أخرى.",
                },
                "norm_days": None,
                "deadline_kind": None,
                "legal_basis": None,
                "final": True,
            },
        ],
    },
    {
        "code": "boernefaglig-undersoegelse",
        "department": "sof",
        "joint": False,
        "name": {
            "da": "Børnefaglig undersøgelse",
            "en": "Child welfare assessment",
            "ar": "الدراسة المتخصصة لحالة الطفل",
        },
        "stages": [
            {
                "code": "henvendelse-modtaget",
                "name": {
                    "da": "Henvendelse modtaget",
                    "en": "Request or report received",
                    "ar": "تم استلام الطلب أو البلاغ",
                },
                "citizen_text": {
                    "da": "SOF har fået en henvendelse om dit barn. "
                    "En sagsbehandler læser den og kontakter dig.",
                    "en": "SOF has received a request or report about your child. "
                    "A caseworker reads it and will contact you.",
                    "ar": "تلقّت SOF طلبًا أو بلاغًا بشأن طفلك. وسيقرؤه مسؤول ملف ويتواصل معك.",
                },
                "norm_days": 7,
                "deadline_kind": "target",
                "legal_basis": None,
                "final": False,
            },
            {
                "code": "undersoegelse",
                "name": {
                    "da": "Undersøgelse",
                    "en": "Assessment",
                    "ar": "الدراسة",
                },
                "citizen_text": {
                    "da": "Sagsbehandleren taler med dig, dit barn, skolen og andre, "
                    "der kender jer. "
                    "Loven siger, at vi skal være færdige inden 4 måneder.",
                    "en": "The caseworker talks with you, your child, the school and others "
                    "who know you. The law says we must finish within 4 months.",
                    "ar": "يتحدث مسؤول الملف معك ومع طفلك والمدرسة وآخرين يعرفونكم. "
                    "وينص القانون على أن ننتهي خلال 4 أشهر.",
                },
                "norm_months": 4,
                "deadline_kind": "legal",
                "legal_basis": "Barnets lov § 20, stk. 3",
                "final": False,
            },
            {
                "code": "afgoerelse-om-stoette",
                "name": {
                    "da": "Afgørelse om støtte",
                    "en": "Decision on support",
                    "ar": "القرار بشأن الدعم",
                },
                "citizen_text": {
                    "da": "Sagsbehandleren beslutter, hvilken hjælp dit barn skal have. "
                    "Du får svaret på skrift, og du kan klage.",
                    "en": "The caseworker decides what help your child will get. "
                    "You get the answer in writing, and you can complain.",
                    "ar": "يقرّر مسؤول الملف نوع المساعدة التي سيحصل عليها طفلك. "
                    "وتحصل على الرد مكتوبًا، ويمكنك تقديم شكوى.",
                },
                "norm_days": 14,
                "deadline_kind": "target",
                "legal_basis": "Barnets lov § 32",
                "final": False,
            },
            {
                "code": "barnets-plan",
                "name": {
                    "da": "Barnets plan",
                    "en": "The child's plan",
                    "ar": "خطة الطفل",
                },
                "citizen_text": {
                    "da": "Vi laver en plan med mål for dit barn sammen med jer. "
                    "Den skal være klar senest 3 måneder efter afgørelsen.",
                    "en": "Together with you, we make a plan with goals for your child. "
                    "It must be ready no later than 3 months after the decision.",
                    "ar": "نعدّ معكم خطة تتضمن أهدافًا لطفلك. "
                    "ويجب أن تكون جاهزة بعد 3 أشهر على الأكثر من صدور القرار.",
                },
                "norm_months": 3,
                "deadline_kind": "legal",
                "legal_basis": "Barnets lov § 91",
                "final": False,
            },
            {
                "code": "foerste-opfoelgning",
                "name": {
                    "da": "Første opfølgning",
                    "en": "First follow-up",
                    "ar": "المتابعة الأولى",
                },
                "citizen_text": {
                    "da": "Vi ser sammen med jer på, om hjælpen virker. "
                    "Det sker senest 3 måneder efter, at den er gået i gang.",
                    "en": "We talk with you about how the help is working. "
                    "This happens no later than 3 months after the help started.",
                    "ar": "نتحدث معكم عن مدى فائدة المساعدة. "
                    "ويحدث ذلك بعد 3 أشهر على الأكثر من بدء المساعدة.",
                },
                "norm_months": 3,
                "deadline_kind": "legal",
                "legal_basis": "Barnets lov § 95",
                "final": False,
            },
            {
                "code": "afsluttet",
                "name": {
                    "da": "Afsluttet",
                    "en": "Closed",
                    "ar": "مُغلق",
                },
                "citizen_text": {
                    "da": "Sagen er lukket. Har dit barn brug for hjælp igen, så kontakt os.",
                    "en": "The case is closed. If your child needs help again, contact us.",
                    "ar": "أُغلق الملف. وإذا احتاج طفلك إلى المساعدة مرة أخرى، فتواصل معنا.",
                },
                "norm_days": None,
                "deadline_kind": None,
                "legal_basis": None,
                "final": True,
            },
        ],
    },
    {
        "code": "specialundervisning",
        "department": "buf",
        "joint": False,
        "name": {
            "da": "Specialundervisning",
            "en": "Special education",
            "ar": "التعليم الخاص",
        },
        "stages": [
            {
                "code": "indstilling",
                "name": {
                    "da": "Ansøgning eller indstilling",
                    "en": "Application or referral",
                    "ar": "الطلب أو الإحالة",
                },
                "citizen_text": {
                    "da": "Skolen eller PPR har sendt en sag om dit barn til BUF. "
                    "Sagen bygger på dit barns PPV.",
                    "en": "The school or PPR has sent a case about your child to BUF. "
                    "The case is based on your child's PPV.",
                    "ar": "أرسلت المدرسة أو PPR ملفًا بشأن طفلك إلى BUF. "
                    "ويستند الملف إلى التقييم PPV الخاص بطفلك.",
                },
                "norm_days": 14,
                "deadline_kind": "target",
                "legal_basis": "Folkeskoleloven § 12, stk. 2",
                "final": False,
            },
            {
                "code": "visitation",
                "name": {
                    "da": "Visitation",
                    "en": "Allocation",
                    "ar": "التوزيع",
                },
                "citizen_text": {
                    "da": "En gruppe i BUF ser på dit barns sag. "
                    "De finder den skole eller klasse, der passer bedst.",
                    "en": "A group in BUF looks at your child's case. "
                    "They find the school or class that fits best.",
                    "ar": "تدرس مجموعة في BUF ملف طفلك. وتختار المدرسة أو الفصل الأنسب له.",
                },
                "norm_days": 30,
                "deadline_kind": "target",
                "legal_basis": "Folkeskoleloven § 20, stk. 2",
                "final": False,
            },
            {
                "code": "afgoerelse-om-skoletilbud",
                "name": {
                    "da": "Afgørelse om skole",
                    "en": "Decision on school",
                    "ar": "القرار بشأن المدرسة",
                },
                "citizen_text": {
                    "da": "BUF sender dig et brev om, hvor dit barn skal gå i skole. "
                    "Er du uenig, kan du klage inden 4 uger.",
                    "en": "BUF sends you a letter about where your child will go to school. "
                    "If you disagree, you can complain within 4 weeks.",
                    "ar": "ترسل لك BUF رسالة تحدد المدرسة التي سيذهب إليها طفلك. "
                    "وإذا لم توافق، يمكنك تقديم شكوى خلال 4 أسابيع.",
                },
                "norm_days": 14,
                "deadline_kind": "target",
                "legal_basis": "Folkeskoleloven § 3, stk. 2, og § 51",
                "final": False,
            },
            {
                "code": "skolestart",
                "name": {
                    "da": "Skolestart",
                    "en": "Starting school",
                    "ar": "بدء الدراسة",
                },
                "citizen_text": {
                    "da": "Dit barn starter på den nye skole. "
                    "Skolen inviterer jer til et møde før første dag.",
                    "en": "Your child starts at the new school. "
                    "The school invites you to a meeting before the first day.",
                    "ar": "يبدأ طفلك الدراسة في المدرسة الجديدة. "
                    "وتدعوكم المدرسة إلى اجتماع قبل اليوم الأول.",
                },
                "norm_days": 30,
                "deadline_kind": "target",
                "legal_basis": None,
                "final": False,
            },
            {
                "code": "afsluttet",
                "name": {
                    "da": "Afsluttet",
                    "en": "Closed",
                    "ar": "مُغلق",
                },
                "citizen_text": {
                    "da": "Dit barn er godt i gang på skolen. "
                    "Skolen ser på, om tilbuddet passer, mindst en gang om året.",
                    "en": "Your child is settled at the school. "
                    "The school checks at least once a year whether the offer still fits.",
                    "ar": "استقر طفلك في المدرسة. "
                    "وتراجع المدرسة مرة واحدة على الأقل كل عام مدى ملاءمة العرض.",
                },
                "norm_days": None,
                "deadline_kind": None,
                "legal_basis": None,
                "final": True,
            },
        ],
    },
    {
        "code": "dagbehandling",
        "department": "sof",
        "joint": True,
        "name": {
            "da": "Dagbehandling med intern skole",
            "en": "Day treatment with an on-site school",
            "ar": "العلاج النهاري مع مدرسة في مكان العلاج نفسه",
        },
        "stages": [
            {
                "code": "indstilling",
                "name": {
                    "da": "Indstilling",
                    "en": "Referral",
                    "ar": "الإحالة",
                },
                "citizen_text": {
                    "da": "Din sagsbehandler og PPR har skrevet, "
                    "hvorfor dit barn skal i dagbehandling. "
                    "Du har læst det og kan sige din mening.",
                    "en": "Your caseworker and PPR have written "
                    "why your child needs day treatment. "
                    "You have read it and can give your view.",
                    "ar": "كتب مسؤول ملفك وPPR سبب حاجة طفلك إلى العلاج النهاري. "
                    "وقد اطّلعت على ذلك ويمكنك إبداء رأيك.",
                },
                "norm_days": 14,
                "deadline_kind": "target",
                "legal_basis": "Barnets lov § 32, stk. 1, nr. 5",
                "final": False,
            },
            {
                "code": "matchning",
                "name": {
                    "da": "Matchning",
                    "en": "Matching",
                    "ar": "المطابقة",
                },
                "citizen_text": {
                    "da": "Matchningsudvalget med folk fra BUF og SOF finder det rette sted. "
                    "Vi ser på dit barns behov, og hvor der er plads.",
                    "en": "The matching committee with staff from BUF and SOF finds the right "
                    "place. "
                    "We look at your child's needs and where there is room.",
                    "ar": "تختار لجنة المطابقة، التي تضم موظفين من BUF وSOF، المكان المناسب. "
                    "وننظر في احتياجات طفلك وفي الأماكن المتاحة.",
                },
                "norm_days": 30,
                "deadline_kind": "target",
                "legal_basis": None,
                "final": False,
            },
            {
                "code": "afgoerelse",
                "name": {
                    "da": "Afgørelse",
                    "en": "Decision",
                    "ar": "القرار",
                },
                "citizen_text": {
                    "da": "Du får et brev fra SOF om behandlingen og fra BUF om skolen. "
                    "Du kan klage over begge.",
                    "en": "You get a letter from SOF about the treatment and from BUF about "
                    "the school. You can complain about both.",
                    "ar": "تصلك رسالة من SOF بشأن العلاج ورسالة من BUF بشأن المدرسة. "
                    "ويمكنك تقديم شكوى على كلتيهما.",
                },
                "norm_days": 14,
                "deadline_kind": "target",
                "legal_basis": "Barnets lov § 32, stk. 1, nr. 5, og folkeskoleloven § 22",
                "final": False,
            },
            {
                "code": "opstart",
                "name": {
                    "da": "Opstart",
                    "en": "Start",
                    "ar": "البدء",
                },
                "citizen_text": {
                    "da": "Dit barn starter på det nye sted. Du møder de voksne der. "
                    "I aftaler, hvordan I taler sammen.",
                    "en": "Your child starts day treatment. "
                    "You meet the staff and agree on how to keep in touch.",
                    "ar": "يبدأ طفلك العلاج النهاري. وتلتقي بالموظفين وتتفقون على طريقة التواصل.",
                },
                "norm_days": 30,
                "deadline_kind": "target",
                "legal_basis": None,
                "final": False,
            },
            {
                "code": "opfoelgning",
                "name": {
                    "da": "Opfølgning",
                    "en": "Follow-up",
                    "ar": "المتابعة",
                },
                "citizen_text": {
                    "da": "Vi mødes og ser på, om det går godt. "
                    "Det sker senest 3 måneder efter, at dit barn er startet.",
                    "en": "We meet and look at whether things are going well. "
                    "This happens no later than 3 months after your child started.",
                    "ar": "نجتمع لنرى ما إذا كانت الأمور تسير على ما يرام. "
                    "ويحدث ذلك بعد 3 أشهر على الأكثر من بدء طفلك.",
                },
                "norm_months": 3,
                "deadline_kind": "legal",
                "legal_basis": "Barnets lov § 95",
                "final": False,
            },
            {
                "code": "afsluttet",
                "name": {
                    "da": "Afsluttet",
                    "en": "Closed",
                    "ar": "مُغلق",
                },
                "citizen_text": {
                    "da": "Dagbehandlingen er slut. "
                    "Vi har aftalt med jer, hvilken skole dit barn skal gå på nu.",
                    "en": "Day treatment has ended. "
                    "We have agreed with you which school your child will go to now.",
                    "ar": "انتهى العلاج النهاري. "
                    "واتفقنا معكم على المدرسة التي سيذهب إليها طفلك الآن.",
                },
                "norm_days": None,
                "deadline_kind": None,
                "legal_basis": None,
                "final": True,
            },
        ],
    },
    {
        "code": "aflastning",
        "department": "sof",
        "joint": False,
        "name": {
            "da": "Aflastning",
            "en": "Respite care",
            "ar": "الرعاية المؤقتة (الاستراحة)",
        },
        "stages": [
            {
                "code": "ansoegning",
                "name": {
                    "da": "Ansøgning",
                    "en": "Application",
                    "ar": "الطلب",
                },
                "citizen_text": {
                    "da": "Vi har fået din ansøgning. "
                    "En sagsbehandler ringer til dig og spørger til jeres hverdag.",
                    "en": "We have received your application. "
                    "A caseworker will call you and ask about your everyday life.",
                    "ar": "استلمنا طلبك. وسيتصل بك مسؤول ملف ويسألك عن حياتكم اليومية.",
                },
                "norm_days": 14,
                "deadline_kind": "target",
                "legal_basis": None,
                "final": False,
            },
            {
                "code": "afgoerelse",
                "name": {
                    "da": "Afgørelse",
                    "en": "Decision",
                    "ar": "القرار",
                },
                "citizen_text": {
                    "da": "Sagsbehandleren beslutter, om I kan få aflastning, og hvor meget. "
                    "Du får svaret på skrift.",
                    "en": "The caseworker decides whether you can get respite care, and how much. "
                    "You get the answer in writing.",
                    "ar": "يقرّر مسؤول الملف ما إذا كنتم ستحصلون على الرعاية المؤقتة وكم مقدارها. "
                    "وتحصل على الرد مكتوبًا.",
                },
                "norm_days": 42,
                "deadline_kind": "target",
                "legal_basis": "Barnets lov § 32, stk. 1, nr. 7, og § 90 "
                "(kommunens egen frist, jf. retssikkerhedsloven § 3, stk. 2)",
                "final": False,
            },
            {
                "code": "tilbud-starter",
                "name": {
                    "da": "Aflastning starter",
                    "en": "Respite care starts",
                    "ar": "بدء الرعاية المؤقتة",
                },
                "citizen_text": {
                    "da": "Dit barn besøger stedet første gang sammen med dig. "
                    "Så starter aflastningen.",
                    "en": "Your child visits the place for the first time together with you. "
                    "Then the respite care starts.",
                    "ar": "يزور طفلك المكان لأول مرة برفقتك. ثم تبدأ الرعاية المؤقتة.",
                },
                "norm_days": 30,
                "deadline_kind": "target",
                "legal_basis": None,
                "final": False,
            },
            {
                "code": "afsluttet",
                "name": {
                    "da": "Afsluttet",
                    "en": "Closed",
                    "ar": "مُغلق",
                },
                "citizen_text": {
                    "da": "Aflastningen er i gang. Vi følger op, og du kan altid sige til, "
                    "hvis jeres behov ændrer sig.",
                    "en": "Respite care is under way. We follow up, and you can always tell us "
                    "if your needs change.",
                    "ar": "بدأت الرعاية المؤقتة. ونتابع الأمر، ويمكنك دائمًا إخبارنا "
                    "إذا تغيّرت احتياجاتكم.",
                },
                "norm_days": None,
                "deadline_kind": None,
                "legal_basis": None,
                "final": True,
            },
        ],
    },
]

# ---------------------------------------------------------------------------------------------
# 4. Plain-language reasons shown to the family when a clock is paused or extended.
# ---------------------------------------------------------------------------------------------

CLOCK_REASONS = {
    "waiting-for-family-doctor": {
        "da": "Vi venter på svar fra jeres læge.",
        "en": "We are waiting for an answer from your family doctor.",
        "ar": "ننتظر ردًا من طبيب العائلة.",
    },
    "waiting-for-hospital": {
        "da": "Vi venter på svar fra hospitalet.",
        "en": "We are waiting for an answer from the hospital.",
        "ar": "ننتظر ردًا من المستشفى.",
    },
    "waiting-for-consent": {
        "da": "Vi venter på dit ja til at hente oplysninger.",
        "en": "We are waiting for your consent to collect information.",
        "ar": "ننتظر موافقتك على جمع المعلومات.",
    },
    "extension-more-assessment": {
        "da": "Vi skal vide mere om dit barn, før vi kan beslutte noget. "
        "Derfor tager det længere tid.",
        "en": "We need to know more about your child before we can decide. "
        "That is why it takes longer.",
        "ar": "نحتاج إلى معرفة المزيد عن طفلك قبل أن نتخذ قرارًا. ولهذا يستغرق الأمر وقتًا أطول.",
    },
    "preliminary-assessment": {
        "da": "Undersøgelsen tager mere end 4 måneder. "
        "Du får en kort vurdering nu, og vi gør den færdig hurtigst muligt.",
        "en": "The assessment is taking more than 4 months. "
        "You get a short assessment now, and we will finish as soon as possible.",
        "ar": "تستغرق الدراسة أكثر من 4 أشهر. "
        "وستحصل الآن على تقييم مبدئي قصير، وسننهي الدراسة في أقرب وقت ممكن.",
    },
    "family-asked-for-pause": {
        "da": "I har bedt om en pause i sagen.",
        "en": "You have asked for a pause in the case.",
        "ar": "لقد طلبتم توقفًا مؤقتًا في الملف.",
    },
    "child-ill": {
        "da": "Dit barn er syg. Vi venter, til dit barn er rask igen.",
        "en": "Your child is ill. We are waiting until your child is well again.",
        "ar": "طفلك مريض. وننتظر حتى يتعافى.",
    },
    "waiting-for-interpreter": {
        "da": "Vi venter på en tolk, så I kan forstå alt på mødet.",
        "en": "We are waiting for an interpreter, so you can understand everything at the meeting.",
        "ar": "ننتظر مترجمًا فوريًا حتى تفهموا كل ما يُقال في الاجتماع.",
    },
    "school-holiday": {
        "da": "Skolen har ferie. Vi går i gang igen, når skolen starter.",
        "en": "The school is on holiday. We will continue when school starts again.",
        "ar": "المدرسة في عطلة. وسنستأنف العمل عند عودة الدراسة.",
    },
}
