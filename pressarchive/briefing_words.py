"""The words that name a press briefing, in the languages of the archive's coverage and transcripts.

The importer reads them to find the briefing a text reports and the day it names; a transcript's
heading ("外交部发言人毛宁主持例行记者会") is told from its first announcement by them.
"""

from __future__ import annotations

import re

BRIEFING_WORDS = (
    "press conference", "press briefing", "news conference", "briefing", "記者会見", "会見", "记者会", "記者會", "브리핑", "기자회견",
    "吹风会", "брифинг", "пресс-конференц", "брифінг", "пресконференц", "прес-конференц", "rueda de prensa", "conferencia de prensa", "coletiva",
    "conférence de presse", "point de presse", "point presse", "conferenza stampa", "punto stampa", "Pressekonferenz", "Pressebriefing", "conferência de imprensa",
    "konferensi pers", "jumpa pers", "họp báo", "مؤتمر صحفي", "المؤتمر الصحفي", "مؤتمرا صحفيا", "مؤتمر صحافي",
    "المؤتمر الصحافي", "مؤتمرا صحافيا", "مؤتمراً صحفياً", "مؤتمرًا صحفيًا", "مؤتمرها الصحفي",
    "مؤتمره الصحفي", "مؤتمر صحفى", "إحاطة صحفية", "الإحاطة الإعلامية", "إحاطة إعلامية", "في إحاطة", "إحاطتها", "إحاطته", "نشست خبری", "کنفرانس خبری", "basın toplantı", "brifing",
    "प्रेस कॉन्फ्रेंस", "प्रेस कांफ्रेंस", "प्रेस वार्ता", "संवाददाता सम्मेलन", "ब्रीफिंग", "پریس کانفرنس", "پریس بریفنگ",
    "সংবাদ সম্মেলন", "แถลงข่าว", "sidang media", "sidang akhbar", "konferencja prasowa", "persconferentie",
)  # fmt: skip
BRIEFING_WORD = re.compile("|".join(map(re.escape, BRIEFING_WORDS)), re.IGNORECASE)
