"""The shared glossary (fælles ordbog): words both departments use, explained in da, en and ar."""

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
