"""Demo content for Familieportalen: offers, glossary, case types and clock reasons.

Pure data, no imports from the rest of the project. Every text has Danish (``da``), English
(``en``) and Arabic (``ar``). Danish texts for parents are written in plain language (LIX <= 35).

Legal references: Barnets lov (in force since 1 January 2024, LBK nr. 282 af 17/03/2025),
folkeskoleloven, serviceloven (via Barnets lov § 90), retssikkerhedsloven and
lov om ungdomsuddannelse for unge med særlige behov (STU-loven).
"""

# ---------------------------------------------------------------------------------------------
# 1. Offers (tilbudsviften): the help BUF and SOF can give. department None = joint offer.
# ---------------------------------------------------------------------------------------------

OFFERS = [
    {
        "code": "ppr-vurdering",
        "department": "buf",
        "name": {
            "da": "PPR-vurdering (PPV)",
            "en": "Educational psychological assessment (PPV)",
            "ar": "التقييم التربوي النفسي (PPV)",
        },
        "summary": {
            "da": "En psykolog fra PPR ser på, hvordan dit barn lærer og har det. "
            "Det hele samles i en skriftlig vurdering, som hedder en PPV.",
            "en": "A psychologist from PPR looks at how your child learns and is doing. "
            "Everything is gathered in a written assessment called a PPV.",
            "ar": "يقوم أخصائي نفسي من PPR بدراسة طريقة تعلّم طفلك وحالته العامة. "
            "وتُجمع النتائج في تقييم مكتوب يُسمّى PPV.",
        },
        "who_decides": {
            "da": "Skolen og PPR aftaler med dig, at der skal laves en PPV. Det er PPR, "
            "der skriver den.",
            "en": "The school and PPR agree with you that a PPV is needed. PPR writes it.",
            "ar": "تتفق المدرسة وPPR معك على ضرورة إعداد التقييم. ويتولى PPR كتابته.",
        },
        "how_to_ask": {
            "da": "Tal med dit barns lærer eller skolens leder. "
            "Du kan også selv bede PPR om en PPV.",
            "en": "Talk to your child's teacher or the head of the school. "
            "You can also ask PPR for a PPV yourself.",
            "ar": "تحدّث مع معلّم طفلك أو مع مدير المدرسة. ويمكنك أيضًا أن تطلب التقييم من PPR بنفسك.",
        },
        "legal_basis": "Folkeskoleloven § 12, stk. 2",
        "age_min": 5,
        "age_max": 17,
    },
    {
        "code": "specialklasse",
        "department": "buf",
        "name": {
            "da": "Specialklasse",
            "en": "Special class",
            "ar": "فصل خاص",
        },
        "summary": {
            "da": "En lille klasse på en almindelig skole. Her er der færre børn og flere voksne.",
            "en": "A small class at an ordinary school. There are fewer children and more adults.",
            "ar": "فصل صغير داخل مدرسة عادية. يكون فيه عدد أقل من الأطفال وعدد أكبر من البالغين.",
        },
        "who_decides": {
            "da": "BUF beslutter det ud fra PPV'en. Vi taler altid med dig først.",
            "en": "BUF decides, based on the PPV. We always talk to you first.",
            "ar": "تتخذ إدارة BUF القرار بناءً على التقييم PPV. ونتحدث معك دائمًا قبل ذلك.",
        },
        "how_to_ask": {
            "da": "Tal med skolens leder eller med PPR. De kan sende en sag om dit barn til BUF.",
            "en": "Talk to the head of the school or to PPR. "
            "They can refer your child's case to BUF.",
            "ar": "تحدّث مع مدير المدرسة أو مع PPR. ويمكنهم إحالة ملف طفلك إلى إدارة BUF.",
        },
        "legal_basis": "Folkeskoleloven § 3, stk. 2, og § 20, stk. 2",
        "age_min": 6,
        "age_max": 17,
    },
    {
        "code": "specialskole",
        "department": "buf",
        "name": {
            "da": "Specialskole",
            "en": "Special school",
            "ar": "مدرسة خاصة",
        },
        "summary": {
            "da": "En skole kun for børn med særlige behov. "
            "Der er små hold og voksne med særlig viden.",
            "en": "A school only for children with special needs. "
            "There are small groups and staff with special knowledge.",
            "ar": "مدرسة مخصّصة للأطفال ذوي الاحتياجات الخاصة فقط. "
            "فيها مجموعات صغيرة وموظفون ذوو خبرة خاصة.",
        },
        "who_decides": {
            "da": "BUF beslutter det ud fra PPV'en. Du bliver hørt, før vi beslutter noget.",
            "en": "BUF decides, based on the PPV. You are heard before we decide anything.",
            "ar": "تتخذ إدارة BUF القرار بناءً على التقييم PPV. ونستمع إلى رأيك قبل أي قرار.",
        },
        "how_to_ask": {
            "da": "Tal med skolens leder, PPR eller din kontaktperson. De hjælper dig videre.",
            "en": "Talk to the head of the school, PPR or your contact person. They will help you.",
            "ar": "تحدّث مع مدير المدرسة أو مع PPR أو مع الشخص المسؤول عن التواصل معك. "
            "وسيساعدونك في الخطوات التالية.",
        },
        "legal_basis": "Folkeskoleloven § 3, stk. 2, og § 20, stk. 2",
        "age_min": 6,
        "age_max": 17,
    },
    {
        "code": "stoette-i-klassen",
        "department": "buf",
        "name": {
            "da": "Støtte i klassen (støttepædagog)",
            "en": "Support in class (support educator)",
            "ar": "الدعم داخل الفصل (مربٍّ مساعد)",
        },
        "summary": {
            "da": "En ekstra voksen hjælper dit barn i den almindelige klasse. "
            "Det kan være nogle timer om ugen.",
            "en": "An extra adult helps your child in the ordinary class. "
            "It can be a few hours a week.",
            "ar": "يساعد شخص بالغ إضافي طفلك داخل فصله العادي. وقد يكون ذلك بضع ساعات في الأسبوع.",
        },
        "who_decides": {
            "da": "Skolens leder beslutter støtte i få timer. "
            "Skal dit barn have 9 timer eller mere om ugen, skal PPR først lave en PPV.",
            "en": "The head of the school decides on support for a few hours. "
            "For 9 hours a week or more, PPR must first make a PPV.",
            "ar": "يقرّر مدير المدرسة الدعم لعدد قليل من الساعات. "
            "أما إذا احتاج طفلك إلى 9 ساعات أسبوعيًا أو أكثر، فيجب أن يُعدّ PPR تقييمًا أولًا.",
        },
        "how_to_ask": {
            "da": "Tal med dit barns lærer eller skolens leder.",
            "en": "Talk to your child's teacher or the head of the school.",
            "ar": "تحدّث مع معلّم طفلك أو مع مدير المدرسة.",
        },
        "legal_basis": "Folkeskoleloven § 3 a og § 3, stk. 2",
        "age_min": 6,
        "age_max": 17,
    },
    {
        "code": "dagbehandling",
        "department": None,
        "name": {
            "da": "Dagbehandling med intern skole",
            "en": "Day treatment with an on-site school",
            "ar": "العلاج النهاري مع مدرسة داخلية",
        },
        "summary": {
            "da": "Dit barn går i skole og får hjælp samme sted hver dag. "
            "Dit barn bor hjemme, og I får også hjælp som familie.",
            "en": "Your child goes to school and gets treatment in the same place every day. "
            "Your child lives at home, and you also get help as a family.",
            "ar": "يذهب طفلك إلى المدرسة ويتلقى العلاج في المكان نفسه كل يوم. "
            "ويبقى طفلك مقيمًا في البيت، وتحصلون أيضًا على المساعدة كأسرة.",
        },
        "who_decides": {
            "da": "BUF og SOF beslutter det sammen. "
            "Et fælles udvalg finder det sted, der passer til dit barn.",
            "en": "BUF and SOF decide together. "
            "A joint committee finds the place that suits your child.",
            "ar": "تتخذ إدارتا BUF وSOF القرار معًا. وتبحث لجنة مشتركة عن المكان المناسب لطفلك.",
        },
        "how_to_ask": {
            "da": "Tal med din kontaktperson eller din sagsbehandler i SOF. "
            "Skolen og PPR kan også foreslå det.",
            "en": "Talk to your contact person or your caseworker at SOF. "
            "The school and PPR can also suggest it.",
            "ar": "تحدّث مع الشخص المسؤول عن التواصل معك أو مع مسؤول ملفك في SOF. "
            "ويمكن للمدرسة وPPR أيضًا اقتراح ذلك.",
        },
        "legal_basis": "Barnets lov § 32, stk. 1, nr. 5, og folkeskoleloven § 22",
        "age_min": 6,
        "age_max": 17,
    },
    {
        "code": "familiebehandling",
        "department": "sof",
        "name": {
            "da": "Familiebehandling",
            "en": "Family therapy",
            "ar": "العلاج الأسري",
        },
        "summary": {
            "da": "I taler med en behandler om det, der er svært i familien. "
            "Målet er, at jeres hverdag bliver bedre.",
            "en": "You talk with a therapist about what is hard in the family. "
            "The aim is to make your everyday life better.",
            "ar": "تتحدثون مع معالج عمّا هو صعب داخل الأسرة. والهدف أن تتحسن حياتكم اليومية.",
        },
        "who_decides": {
            "da": "En sagsbehandler i SOF ser på jeres behov og siger ja eller nej. "
            "I skal selv sige ja til hjælpen.",
            "en": "A caseworker at SOF looks at your needs and says yes or no. "
            "You must agree to the help yourselves.",
            "ar": "يدرس مسؤول ملف في SOF احتياجاتكم ويقرّر القبول أو الرفض. "
            "ويجب أن توافقوا أنتم على المساعدة.",
        },
        "how_to_ask": {
            "da": "Ring eller skriv til SOF. Du kan også spørge din kontaktperson.",
            "en": "Call or write to SOF. You can also ask your contact person.",
            "ar": "اتصل بـ SOF أو اكتب إليها. ويمكنك أيضًا سؤال الشخص المسؤول عن التواصل معك.",
        },
        "legal_basis": "Barnets lov § 32, stk. 1, nr. 5",
        "age_min": 0,
        "age_max": 17,
    },
    {
        "code": "aflastning",
        "department": "sof",
        "name": {
            "da": "Aflastning",
            "en": "Respite care",
            "ar": "الرعاية المؤقتة (الاستراحة)",
        },
        "summary": {
            "da": "Dit barn bor nogle dage eller weekender et andet trygt sted. "
            "Så får I som familie tid til at hvile jer.",
            "en": "Your child stays some days or weekends in another safe place. "
            "This gives you as a family time to rest.",
            "ar": "يقيم طفلك بعض الأيام أو عطلات نهاية الأسبوع في مكان آمن آخر. "
            "وبذلك تحصلون كأسرة على وقت للراحة.",
        },
        "who_decides": {
            "da": "En sagsbehandler i SOF ser på jeres behov og siger ja eller nej. "
            "Du får svaret på skrift.",
            "en": "A caseworker at SOF looks at your needs and says yes or no. "
            "You get the answer in writing.",
            "ar": "يدرس مسؤول ملف في SOF احتياجاتكم ويقرّر القبول أو الرفض. وتحصل على الرد مكتوبًا.",
        },
        "how_to_ask": {
            "da": "Søg hos SOF, eller bed din kontaktperson om hjælp til at søge.",
            "en": "Apply to SOF, or ask your contact person to help you apply.",
            "ar": "قدّم طلبًا إلى SOF، أو اطلب من الشخص المسؤول عن التواصل معك أن يساعدك في التقديم.",
        },
        "legal_basis": "Barnets lov § 32, stk. 1, nr. 7, og § 90 (jf. servicelovens § 84, stk. 1)",
        "age_min": 0,
        "age_max": 17,
    },
    {
        "code": "fast-kontaktperson",
        "department": "sof",
        "name": {
            "da": "Fast kontaktperson til dit barn",
            "en": "Regular support person for your child",
            "ar": "شخص دعم ثابت لطفلك",
        },
        "summary": {
            "da": "En voksen mødes fast med dit barn. Den voksne hjælper med skole, "
            "venner og fritid.",
            "en": "An adult meets your child regularly. "
            "The adult helps with school, friends and free time.",
            "ar": "يلتقي شخص بالغ بطفلك بشكل منتظم. ويساعده في المدرسة والصداقات ووقت الفراغ.",
        },
        "who_decides": {
            "da": "En sagsbehandler i SOF ser på jeres behov og siger ja eller nej. "
            "Du får svaret på skrift.",
            "en": "A caseworker at SOF looks at your needs and says yes or no. "
            "You get the answer in writing.",
            "ar": "يدرس مسؤول ملف في SOF احتياجاتكم ويقرّر القبول أو الرفض. وتحصل على الرد مكتوبًا.",
        },
        "how_to_ask": {
            "da": "Spørg din kontaktperson eller din sagsbehandler i SOF.",
            "en": "Ask your contact person or your caseworker at SOF.",
            "ar": "اسأل الشخص المسؤول عن التواصل معك أو مسؤول ملفك في SOF.",
        },
        "legal_basis": "Barnets lov § 32, stk. 1, nr. 3",
        "age_min": 0,
        "age_max": 17,
    },
    {
        "code": "stoette-i-hjemmet",
        "department": "sof",
        "name": {
            "da": "Støtte i hjemmet",
            "en": "Support at home",
            "ar": "الدعم في المنزل",
        },
        "summary": {
            "da": "En pædagog kommer hjem til jer. "
            "Hun eller han hjælper med faste vaner, fx om morgenen og når I skal i seng.",
            "en": "A social educator visits you at home. "
            "They help with daily routines, for example in the morning and at bedtime.",
            "ar": "يزوركم مربٍّ اجتماعي في البيت. "
            "ويساعدكم في تنظيم الروتين اليومي، مثل الصباح ووقت النوم.",
        },
        "who_decides": {
            "da": "En sagsbehandler i SOF ser på jeres behov og siger ja eller nej. "
            "Du får svaret på skrift.",
            "en": "A caseworker at SOF looks at your needs and says yes or no. "
            "You get the answer in writing.",
            "ar": "يدرس مسؤول ملف في SOF احتياجاتكم ويقرّر القبول أو الرفض. وتحصل على الرد مكتوبًا.",
        },
        "how_to_ask": {
            "da": "Ring eller skriv til SOF. Din kontaktperson kan også hjælpe dig.",
            "en": "Call or write to SOF. Your contact person can also help you.",
            "ar": "اتصل بـ SOF أو اكتب إليها. ويمكن أن يساعدك الشخص المسؤول عن التواصل معك أيضًا.",
        },
        "legal_basis": "Barnets lov § 32, stk. 1, nr. 2",
        "age_min": 0,
        "age_max": 17,
    },
    {
        "code": "hjemmetraening",
        "department": "sof",
        "name": {
            "da": "Hjemmetræning",
            "en": "Home training",
            "ar": "التدريب المنزلي",
        },
        "summary": {
            "da": "I træner selv med jeres barn hjemme efter en fast metode. "
            "Vi kan give penge til træning, kurser og hjælpere.",
            "en": "You train your child at home yourselves, using a set method. "
            "We can pay for training, courses and helpers.",
            "ar": "تقومون بأنفسكم بتدريب طفلكم في البيت وفق طريقة محددة. "
            "ويمكننا تغطية تكاليف التدريب والدورات والمساعدين.",
        },
        "who_decides": {
            "da": "SOF træffer afgørelsen. Først ser vi grundigt på dit barns behov.",
            "en": "SOF makes the decision. First we look closely at your child's needs.",
            "ar": "تتخذ SOF القرار. ونقوم أولًا بدراسة احتياجات طفلك بعناية.",
        },
        "how_to_ask": {
            "da": "Skriv til SOF, hvilken metode I vil bruge. Din kontaktperson kan hjælpe.",
            "en": "Write to SOF about the method you want to use. Your contact person can help.",
            "ar": "اكتب إلى SOF عن الطريقة التي تريدون استخدامها. "
            "ويمكن أن يساعدك الشخص المسؤول عن التواصل معك.",
        },
        "legal_basis": "Barnets lov § 85",
        "age_min": 0,
        "age_max": 17,
    },
    {
        "code": "hjaelpemidler",
        "department": "sof",
        "name": {
            "da": "Hjælpemidler",
            "en": "Assistive devices",
            "ar": "الأدوات المساعدة",
        },
        "summary": {
            "da": "Ting, der gør hverdagen lettere for et barn med handicap. "
            "Det kan fx være en kørestol eller en særlig seng.",
            "en": "Things that make everyday life easier for a child with a disability. "
            "For example a wheelchair or a special bed.",
            "ar": "أدوات تجعل الحياة اليومية أسهل للطفل ذي الإعاقة. مثل كرسي متحرك أو سرير خاص.",
        },
        "who_decides": {
            "da": "SOF træffer afgørelsen. En terapeut ser på, hvad dit barn har brug for.",
            "en": "SOF makes the decision. A therapist looks at what your child needs.",
            "ar": "تتخذ SOF القرار. ويقيّم معالج ما يحتاجه طفلك.",
        },
        "how_to_ask": {
            "da": "Søg hos SOF. Skriv, hvad dit barn ikke kan i dag uden hjælp.",
            "en": "Apply to SOF. Write what your child cannot do today without help.",
            "ar": "قدّم طلبًا إلى SOF. واكتب ما لا يستطيع طفلك فعله اليوم دون مساعدة.",
        },
        "legal_basis": "Barnets lov § 90, nr. 4, jf. servicelovens § 112",
        "age_min": 0,
        "age_max": 17,
    },
    {
        "code": "fritid-med-stoette",
        "department": "buf",
        "name": {
            "da": "Fritidshjem eller klub med støtte",
            "en": "After-school centre or club with support",
            "ar": "نادٍ أو مركز بعد المدرسة مع الدعم",
        },
        "summary": {
            "da": "Et fritidshjem eller en klub for børn, som har brug for mere hjælp. "
            "Der er flere voksne, og dagen er mere rolig.",
            "en": "An after-school centre or club for children who need more help. "
            "There are more adults, and the day is calmer.",
            "ar": "مركز أو نادٍ بعد المدرسة للأطفال الذين يحتاجون إلى مساعدة أكبر. "
            "فيه عدد أكبر من البالغين، ويكون اليوم أهدأ.",
        },
        "who_decides": {
            "da": "BUF beslutter det. Det sker tit samtidig med valget af skole.",
            "en": "BUF decides. This often happens at the same time as the choice of school.",
            "ar": "تتخذ إدارة BUF القرار. وغالبًا ما يحدث ذلك مع اختيار المدرسة.",
        },
        "how_to_ask": {
            "da": "Spørg dit barns skole eller din kontaktperson.",
            "en": "Ask your child's school or your contact person.",
            "ar": "اسأل مدرسة طفلك أو الشخص المسؤول عن التواصل معك.",
        },
        "legal_basis": "Barnets lov §§ 83 og 84",
        "age_min": 6,
        "age_max": 17,
    },
    {
        "code": "netvaerksmoede",
        "department": None,
        "name": {
            "da": "Netværksmøde og tidlig hjælp",
            "en": "Network meeting and early help",
            "ar": "اجتماع الشبكة والمساعدة المبكرة",
        },
        "summary": {
            "da": "Et møde med jer, skolen og andre, der kender jeres barn. "
            "I finder sammen en løsning, før problemet bliver stort.",
            "en": "A meeting with you, the school and others who know your child. "
            "Together you find a solution before the problem grows.",
            "ar": "اجتماع يضمّكم مع المدرسة وآخرين يعرفون طفلكم. "
            "وتبحثون معًا عن حل قبل أن تكبر المشكلة.",
        },
        "who_decides": {
            "da": "Der skal ikke træffes en afgørelse. "
            "Din kontaktperson, skolen eller SOF kan sætte det i gang.",
            "en": "No formal decision is needed. "
            "Your contact person, the school or SOF can start it.",
            "ar": "لا حاجة إلى قرار رسمي. "
            "ويمكن للشخص المسؤول عن التواصل معك أو للمدرسة أو لـ SOF البدء به.",
        },
        "how_to_ask": {
            "da": "Bed om et møde her i portalen eller hos din kontaktperson.",
            "en": "Ask for a meeting here in the portal or through your contact person.",
            "ar": "اطلب اجتماعًا هنا في البوابة أو عن طريق الشخص المسؤول عن التواصل معك.",
        },
        "legal_basis": "Barnets lov § 30",
        "age_min": 0,
        "age_max": 17,
    },
    {
        "code": "stu",
        "department": "buf",
        "name": {
            "da": "STU – særligt tilrettelagt ungdomsuddannelse",
            "en": "STU – specially designed youth education",
            "ar": "STU – تعليم الشباب المصمَّم خصيصًا",
        },
        "summary": {
            "da": "En uddannelse på 3 år for unge, der ikke kan tage en anden uddannelse. "
            "Den unge lærer at klare sig så selv som muligt.",
            "en": "A 3-year education for young people who cannot take another education. "
            "The young person learns to manage as independently as possible.",
            "ar": "تعليم مدته 3 سنوات للشباب الذين لا يستطيعون متابعة تعليم آخر. "
            "ويتعلم الشاب فيه الاعتماد على نفسه قدر الإمكان.",
        },
        "who_decides": {
            "da": "En vejleder fra UU taler med den unge og kan foreslå STU. "
            "Så siger BUF ja eller nej.",
            "en": "A youth guidance counsellor (UU) talks with the young person and can suggest "
            "STU. Then BUF says yes or no.",
            "ar": "يتحدث مرشد الشباب (UU) مع الشاب ويمكنه اقتراح STU. "
            "ثم تقرّر إدارة BUF القبول أو الرفض.",
        },
        "how_to_ask": {
            "da": "Tal med UU-vejlederen på skolen. Det kan ske fra 9. klasse.",
            "en": "Talk to the youth guidance counsellor (UU) at school. This can start in year 9.",
            "ar": "تحدّث مع مرشد الشباب (UU) في المدرسة. ويمكن ذلك ابتداءً من الصف التاسع.",
        },
        "legal_basis": "Lov om ungdomsuddannelse for unge med særlige behov (STU-loven) § 2",
        "age_min": 16,
        "age_max": 25,
    },
    {
        "code": "ledsagelse",
        "department": "sof",
        "name": {
            "da": "Ledsagelse",
            "en": "Escort support",
            "ar": "المرافقة",
        },
        "summary": {
            "da": "En voksen går med den unge ud i byen, fx til sport eller til venner. "
            "Det er op til 15 timer om måneden.",
            "en": "An adult goes out with the young person, for example to sports or to friends. "
            "It is up to 15 hours a month.",
            "ar": "يرافق شخص بالغ الشاب عند الخروج، مثل الذهاب إلى الرياضة أو إلى الأصدقاء. "
            "وذلك حتى 15 ساعة في الشهر.",
        },
        "who_decides": {
            "da": "En sagsbehandler i SOF ser på jeres behov og siger ja eller nej. "
            "Du får svaret på skrift.",
            "en": "A caseworker at SOF looks at your needs and says yes or no. "
            "You get the answer in writing.",
            "ar": "يدرس مسؤول ملف في SOF احتياجاتكم ويقرّر القبول أو الرفض. وتحصل على الرد مكتوبًا.",
        },
        "how_to_ask": {
            "da": "Søg hos SOF. Den unge skal være mindst 12 år.",
            "en": "Apply to SOF. The young person must be at least 12 years old.",
            "ar": "قدّم طلبًا إلى SOF. ويجب ألا يقل عمر الشاب عن 12 سنة.",
        },
        "legal_basis": "Barnets lov § 89",
        "age_min": 12,
        "age_max": 17,
    },
    {
        "code": "merudgifter",
        "department": "sof",
        "name": {
            "da": "Hjælp til ekstra udgifter",
            "en": "Help with extra costs",
            "ar": "المساعدة في التكاليف الإضافية",
        },
        "summary": {
            "da": "Penge til ting, som I kun skal købe, fordi jeres barn har et handicap. "
            "Det kan fx være særlig mad, tøj eller medicin.",
            "en": "Money for things you only need to buy because your child has a disability. "
            "For example special food, clothes or medicine.",
            "ar": "مبلغ مالي لأشياء تحتاجون إلى شرائها فقط بسبب إعاقة طفلكم. "
            "مثل طعام خاص أو ملابس أو أدوية.",
        },
        "who_decides": {
            "da": "En sagsbehandler i SOF ser på jeres behov og siger ja eller nej. "
            "Du får svaret på skrift.",
            "en": "A caseworker at SOF looks at your needs and says yes or no. "
            "You get the answer in writing.",
            "ar": "يدرس مسؤول ملف في SOF احتياجاتكم ويقرّر القبول أو الرفض. وتحصل على الرد مكتوبًا.",
        },
        "how_to_ask": {
            "da": "Søg hos SOF. Skriv, hvad I bruger penge på, og hvor meget.",
            "en": "Apply to SOF. Write what you spend money on, and how much.",
            "ar": "قدّم طلبًا إلى SOF. واكتب فيمَ تنفقون المال وكم تنفقون.",
        },
        "legal_basis": "Barnets lov § 86",
        "age_min": 0,
        "age_max": 17,
    },
    {
        "code": "tabt-arbejdsfortjeneste",
        "department": "sof",
        "name": {
            "da": "Dækning af tabt løn",
            "en": "Compensation for lost earnings",
            "ar": "تعويض الدخل المفقود",
        },
        "summary": {
            "da": "Må du arbejde mindre for at passe dit barn hjemme? "
            "Så kan du få dækket den løn, du mister.",
            "en": "Do you have to work less to care for your child at home? "
            "Then you can be compensated for the pay you lose.",
            "ar": "هل تضطر إلى تقليل ساعات عملك لرعاية طفلك في البيت؟ "
            "يمكنك عندئذٍ الحصول على تعويض عن الأجر الذي تفقده.",
        },
        "who_decides": {
            "da": "En sagsbehandler i SOF ser på jeres behov og siger ja eller nej. "
            "Du får svaret på skrift.",
            "en": "A caseworker at SOF looks at your needs and says yes or no. "
            "You get the answer in writing.",
            "ar": "يدرس مسؤول ملف في SOF احتياجاتكم ويقرّر القبول أو الرفض. وتحصل على الرد مكتوبًا.",
        },
        "how_to_ask": {
            "da": "Søg hos SOF. Send gerne en lønseddel og et brev fra lægen med.",
            "en": "Apply to SOF. Please include a payslip and a letter from the doctor.",
            "ar": "قدّم طلبًا إلى SOF. ويُفضَّل إرفاق قسيمة راتب ورسالة من الطبيب.",
        },
        "legal_basis": "Barnets lov § 87",
        "age_min": 0,
        "age_max": 17,
    },
]

# ---------------------------------------------------------------------------------------------
# 2. Glossary (fælles forståelsesramme): the shared words BUF and SOF use, in plain language.
# ---------------------------------------------------------------------------------------------

GLOSSARY = [
    {
        "slug": "ppr",
        "term": {
            "da": "PPR (Pædagogisk Psykologisk Rådgivning)",
            "en": "PPR (Educational Psychological Counselling)",
            "ar": "PPR (الاستشارات التربوية والنفسية)",
        },
        "explanation": {
            "da": "PPR er en del af BUF. Her arbejder psykologer og andre med viden om børn. "
            "De hjælper skoler og familier, når et barn har det svært.",
            "en": "PPR is part of BUF. Psychologists and other child experts work there. "
            "They help schools and families when a child is struggling.",
            "ar": "PPR جزء من إدارة BUF. ويعمل فيها أخصائيون نفسيون وخبراء آخرون في شؤون الأطفال. "
            "ويساعدون المدارس والأسر عندما يواجه الطفل صعوبات.",
        },
    },
    {
        "slug": "ppv",
        "term": {
            "da": "PPV (pædagogisk psykologisk vurdering)",
            "en": "PPV (educational psychological assessment)",
            "ar": "PPV (التقييم التربوي النفسي)",
        },
        "explanation": {
            "da": "En PPV er en skriftlig vurdering fra PPR. "
            "Den siger, hvad dit barn er godt til, og hvad der er svært. "
            "Den skal laves, før dit barn kan få specialundervisning.",
            "en": "A PPV is a written assessment from PPR. "
            "It says what your child is good at and what is hard. "
            "It must be made before your child can get special education.",
            "ar": "التقييم PPV تقرير مكتوب من PPR. "
            "ويبيّن ما يجيده طفلك وما يصعب عليه. "
            "ويجب إعداده قبل أن يحصل طفلك على التعليم الخاص.",
        },
    },
    {
        "slug": "dagbehandling",
        "term": {
            "da": "Dagbehandling",
            "en": "Day treatment",
            "ar": "العلاج النهاري",
        },
        "explanation": {
            "da": "Et sted, hvor dit barn går i skole og får hjælp hver dag. "
            "Dit barn sover hjemme. BUF og SOF står for det sammen.",
            "en": "A place where your child goes to school and gets help every day. "
            "Your child sleeps at home. BUF and SOF run it together.",
            "ar": "مكان يذهب إليه طفلك للدراسة ويتلقى فيه المساعدة كل يوم. "
            "وينام طفلك في البيت. وتتولاه إدارتا BUF وSOF معًا.",
        },
    },
    {
        "slug": "boernefaglig-undersoegelse",
        "term": {
            "da": "Børnefaglig undersøgelse",
            "en": "Child welfare assessment",
            "ar": "الدراسة المتخصصة لحالة الطفل",
        },
        "explanation": {
            "da": "SOF ser grundigt på, hvordan dit barn og jeres familie har det. "
            "Vi taler med jer og med fx skolen og lægen. "
            "Den skal være færdig inden 4 måneder.",
            "en": "SOF looks closely at how your child and your family are doing. "
            "We talk with you and with, for example, the school and the doctor. "
            "It must be finished within 4 months.",
            "ar": "تدرس SOF بعناية حال طفلك وأسرتك. "
            "ونتحدث معكم ومع جهات أخرى مثل المدرسة والطبيب. "
            "ويجب أن تنتهي الدراسة خلال 4 أشهر.",
        },
    },
    {
        "slug": "barnets-plan",
        "term": {
            "da": "Barnets plan",
            "en": "The child's plan",
            "ar": "خطة الطفل",
        },
        "explanation": {
            "da": "En plan med mål for dit barn. Den siger, hvad hjælpen skal føre til. "
            "Vi laver den sammen med dig og dit barn.",
            "en": "A plan with goals for your child. It says what the help should lead to. "
            "We make it together with you and your child.",
            "ar": "خطة تتضمن أهدافًا لطفلك. وتوضح ما يجب أن تحققه المساعدة. ونعدّها معك ومع طفلك.",
        },
    },
    {
        "slug": "partshoering",
        "term": {
            "da": "Partshøring",
            "en": "Right to comment (consultation of parties)",
            "ar": "حق الاطلاع والتعليق",
        },
        "explanation": {
            "da": "Før vi træffer en afgørelse, får du de vigtige oplysninger at se. "
            "Du kan sige, hvis noget er forkert. Vi skal lytte, før vi beslutter.",
            "en": "Before we make a decision, you see the important information. "
            "You can tell us if something is wrong. We must listen before we decide.",
            "ar": "قبل أن نتخذ قرارًا، تطّلع على المعلومات المهمة. "
            "ويمكنك أن تخبرنا إذا كان هناك خطأ. وعلينا أن نستمع إليك قبل القرار.",
        },
    },
    {
        "slug": "aktindsigt",
        "term": {
            "da": "Aktindsigt",
            "en": "Access to your file",
            "ar": "الاطلاع على الملف",
        },
        "explanation": {
            "da": "Du har ret til at se papirerne i din sag. "
            "Du kan bede om det her eller på skrift. "
            "Du får som regel svar inden 7 arbejdsdage.",
            "en": "You have the right to see the papers in your case. "
            "You can ask for this here or in writing. "
            "You usually get an answer within 7 working days.",
            "ar": "من حقك أن تطّلع على الأوراق في ملفك. "
            "ويمكنك طلب ذلك هنا أو كتابيًا. "
            "وتحصل عادةً على رد خلال 7 أيام عمل.",
        },
    },
    {
        "slug": "foraeldremyndighed",
        "term": {
            "da": "Forældremyndighed",
            "en": "Parental custody",
            "ar": "الحضانة (السلطة الأبوية)",
        },
        "explanation": {
            "da": "Den, der har forældremyndighed, bestemmer over barnet. "
            "Det kan være en eller to voksne. "
            "Du skal sige ja, før dit barn får de fleste former for hjælp.",
            "en": "The person with custody makes decisions for the child. "
            "It can be one or two adults. "
            "You must agree before your child gets most kinds of help.",
            "ar": "صاحب الحضانة هو من يتخذ القرارات المتعلقة بالطفل. "
            "وقد يكون شخصًا واحدًا أو شخصين. "
            "ويجب موافقتك قبل أن يحصل طفلك على معظم أنواع المساعدة.",
        },
    },
    {
        "slug": "orienteringsret",
        "term": {
            "da": "Orienteringsret",
            "en": "Right to information (parent without custody)",
            "ar": "حق الحصول على المعلومات (للوالد غير الحاضن)",
        },
        "explanation": {
            "da": "Har du ikke forældremyndighed, kan du stadig få besked om dit barn. "
            "Du kan fx spørge skolen, hvordan det går. "
            "Du kan ikke se hele sagen.",
            "en": "If you do not have custody, you can still get news about your child. "
            "For example, you can ask the school how things are going. "
            "You cannot see the whole case.",
            "ar": "إذا لم تكن لديك الحضانة، يمكنك مع ذلك الحصول على معلومات عن طفلك. "
            "فمثلًا يمكنك أن تسأل المدرسة عن أحواله. "
            "لكن لا يمكنك الاطلاع على الملف كاملًا.",
        },
    },
    {
        "slug": "matchningsudvalg",
        "term": {
            "da": "Matchningsudvalg",
            "en": "Matching committee",
            "ar": "لجنة المطابقة",
        },
        "explanation": {
            "da": "En gruppe fra BUF og SOF, som mødes fast. "
            "De finder det dagbehandlingssted, der passer bedst til dit barn.",
            "en": "A group from BUF and SOF that meets regularly. "
            "They find the day treatment place that suits your child best.",
            "ar": "مجموعة من إدارتي BUF وSOF تجتمع بانتظام. "
            "وتختار مكان العلاج النهاري الأنسب لطفلك.",
        },
    },
    {
        "slug": "aftaleforum",
        "term": {
            "da": "Aftaleforum",
            "en": "Agreement forum",
            "ar": "منتدى الاتفاق",
        },
        "explanation": {
            "da": "Et møde, hvor BUF og SOF aftaler, hvem gør hvad for dit barn. "
            "Så skal du ikke selv få de to til at tale sammen.",
            "en": "A meeting where BUF and SOF agree on who does what for your child. "
            "Then you do not have to get the two to talk to each other yourself.",
            "ar": "اجتماع تتفق فيه إدارتا BUF وSOF على توزيع المهام تجاه طفلك. "
            "وبذلك لا تحتاج أنت إلى التنسيق بينهما.",
        },
    },
    {
        "slug": "buf",
        "term": {
            "da": "BUF (Børne- og Ungdomsforvaltningen)",
            "en": "BUF (Children and Youth Administration)",
            "ar": "BUF (إدارة الأطفال والشباب)",
        },
        "explanation": {
            "da": "BUF står for skoler, daginstitutioner og PPR i København. "
            "Her hører specialklasser og specialskoler også til.",
            "en": "BUF is in charge of schools, day care and PPR in Copenhagen. "
            "Special classes and special schools also belong here.",
            "ar": "تتولى BUF المدارس ودور الرعاية النهارية وPPR في كوبنهاغن. "
            "وتتبعها أيضًا الفصول الخاصة والمدارس الخاصة.",
        },
    },
    {
        "slug": "sof",
        "term": {
            "da": "SOF (Socialforvaltningen)",
            "en": "SOF (Social Services Administration)",
            "ar": "SOF (إدارة الشؤون الاجتماعية)",
        },
        "explanation": {
            "da": "SOF hjælper børn og familier, der har brug for ekstra støtte. "
            "Det kan fx være hjælp hjemme, aflastning eller behandling.",
            "en": "SOF helps children and families who need extra support. "
            "It can be help at home, respite care or treatment.",
            "ar": "تساعد SOF الأطفال والأسر الذين يحتاجون إلى دعم إضافي. "
            "وقد يكون ذلك مساعدة في البيت أو رعاية مؤقتة أو علاجًا.",
        },
    },
    {
        "slug": "forvaltning",
        "term": {
            "da": "Forvaltning",
            "en": "Administration (municipal department)",
            "ar": "الإدارة (إدارة بلدية)",
        },
        "explanation": {
            "da": "En forvaltning er en stor del af kommunen med sin egen opgave. "
            "Dit barn kan få hjælp fra både BUF og SOF.",
            "en": "An administration is a large part of the municipality with its own task. "
            "Your child can get help from both BUF and SOF.",
            "ar": "الإدارة قسم كبير من البلدية له مهمة خاصة به. "
            "ويمكن أن يحصل طفلك على المساعدة من BUF وSOF معًا.",
        },
    },
    {
        "slug": "sagsbehandler",
        "term": {
            "da": "Sagsbehandler (rådgiver)",
            "en": "Caseworker",
            "ar": "مسؤول الملف (الأخصائي الاجتماعي)",
        },
        "explanation": {
            "da": "Den person, der arbejder med din sag og træffer afgørelser. "
            "Tit er det en socialrådgiver i SOF.",
            "en": "The person who works on your case and makes decisions. "
            "Often it is a social worker at SOF.",
            "ar": "الشخص الذي يعمل على ملفك ويتخذ القرارات. "
            "وغالبًا ما يكون أخصائيًا اجتماعيًا في SOF.",
        },
    },
    {
        "slug": "kontaktperson",
        "term": {
            "da": "Kontaktperson (koordinator)",
            "en": "Contact person (coordinator)",
            "ar": "الشخص المسؤول عن التواصل (المنسّق)",
        },
        "explanation": {
            "da": "Din faste person i kommunen. Du har kun én, også når flere hjælper jer. "
            "Personen holder styr på det hele og svarer på dine spørgsmål.",
            "en": "Your one person in the municipality. You have only one, even when several "
            "people help you. This person keeps track of everything and answers your questions.",
            "ar": "الشخص الثابت المسؤول عنك في البلدية. ولديك شخص واحد فقط حتى لو ساعدكم كثيرون. "
            "ويتابع هذا الشخص كل شيء ويجيب عن أسئلتك.",
        },
    },
    {
        "slug": "tvaerfagligt-moede",
        "term": {
            "da": "Tværfagligt møde",
            "en": "Multidisciplinary meeting",
            "ar": "اجتماع متعدد التخصصات",
        },
        "explanation": {
            "da": "Et møde med folk fra flere fag, fx lærer, psykolog og sagsbehandler. "
            "I taler om dit barn og aftaler, hvem gør hvad.",
            "en": "A meeting with people from several professions, for example a teacher, "
            "a psychologist and a caseworker. "
            "You talk about your child and agree on who does what.",
            "ar": "اجتماع يضم أشخاصًا من تخصصات مختلفة، مثل المعلم والأخصائي النفسي ومسؤول الملف. "
            "وتتحدثون عن طفلك وتتفقون على توزيع المهام.",
        },
    },
    {
        "slug": "netvaerksmoede",
        "term": {
            "da": "Netværksmøde",
            "en": "Network meeting",
            "ar": "اجتماع الشبكة",
        },
        "explanation": {
            "da": "Et møde, hvor I selv vælger, hvem der er med. "
            "Det kan være familie, venner og folk fra skolen. "
            "Sammen finder I ud af, hvordan I kan hjælpe.",
            "en": "A meeting where you choose who takes part. "
            "It can be family, friends and people from the school. "
            "Together you find out how you can help.",
            "ar": "اجتماع تختارون فيه بأنفسكم من يحضر. "
            "وقد يكونون من العائلة أو الأصدقاء أو من المدرسة. "
            "وتبحثون معًا عن طرق المساعدة.",
        },
    },
    {
        "slug": "opfoelgning",
        "term": {
            "da": "Opfølgning",
            "en": "Follow-up",
            "ar": "المتابعة",
        },
        "explanation": {
            "da": "Vi ser på, om hjælpen virker. "
            "Første gang sker det senest 3 måneder efter, at hjælpen er startet. "
            "Så taler vi om, hvad der skal ske nu.",
            "en": "We check whether the help is working. "
            "The first time is no later than 3 months after the help started. "
            "Then we talk about what should happen next.",
            "ar": "نتحقق مما إذا كانت المساعدة مفيدة. "
            "وتكون المرة الأولى بعد 3 أشهر على الأكثر من بدء المساعدة. "
            "ثم نتحدث عمّا يجب أن يحدث بعد ذلك.",
        },
    },
    {
        "slug": "afgoerelse",
        "term": {
            "da": "Afgørelse (bevilling)",
            "en": "Decision (grant)",
            "ar": "القرار (الموافقة على المساعدة)",
        },
        "explanation": {
            "da": "En afgørelse er vores svar på, om dit barn får hjælp. "
            "Du får den på skrift med en grund. "
            "Der står også, hvordan du kan klage.",
            "en": "A decision is our answer on whether your child gets help. "
            "You get it in writing with the reasons. "
            "It also says how you can complain.",
            "ar": "القرار هو ردّنا على ما إذا كان طفلك سيحصل على المساعدة. "
            "وتحصل عليه مكتوبًا مع أسبابه. "
            "ويوضح أيضًا كيف يمكنك تقديم شكوى.",
        },
    },
    {
        "slug": "klage-ankestyrelsen",
        "term": {
            "da": "Klage (Ankestyrelsen)",
            "en": "Complaint (National Social Appeals Board)",
            "ar": "الشكوى (مجلس الطعون الاجتماعية)",
        },
        "explanation": {
            "da": "Er du uenig i en afgørelse fra SOF, kan du klage inden 4 uger. "
            "Du sender klagen til SOF, som ser på sagen igen. "
            "Får du ikke ret, sender vi klagen til Ankestyrelsen.",
            "en": "If you disagree with a decision from SOF, you can complain within 4 weeks. "
            "You send the complaint to SOF, which looks at the case again. "
            "If SOF does not agree with you, we send the complaint to Ankestyrelsen.",
            "ar": "إذا لم توافق على قرار من SOF، يمكنك تقديم شكوى خلال 4 أسابيع. "
            "وترسل الشكوى إلى SOF التي تعيد النظر في الملف. "
            "وإذا لم يتغير القرار، نرسل الشكوى إلى مجلس الطعون (Ankestyrelsen).",
        },
    },
    {
        "slug": "klagenaevnet-for-specialundervisning",
        "term": {
            "da": "Klagenævnet for Specialundervisning",
            "en": "Complaints Board for Special Education",
            "ar": "لجنة الشكاوى الخاصة بالتعليم الخاص",
        },
        "explanation": {
            "da": "Her kan du klage over en afgørelse om specialundervisning. "
            "Du har 4 uger. Du sender klagen til BUF, som ser på sagen igen. "
            "Får du ikke ret, går klagen videre til nævnet.",
            "en": "Here you can complain about a decision on special education. "
            "You have 4 weeks. You send the complaint to BUF, which looks at the case again. "
            "If BUF does not agree with you, the complaint goes on to the board.",
            "ar": "هنا يمكنك تقديم شكوى على قرار يخص التعليم الخاص. "
            "ولديك 4 أسابيع. وترسل الشكوى إلى BUF التي تعيد النظر في الملف. "
            "وإذا لم يتغير القرار، تُحال الشكوى إلى اللجنة.",
        },
    },
    {
        "slug": "specialundervisning",
        "term": {
            "da": "Specialundervisning",
            "en": "Special education",
            "ar": "التعليم الخاص",
        },
        "explanation": {
            "da": "Undervisning, der er lavet til et barn med særlige behov. "
            "Det kan være i en specialklasse, på en specialskole "
            "eller med mindst 9 timers støtte om ugen i en almindelig klasse.",
            "en": "Teaching designed for a child with special needs. "
            "It can be in a special class, at a special school "
            "or with at least 9 hours of support a week in an ordinary class.",
            "ar": "تعليم مصمَّم لطفل ذي احتياجات خاصة. "
            "وقد يكون في فصل خاص أو في مدرسة خاصة "
            "أو بدعم لا يقل عن 9 ساعات أسبوعيًا داخل فصل عادي.",
        },
    },
    {
        "slug": "visitation",
        "term": {
            "da": "Visitation",
            "en": "Allocation (placement)",
            "ar": "التوزيع (تحديد المكان)",
        },
        "explanation": {
            "da": "Visitation er, når vi finder det rette tilbud til dit barn. "
            "Vi ser på PPV'en og på, hvad du og dit barn ønsker.",
            "en": "Allocation is when we find the right offer for your child. "
            "We look at the PPV and at what you and your child want.",
            "ar": "التوزيع هو اختيار العرض المناسب لطفلك. "
            "وننظر في التقييم PPV وفي ما تريده أنت وطفلك.",
        },
    },
    {
        "slug": "handleplan",
        "term": {
            "da": "Handleplan",
            "en": "Action plan",
            "ar": "خطة العمل",
        },
        "explanation": {
            "da": "Før 2024 hed barnets plan en handleplan. "
            "Nogle bruger stadig ordet. Det er en plan for, hvad der skal ske, og hvem gør det.",
            "en": "Before 2024, the child's plan was called an action plan. "
            "Some people still use the word. It is a plan for what will happen and who does it.",
            "ar": "قبل عام 2024 كانت خطة الطفل تُسمّى خطة العمل. "
            "وما زال البعض يستخدم هذه الكلمة. وهي خطة لما سيحدث ومن سيقوم به.",
        },
    },
    {
        "slug": "underretning",
        "term": {
            "da": "Underretning",
            "en": "Report of concern",
            "ar": "بلاغ قلق",
        },
        "explanation": {
            "da": "En besked til SOF fra en, der er bekymret for et barn. "
            "Det kan fx være skolen eller lægen. "
            "Vi ser altid på den, og vi fortæller dig om den.",
            "en": "A message to SOF from someone who is worried about a child. "
            "For example the school or the doctor. "
            "We always look at it, and we tell you about it.",
            "ar": "رسالة إلى SOF من شخص قلق على طفل. "
            "مثل المدرسة أو الطبيب. "
            "ونقوم دائمًا بدراستها ونخبرك بها.",
        },
    },
    {
        "slug": "tilbudsviften",
        "term": {
            "da": "Tilbudsviften",
            "en": "Range of offers",
            "ar": "مجموعة العروض المتاحة",
        },
        "explanation": {
            "da": "Alle de former for hjælp, som BUF og SOF kan give. "
            "Du kan se dem her i portalen.",
            "en": "All the kinds of help that BUF and SOF can give. "
            "You can see them here in the portal.",
            "ar": "جميع أنواع المساعدة التي تقدمها إدارتا BUF وSOF. "
            "ويمكنك الاطلاع عليها هنا في البوابة.",
        },
    },
    {
        "slug": "frist",
        "term": {
            "da": "Frist",
            "en": "Deadline",
            "ar": "المهلة",
        },
        "explanation": {
            "da": "Den dag, hvor noget senest skal være færdigt. "
            "Nogle frister står i loven. Andre er mål, som kommunen selv har sat.",
            "en": "The day by which something must be done at the latest. "
            "Some deadlines are set by law. Others are targets the municipality has set itself.",
            "ar": "اليوم الذي يجب أن يكتمل فيه أمر ما كحد أقصى. "
            "بعض المهل يحددها القانون، وبعضها أهداف وضعتها البلدية بنفسها.",
        },
    },
    {
        "slug": "pause-i-sagen",
        "term": {
            "da": "Pause i sagen",
            "en": "Case on hold",
            "ar": "توقف مؤقت في الملف",
        },
        "explanation": {
            "da": "Nogle gange må vi vente, fx på svar fra lægen. "
            "Så kan fristen blive flyttet. Du kan altid se hvorfor.",
            "en": "Sometimes we have to wait, for example for an answer from the doctor. "
            "Then the deadline can be moved. You can always see why.",
            "ar": "أحيانًا نضطر إلى الانتظار، مثل انتظار رد الطبيب. "
            "وعندها قد تتغير المهلة. ويمكنك دائمًا معرفة السبب.",
        },
    },
    {
        "slug": "stu",
        "term": {
            "da": "STU",
            "en": "STU (specially designed youth education)",
            "ar": "STU (تعليم الشباب المصمَّم خصيصًا)",
        },
        "explanation": {
            "da": "En uddannelse på 3 år for unge med særlige behov. "
            "Den er for unge, som ikke kan tage en anden uddannelse. "
            "Man skal starte, før man fylder 25 år.",
            "en": "A 3-year education for young people with special needs. "
            "It is for young people who cannot take another education. "
            "You must start before you turn 25.",
            "ar": "تعليم مدته 3 سنوات للشباب ذوي الاحتياجات الخاصة. "
            "وهو للشباب الذين لا يستطيعون متابعة تعليم آخر. "
            "ويجب البدء فيه قبل بلوغ سن 25.",
        },
    },
    {
        "slug": "aflastning",
        "term": {
            "da": "Aflastning",
            "en": "Respite care",
            "ar": "الرعاية المؤقتة (الاستراحة)",
        },
        "explanation": {
            "da": "Dit barn bor et andet trygt sted i korte perioder. "
            "Det kan være en weekend om måneden. Så kan I som familie få ro.",
            "en": "Your child stays in another safe place for short periods. "
            "It can be one weekend a month. This gives your family some rest.",
            "ar": "يقيم طفلك في مكان آمن آخر لفترات قصيرة. "
            "وقد يكون ذلك عطلة نهاية أسبوع واحدة في الشهر. وبذلك تحصل أسرتك على بعض الراحة.",
        },
    },
    {
        "slug": "bisidder",
        "term": {
            "da": "Bisidder",
            "en": "Support person at meetings",
            "ar": "المرافق في الاجتماعات",
        },
        "explanation": {
            "da": "En person, du tager med til møder. "
            "Det kan være en ven eller en fra familien. "
            "Personen lytter, tager noter og støtter dig.",
            "en": "A person you bring to meetings. "
            "It can be a friend or a family member. "
            "The person listens, takes notes and supports you.",
            "ar": "شخص تصطحبه معك إلى الاجتماعات. "
            "وقد يكون صديقًا أو أحد أفراد العائلة. "
            "ويستمع ويدوّن الملاحظات ويدعمك.",
        },
    },
    {
        "slug": "part-i-sagen",
        "term": {
            "da": "Part i sagen",
            "en": "Party to the case",
            "ar": "طرف في الملف",
        },
        "explanation": {
            "da": "En part er en, som sagen handler om. "
            "Dit barn er selv part, når det er fyldt 10 år. "
            "Så har dit barn ret til at blive hørt og få svar.",
            "en": "A party is someone the case is about. "
            "Your child is a party from the age of 10. "
            "Then your child has the right to be heard and get answers.",
            "ar": "الطرف هو من يتعلق به الملف. "
            "ويصبح طفلك طرفًا بنفسه عند بلوغه 10 سنوات. "
            "وعندها يحق له أن يُستمع إليه وأن يحصل على ردود.",
        },
    },
    {
        "slug": "samtykke",
        "term": {
            "da": "Samtykke",
            "en": "Consent",
            "ar": "الموافقة",
        },
        "explanation": {
            "da": "At du siger ja til noget. Vi skal fx have dit ja, før vi henter oplysninger "
            "fra lægen. Du kan altid trække dit ja tilbage.",
            "en": "That you say yes to something. For example, we need your yes before we ask "
            "the doctor for information. You can always take your yes back.",
            "ar": "أن توافق على أمر ما. فمثلًا نحتاج إلى موافقتك قبل أن نطلب معلومات من الطبيب. "
            "ويمكنك دائمًا سحب موافقتك.",
        },
    },
    {
        "slug": "boernesamtale",
        "term": {
            "da": "Børnesamtale",
            "en": "Conversation with the child",
            "ar": "المحادثة مع الطفل",
        },
        "explanation": {
            "da": "Vi taler med dit barn om, hvordan det har det. "
            "Dit barn må have en voksen med, som det er tryg ved.",
            "en": "We talk with your child about how they are doing. "
            "Your child may bring an adult they feel safe with.",
            "ar": "نتحدث مع طفلك عن حاله. ويمكن لطفلك أن يصطحب شخصًا بالغًا يشعر معه بالأمان.",
        },
    },
]

# ---------------------------------------------------------------------------------------------
# 3. Case types and their ordered stages. norm_days is the norm for one stage; deadline_kind
#    "legal" = the rule is in the law, "target" = the municipality's own service target.
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
                "norm_days": 120,
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
                "norm_days": 90,
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
                "norm_days": 90,
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
            "ar": "العلاج النهاري مع مدرسة داخلية",
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
                "norm_days": 90,
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
