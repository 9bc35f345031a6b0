"""The offer catalogue (tilbudsviften): the help BUF and SOF can give, in da, en and ar.

Danish texts for parents are plain language (LIX <= 35). department None = a joint offer.
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
            "ar": "العلاج النهاري مع مدرسة في مكان العلاج نفسه",
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
