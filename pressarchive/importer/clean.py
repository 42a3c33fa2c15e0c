"""Cleaning: capture text -> the article's Markdown body, one small named pass at a time.

Each pass takes lines and returns the lines it keeps, recording every line it
removes with the reason. No pass removes a sentence of the article: debris is
matched as a whole line, and a repeated copy of the text is dropped only when
each of its sentences survives in the copy that is kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from ..briefing_words import BRIEFING_WORD
from .dates import LABELLED, LABELLED_SCAN_LINES, SCAN_LINES, STORE_PREFIX, date_lines, dates_in
from .hosts import hosts
from .outlet import CREDIT_LINE
from .page_end import page_end

# "-+ 0.00%", "+1.25%", "AAPL -0.42 %", "HSI 17,234.5 +0.8%": a quote line, never prose.
TICKER = re.compile(r"[A-Z0-9.^]{0,12}\s*(?:[\d,]+(?:\.\d+)?\s*)?[-+−]{0,2}\s*[-+−]?\s*\d+(?:[.,]\d+)?\s*%")
# Languages as a site's switcher names them, each in itself.
LANGUAGE_NAMES = frozenset(
    ("English", "Français", "Deutsch", "Español", "Português", "Italiano", "Русский", "Türkçe", "العربية", "中文")
    + ("日本語", "한국어", "Tiếng Việt", "Bahasa Indonesia", "ไทย", "हिन्दी", "فارسی", "Polski", "Українська")
    + ("简体中文", "繁體中文", "繁体中文")
)
LANGUAGE_RUN = 3  # language names in a row that make a switcher
# A link a site's footer holds, one of a row of them ("About us - Contact us - Copyright"; "About People's Daily Online | Join Us").
_FOOTER_LINK = (
    r"(?:about(?: us| [\w'’ ]{1,30})?|contact(?: us)?|privacy(?: policy)?|terms(?: of (?:use|service))?|join us"
    r"|关于我们|联系方式|联系我们|版权声明|招聘信息|お問い合わせ|利用規約|会社概要)"
)
# Page furniture: controls, sharing, comment forms. Matched against a whole line, case-insensitively.
FURNITURE = re.compile(
    r"(?:listen to the news|listen|share|share this(?: article| story)?:?"
    r"|share on (?:facebook|twitter|x|linkedin|whatsapp)"
    r"|tweet|print|email|copy link|comments?|\d+ comments?|leave a (?:reply|comment)|post comment|reply"
    r"|your email address will not be published\.?(?: required fields are(?: marked \*?)?)?"
    r"|required fields are marked \*|name\s*\*?|email\s*\*?|website|comment\s*\*?"
    r"|save my name, email, and website in this browser for the next time i comment\.?"
    r"|back to top|related (?:articles|posts|news)|advertisement|read more|cancel reply"
    r"|photos?|text size|close|left menu|search|поиск|skip to (?:main )?content|본문 바로가기|article ad box"
    r"|share\s*-\s*\w+|download (?:the )?app(?: from \w+)?|\d+ (?:minutes?|hours?|days?|weeks?|months?) ago(?: \d+)?"
    r"|[+\-−↺ ]*\d+\s*px|\d{1,2}:\d{2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?|分享至?|分享到"
    r"|(?:[^<>›»«\n.,;!?。，]{1,24} [>›»] ){2,}[^<>›»«\n.,;!?。，]{1,24}"  # a breadcrumb trail: "网易首页 > 新闻中心 > 正文"
    r"|(?:[^<>›»«\n.,;!?。，]{1,24} [>›»] ?){2,}"  # one ending at its last separator: "门户 > 行业资讯 >"
    r"|(?:home|inicio|portada|accueil|startseite|главная|首页|首頁|ホーム) [>›»] (?:[^<>›»«\n.,;!?。，]{1,24} [>›»] )+"
    r"[^<>›»«\n.!?。]{1,80}"  # one from the home page, ending in the page's title (Portada > ... > Conferencia de ...)
    r"|图片|圖片|사진|写真|画像|【(?:映像|動画|视频|視頻|写真|画像)】.{0,80}"  # an image's place; a video's link
    r"|click here to comment on this article|read and post comments|join the [\w’' ]{1,30} community|top|see full page"
    r"|please review (?:our )?community guidelines before posting a comment\.?"  # a comment form's furniture
    r"|sign up for [\w’'.& ]{1,40}newsletter|receive breaking news and original analysis - sent right to your inbox\."
    r"|privacy: we never share your email address\.|\(optional for local news\)"  # a newsletter's sign-up form
    r"|\d{1,6}|image|imagen|\d{1,2}:\d{2}"  # a count alone on its line (shares, comments); an image's or a time's place
    r"|(?:reading time:? )?\d{1,2} (?:min|mins|minutes?|minutos)(?: read| de lectura)?"  # reading time
    r"|shares|views|(?:share on (?:facebook|twitter|x|linkedin|whatsapp|telegram))+|leave a reply cancel reply"
    r"|(?:loc ?)?\d{1,2}:\d{2}(?: ?(?:gmt|utc))?|[\w.-]{1,60}\.(?:jpe?g|png|gif|webp)"  # a time's place; an image's file
    r"|no results?|view all results?"  # a site search's placeholders
    r"|(?:also read|read also)\s*:?\s+.{1,150}(?<![.!?。])|相[关關]新[闻聞]\s*[:：].{1,120}(?<![.!?。])"  # a headline
    r"|[上下]一篇\s*[:：].{1,120}|关键[词字]\s*[:：].{0,120}|關鍵[詞字]\s*[:：].{0,120}"  # next/previous story; keywords
    r"|[（(](?:资料图片?|資料圖片?)[）)]|免责声明\s*[:：].*|免責聲明\s*[:：].*"  # a file photo's place; a disclaimer
    r"|.{0,40}(?:违法和不良信息举报|違法和不良資訊舉報).{0,60}"  # a Chinese site's footer
    r"|[^。]{0,40}未[经經]過?过?(?:本站|本网|本網|本报|本報|本刊)[^。]{0,80}"  # "未经过本站允许 请勿将本站内容传播或复制"
    rf"|(?=(?:.*\s[-|]\s)?{_FOOTER_LINK}(?:\s[-|]\s|$))(?:[^|\-\n]{{1,30}}\s[-|]\s){{2,}}[^|\-\n]{{1,30}}"  # footer links
    r"|残り\d+文字.{0,30}|comments powered by disqus|※メールアドレスは公開されません。?|編集部おすすめ"  # a paywall's count; comment forms
    r"|!\[[^\]]*\]\([^)]*\)\s*\|?|.{0,30}기사\s?문의.{0,60}"  # an image's Markdown left over; "기사문의 및 제보" (tips)
    r"|特[别別][声聲]明\s*[:：].*|notice: the content above .{0,300}"  # a platform's notice on its users' posts
    r"|yorum ekle|yorumlar\s*\(\d+\)|logo|기사\s?보기|перейти в медиабанк"  # comment links, a logo's place
    r"|.{0,12}(?:发布评论|發佈評論|发表评论|發表評論).{0,6}|back to top button|continue reading\.{0,3}.{0,80}"
    r"|(?:[·•]\s*[^·•\n]{2,150}?[(（]\d{4}-\d{2}-\d{2}[)）]\s*){2,})",  # other stories, flattened: "· Title(2025-12-24) · ..."
    re.IGNORECASE,
)
# A site's notices: disclaimers, complaints and contact lines, log-in prompts, a redirect's countdown.
# Matched against a whole line, case-insensitively.
NOTICE = re.compile(
    r".{0,80}(?:no se hace responsable de|(?:is|are) not responsible for|n'est pas responsable des?)\s+"
    r"(?:las |los |the |any )?(?:opiniones|opinions?|views|contenidos?|content|comments?|commentaires?)\b.{0,160}"
    r"|this page may contain third-party content.{0,300}|this is a provisional translation .{0,150}"
    r"|.{0,60}如有侵权.{0,80}|如有问题\s*[,，]?\s*请联系我们\s*[!！。]?"  # "... 如有侵权及其他问题,请发送邮件至..."
    r"|gönderilen yorumların .{0,200}|.{0,120} butonuna tıklayınız\.?"  # Turkish comment rules; "click to allow"
    r"|.{0,40}\[email(?:&#160;|\s)protected\]"  # an address a site hid from robots: "◎공감언론 뉴시스 [email protected]"
    r"|(?:(?:QQ|微信|电话|邮箱|E-?mail)\s*[:：]\s*[\w.@-]{3,40}\s*){2,}"  # "QQ:51985809邮箱:51985809@qq.com"
    r"|.{0,12}(?:비밀번호|로그인|регистрация|sign in|log in).{0,20}|wait \d{1,2} sec\.?",  # a log-in box; a redirect
    re.IGNORECASE,
)
# A line of a JSON document that holds no text: a brace, or a field with a number, a flag or a few words.
JSON_FIELD = re.compile(
    r'[{}\[\]],?|"[\w-]{1,40}"\s*:\s*(?:-?\d+(?:\.\d+)?|true|false|null|[{\[]|"[^"\s]*(?: [^"\s]+){0,4}")\s*,?'
)
JSON_DATE_FIELD = re.compile(r'"(?:date|published|pubDate|datePublished|created_at|publish_time)"', re.IGNORECASE)
# A row of topic tags in capitals ("WHITE HOUSE PRESS BRIEFING KAROLINE LEAVITT ..."): five words or more,
# no lower case, no punctuation that would end a sentence; or the categories a story is filed in ("in
# China, International, Latest"). Case-sensitive.
_CATEGORY = r"[A-Z][\w&'’]*(?: [A-Z&][\w&'’]*){0,2}"
_CJK_TAG = r"[\u3040-\u30ff\u3400-\u9fff·・]{2,6}"  # Chinese and Japanese only: Korean spaces its words
_KEYWORD_LOWER = r"[^\W\d_A-ZА-ЯЁ][\w.'’-]{0,20}(?: [\w.'’-]{1,20}){0,2}(?<![.])"
_KEYWORD_UPPER = r"[A-ZА-ЯЁ][\w'’-]{0,20}(?: [\w'’-]{1,20}){0,2}"
WRAPPED_LINE_CHARS = 40  # a line cut mid-sentence this long is a hard-wrapped paragraph's
TAG_ROW = re.compile(
    rf"(?=(?:\S+ ){{4}})[A-Z0-9][A-Z0-9 &'’-]*[A-Z0-9]|in {_CATEGORY}(?:, {_CATEGORY})+"
    rf"|{_CJK_TAG}(?: {_CJK_TAG}){{2,}}"  # "委內瑞拉 美國 馬杜洛 毛寧": CJK words have no spaces between them in prose
)
# Keywords in a comma list, lower case ("china, us, trump, xi, call"), or capitalised, four or more ("В мире,
# Япония, Китай, Токио, Санаэ Такаити"); each a word or three, none ending a sentence. Not inside a
# hard-wrapped sentence, which has such lines too ("he said, adding that, in fact, it was").
KEYWORD_ROW = re.compile(rf"{_KEYWORD_LOWER}(?:, {_KEYWORD_LOWER}){{2,}}|{_KEYWORD_UPPER}(?:, {_KEYWORD_UPPER}){{3,}}")
# A dateline's place alone on its line, the article starting below it ("HAMILTON, Canada"). Case-sensitive.
PLACE_LINE = re.compile(r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*, [A-Z][a-z]+(?: [A-Z][a-z]+)?")
# Lines that credit or label rather than report: editors, copyright, photo credits, a label with no value.
# A credit line's names: "Source: United Nations (video statements)", "Source: news.cn", "Источник: ТАСС"
# (never "Source: China to impose export controls", a headline, or "Source: a senior official said").
_NAME = r"(?:[A-ZА-ЯЁ][\w.'’&-]*|[a-z0-9-]+(?:\.[a-z0-9-]+)+|of|the|and|for|de|del|la|on|&)"
_WIRE_NAMES = (
    "EFE|Xinhua|AFP|AP|Reuters|Kyodo|Jiji Press|TASS|ТАСС|Yonhap|ANSA|dpa|KUNA|PTI|Adnkronos|LaPresse|Lusa|Interfax"
)
CREDITS = re.compile(
    r"\(?(?:web )?editors?\s*:.*|责任编辑\s*[:：].*|[（(]责编\s*[:：][^）)]{1,40}[）)]|[\[(（]?(?:copyright|©|ⓒ).*|.*all rights reserved\.?|.{0,120} are registered trademarks of [^.]{1,60}\.?(?: [^.]{0,60}\.?)?"
    r"|.{0,300}©\s*[\w .&'-]{1,30}|.{0,250}[（(](?:Getty(?: Images)?|EPA|AFP/Getty)[）)]"  # a photo's caption and credit
    r"|[^.。!?！？]{0,250}[（(](?:Reuters|AP|AFP|路透社|法新社|美聯社|美联社)[）)]"  # a caption's (a sentence's sign-off stays)
    r"|[^。！？“”\"]{0,60}版[权權]所有(?![者人权權])[^。！？“”\"]{0,60}"  # "太平洋财富主办 版权所有:太平洋财富网" (not "版权所有者")
    r"|(?:file(?: photo)?:\s*)?.{0,200}\s/\s(?:AP|AFP|Reuters|EFE|Getty Images|Xinhua|AA)"  # "FILE: Mao Ning gestures ... / AP"
    r"|\(by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\)"  # "(By Gong Weiwei)"
    r"|\(with inputs from [^()]{1,40}\)\.?|.{0,200}\bẢnh\s*:\s*[^.]{1,60}"  # "(With inputs from agencies.)"; a photo's credit
    r"|文\s*[|｜/／]\s*[^。，,]{2,40}"  # a Chinese byline: "文 | 北京青年报记者 董鑫 孟亚旭"
    r"|(?:记者|編輯|编辑)\s*[丨|｜]\s*[^。，,\s]{2,12}|[^。，,\s]{1,20}\s*[/／]\s*摄"  # "记者丨田鑫"; a photo's "直新闻/摄"
    r"|【(?:编辑|編輯|责编)\s*[:：][^】]{1,20}】"  # "【编辑:曹子健】"
    r"|(?:[\[【(（]?[^\n\[【。]{0,16}(?:ICP[证證备備]|公网安备|公網安備|备案号|備案號)[^\n\]】。]{0,12}?\d{5,}[^\n\]】。]{0,8}[\]】)）]?\s*)+"  # licence numbers
    rf"|{CREDIT_LINE.pattern}"  # an outlet's name alone: the copy's credit (outlet.credit_line)
    r"|[(（【\[]?(?:(?:文章|原文)?(?:来源|來源|出处|出處)|[转轉]自)\s*[:：][^)）】\]\n]{0,30}[)）】\]]?"  # "【来源:潇湘晨报】"
    r"|(?:원문 )?출처\s*[:：].{0,30}|[^\s:：]{1,8}\s*[:：]"
    rf"|(?-i:(?:[Ss]ource|SOURCE|Источник|Kaynak)\s*:\s*{_NAME}(?:\s+{_NAME}){{0,9}}(?:\s*\([^()]{{1,40}}\))?)"
    rf"(?:\s+(?-i:Editors?)\s*:\s*{_NAME}(?:\s+{_NAME}){{0,3}})?"  # "Source: Xinhua   Editor: Guo Jiayi"
    r"|.{0,12}[记記]者[^。，,]{1,12}(?:[报報][道导導]|[摄攝])"  # "聯合報／ 記者賴錦宏／即時報導": a Chinese byline
    r"|中央社\S{0,8}?\d{1,2}日電|新[华華]社\S{0,8}?\d{1,2}月\d{1,2}日[电電]"  # a wire's dateline alone on its line
    r"|[《〈]\S{1,12}?(?:通[讯訊]社|[电電]台|新[闻聞]社)\S{0,6}?\d{1,2}日(?:[专專][讯訊]|[电電]|[讯訊])[》〉]"  # 《經濟通通訊社16日專訊》
    r"|\((?:[A-Z]{2,6}[- ])?(?:reporters?|correspondents?|rep[óo]rter(?: d[oa] \w+)?|reportero|journaliste)\s*:?\s*[^()]{2,40}\)"
    # "(CCTV-Reporter Zhang Xuesong)", "(repórter do CCTV Zhao jing)"
    r"|[^\s@()]{0,12}\(?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\)?"  # a reporter's address alone: "김예진(KK5011@yna.co.kr)"
    rf"|[^\W\d_][\w .'/-]{{1,30}}(?:, [\w .]{{1,20}})?\s?\((?:{_WIRE_NAMES})\)\s*\.?(?:--|—|–|-)"  # "PEKÍN, 3 nov (Reuters) -"
    r"|.{0,200}\[Photo/[^\]]*\]|.{0,120}\b(?:Фото|Photo|Foto)\b.{0,60}"
    r"|.{0,40}\|\s*(?:AP|AFP|Reuters|EFE|Getty Images|Xinhua)|[\w .-]{0,40}/(?:TASS|ТАСС|AP|AFP|Reuters|EFE|Xinhua)"
    r"|.{0,80}(?:[\w.]+(?: [\w.]+)?/){2,}[\w. ]+(?: - \w+)?"
    r"|(?:no )?reproduction in whole or in part .{0,80}|[\w.&'’ -]{1,40}, (?:Inc|Ltd|LLC)\.?",  # a footer's notice; a company
    re.IGNORECASE,
)
# A numeric date and its time ending a line: "09/02/2026 19:41", "2026-02-09 19:41" (a page's stamp).
TRAILING_STAMP = re.compile(
    r"\s(?:\d{1,2}[/.-]\d{1,2}[/.-]20\d{2}|20\d{2}[/.-]\d{1,2}[/.-]\d{1,2})\s+\d{1,2}:\d{2}\s*$"
    r"|\s20\d{2}年\d{1,2}月\d{1,2}日\s*\d{1,2}時\d{1,2}分\s*$"  # "... 2025年05月23日 17時52分" (Jiji)
)
# A repost's note of the headline it had where it first ran: "(原标题:2025年11月3日外交部发言人毛宁主持例行记者会)".
ORIGINAL_TITLE = re.compile(
    r"[（(【]原[标標]?[题題]\s*[:：]\s*(?P<title>[^()（）【】]*[^\s()（）【】])\s*[）)】](?:\s*[（(][^()（）]{0,30}[）)])*"
    r"|原[标標]?[题題]\s*[:：]\s*《(?P<quoted>[^《》]{2,120})》"  # or alone on its line: "原标题:《...》"
)
# A wire photo caption, in the agencies' style: one sentence ending "in Washington, April 1, 2025.";
# or a short caption ending with its photographer's credit: "中国外交部。（北京＝新華社記者／李賀）",
# "（新华社记者 李贺 摄）", "(Xinhua/Li He)", "(Photo by Li He)".
CAPTION = re.compile(
    r".{10,250}\bin [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r" \d{1,2}(?:,? \d{4})?\."
    r"|.{0,80}[（(][^（）()]{0,20}(?:記者／|撮影|Xinhua/|Photo by |[圖图]\s*[／/])[^（）()]{0,30}[）)]"
    r"|.{0,80}[（(][^（）()]{0,30}摄[）)]"
    r"|.{0,80}[。 ](?:\S{0,6}社)?(?:資料照片?|资料图片?|資料圖片?|檔案照片?)"  # "毛寧。歐新社資料照": a file photo
    r"|.{0,250}\((?:Photo|Foto|Фото)(?: by|:) [^()]{1,60}\)"  # "... in Beijing on January 15, 2024. (Photo by X / AFP)"
    r"|▲ ?\S.{0,200}"  # Korean papers mark a photo's caption so: "▲ 시진핑 중국 국가주석(왼쪽)과 ..."
    r"|[^。=＝]{0,40}(?:する|した|される|された|臨む|応じる|答える|述べる|話す|語る)[^。=＝]{1,30}[=＝]\d{1,2}日"
    r"(?:午前|午後|夜|朝)?、[^。ぁ-ゖ]{1,20}"  # a Japanese paper's caption: "記者会見する木原官房長官=19日午前、首相官邸"
    # a photo's present tense and its day: "Lin Hsin-i ... speaks during a press conference ... in Gyeongju,
    # South Korea, on Saturday." (a report says "spoke")
    r"|[^.!?]{0,120}\b(?:speaks|gestures|attends|listens|arrives|waves|delivers|looks on|poses)\b[^.!?]{0,200}"
    r" in [A-Z][^.!?]{0,60}, on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\."
    r"|!\[.{1,300}"  # an image's Markdown, its alt text cut short: "![[베이징=뉴시스] 중국 정부가 ..."
    # Korean credits: the photo's agency and paper at the start ("[예루살렘=AP/뉴시스] 16일(현지 시간) ..."; a
    # text's dateline names one: "[베이징=뉴시스]"), or the photo's source at the end ("... 대변인[사진=중국 외교부] |")
    r"|\[[^\[\]=]{1,20}=[^\[\]/]{1,20}/[^\[\]]{1,12}\].{0,300}|.{0,250}\[[^\[\]=:]{1,20}[=:＝][^\[\]]{1,30}\]\s*\|?"
    r"|\[(?:사진|그래픽) 출처\s*:[^\]]{1,40}\]"
    r"|.{1,200} - [^,\n]{2,30}, \d{3,4}, \d{2}\.\d{2}\.\d{4}|.{1,200} - РИА\s*"  # an image's alt: "... - РИА Новости, 1920, 09.04.2025"
    r"|.{0,100}[（(](?:取自|图源|圖源|图片来源|圖片來源)[^（）()]{1,30}[）)]|.{0,100}(?:图源|圖源|图片来源|圖片來源)\s*[:：].{1,30}"
    r"|.{0,80}[（(](?:资料图片?|資料圖片?)[）)]|.{0,200}[。！？]（[^（）]{0,20}(?:Facebook|Instagram|Twitter|YouTube|微博)）"
    r"|.{0,120}\|\s*(?:X|Twitter|Facebook|Instagram)\s*@\w{1,30}|(?:[Aa] )?[Ss]creenshot (?:of|from) [^.!?]{1,200}"
)
IMAGE_ALT = re.compile(r"!\[(?P<alt>.+)\]\(")  # an image's Markdown: its text
# A cookie banner: one line asking for consent, or its buttons.
COOKIES = re.compile(
    r"(?=.{0,300}$).*(?:we use cookies|(?:site|website|page) uses cookies|accept (?:all )?cookies|cookie (?:policy|settings)"
    r"|by (?:continuing|using|browsing).{0,80}cookies).*"
    r"|accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences|settings)",
    re.IGNORECASE,
)
# A heading that opens a list of other stories; the list items under it go with it.
TEASER_HEADING = re.compile(
    r"(?:related stories|related news|related articles|more stories|top stories|read also|see also|most read"
    r"|(?:\"[^\"]{1,20}\" )?(?:most )?popular(?: articles?| stories| news)?|\w{0,4} ?access ranking|ranking"
    r"|similar news:.*|читайте также.*|также читайте.*|相[关關]新[闻聞]|相[关關][报報][导導]|延伸[阅閱][读讀]|关联阅读"
    r"|関連記事|人気記事|おすすめ記事|最新記事|新着記事|(?:みんなの|人気の)反応|(?:はてな)?ブックマークでの反応"
    r"|热门(?:新闻|文章)|阅读排行|관련\s?기사|previous (?:post|article)|next (?:post|article))",
    re.IGNORECASE,
)
# A Chinese wire story's end mark, closing its last paragraph: "(完)", "（完）".
END_MARK = re.compile(r"[（(]完[）)]$")
CLOSES_SENTENCE = re.compile(r"[。！？.!?]$")
HEADLINE_RUN = 3  # headlines in a row after the end mark that make the page's list of other stories
HEADLINE_CHARS = 40  # characters of a headline at most
REFERENCES = re.compile(r"references?(?:\(s\))?\s*:", re.IGNORECASE)
TEASER_ITEM = re.compile(r"\s*(?:[-•●▪◦‣・]\s*)\S.*")
WIRE_SIGNOFF = re.compile(
    r"(?:--|—|–)\s*(?:PTI|IANS|ANI|AFP|AP|Reuters|Xinhua|EFE|UNI)\s*$|\((?:PTI|AFP|Reuters|Xinhua)\)\s*$"
)
WIRE_END = re.compile(r"\((?:end|END)\)$")  # a wire story's last line (KUNA, Yonhap)
EDITOR_INITIALS = re.compile(r"[a-z]{1,4}(?:\.[a-z]{1,4}){1,3}")  # "mk.aai", under WIRE_END
TEASER_MARKER = re.compile(r"[-•●▪◦‣・]")  # a list's bullet alone on its line, its item on the next
# "Zhitongcaijing·12/10/2025 08:17:04": outlet, a middle dot, the date as printed.
DATELINE = re.compile(
    r"(?P<outlet>[^\s·][^·]{0,60}?)\s*·\s*(?P<printed>\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
)
BYLINE = re.compile(  # "By Jeremy Barr"; "News Desk by News Desk" (the author's picture's caption, then the name)
    r"(?:(?P<picture>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?=by (?P=picture)$))?"
    r"[Bb]y\s+(?P<name>[A-Z][\w.'’-]*(?:(?:\s+|,\s+|\s+and\s+)[A-Z][\w.'’-]*){0,8})(?<!\.)"
)  # "By Tuesday." is prose
SPEAKER_LABEL = re.compile(r"(?P<name>[^:：]{2,40}?)\s*[:：]")
BULLET = re.compile(r"\s*[•●▪◦‣]\s*(?P<item>\S.*)")
# A navigation menu: MENU_ITEMS or more list lines in a row, each a section's name of a few words.
MENU_ITEM = re.compile(r"\s*[•●▪◦‣·-]\s*[\w&'’]+(?: [\w&'’]+){0,3}")
MENU_ITEMS = 4
HOME_TRAIL_LINES = 8  # non-blank lines from the top where a breadcrumb trail stands
HOME_TRAIL_ITEMS = 4  # sections in a trail before its headline ("首页 中国新闻")
HOME_ITEMS = {
    "home",
    "首页",
    "首頁",
    "ホーム",
    "홈",
    "inicio",
    "accueil",
    "главная",
    "início",
    "startseite",
}  # a menu's first
PAGE_LABEL_WORDS = 2  # words after the store's date that are a site's name or label, not a headline
PROSE_WORDS = 8  # a line of this many words is prose (the article's, a teaser's): menus stand above it
SENTENCE_END = re.compile(r"(?<=[.!?…。])[\"'”’)\]]*\s+")
HEADLINE_MAX_CHARS = 200
HEADLINE_MAX_WORDS = 25
HEADLINE_MIN_WORDS = 4  # "Ministry of Foreign Affairs" still passes; "Left Menu", "Close" do not
HEADLINE_MIN_CJK = 8
SIGN_OFF_MAX_CJK = 12  # a last paragraph of fewer CJK characters may be a sign-off ("（了）"), not a cut sentence
SIGN_OFF_MAX_CHARS = 40  # a dated last paragraph this short is a sign-off
TRAILING_CREDIT = re.compile(r"\s*[（(][^（）()]{1,40}[）)]$")
HEADLINE_VARIANT_EXTRA = 30  # "Headline - 23.10.2025, PRIME" repeats the headline with a date or outlet
HEADLINE_SCAN = 8
HEADLINE_TAGLINE_MAX = 45  # non-blank lines from the top where the headline stands
PROSE_MIN_CHARS = 120
SENTENCE_FINAL = re.compile(r"[.!?…。！？][\"'”’」』)\]]*$")
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@dataclass(frozen=True)
class Removal:
    line: int  # 1-based line in the capture (0 when the line came from a structured page)
    text: str
    reason: str


ORIGINAL_HEADLINE = "original headline (a repost's note)"


@dataclass
class Cleaned:
    body: str
    removed: list[Removal] = field(default_factory=list)

    def found(self, reason: str) -> list[str]:
        """The removed lines for one reason, e.g. the dateline or the headline."""
        return [r.text for r in self.removed if r.reason == reason]


Line = tuple[int, str]  # (line number in the capture, text)


def clean(text: str) -> Cleaned:
    """Run every pass, in order, over a capture's text."""
    lines: list[Line] = list(enumerate(normalise(text).split("\n"), start=1))
    removed: list[Removal] = []
    passes = (
        drop_store_prefix,
        drop_json_fields,
        drop_menus,
        drop_home_trails,
        drop_language_switchers,
        drop_tickers,
        drop_furniture,
        drop_tag_rows,
        drop_place_lines,
        drop_cookie_banners,
        drop_notices,
        drop_original_titles,
        drop_credits,
        drop_editor_initials,
        drop_captions,
        drop_teasers,
        drop_page_end,
        drop_datelines,
        split_trailing_stamps,
        drop_date_lines,
        drop_bylines,
        drop_headline,
        drop_repeated_copy,
        split_line_paragraphs,
    )
    for one_pass in passes:
        lines = one_pass(lines, removed)
    body = tidy("\n".join(bullets_to_list(t) for _, t in lines))
    return Cleaned(body, sorted(removed, key=lambda r: r.line))


def normalise(text: str) -> str:
    """NFC, LF line ends, no BOM or zero-width characters, single spaces, no trailing blanks."""
    text = unicodedata.normalize("NFC", text.removeprefix("\ufeff"))
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = re.sub(r"[\u200b\u200c\u2060\ufeff]", "", text)  # zero-width space/non-joiner, word joiner
    lines = []
    for line in text.split("\n"):
        indent = re.match(r"[ \t\u00a0]*", line).group()  # type: ignore[union-attr]
        rest = re.sub(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+", " ", line[len(indent) :]).rstrip()
        lines.append(("  " if indent and rest else "") + rest)
    return "\n".join(lines)


def drop_language_switchers(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A site's language switcher: LANGUAGE_RUN or more lines in a row, each a language's own name."""
    kept: list[Line] = []
    run: list[Line] = []
    for number, line in [*lines, (0, "")]:
        if line.strip() in LANGUAGE_NAMES:
            run.append((number, line))
            continue
        if len(run) >= LANGUAGE_RUN:
            removed += [Removal(n, t.strip(), "language switcher") for n, t in run]
        else:
            kept += run
        run = []
        if number or line:
            kept.append((number, line))
    return kept


def drop_menus(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Navigation menus ("• Home", "• China", "• Business", ...), and a date line on the page's first line
    right above one: the site's date of today ("Thursday, January 29, 2026", on every page), not the article's."""
    gone: set[int] = set()
    first = next((i for i, (_, t) in enumerate(lines) if t.strip()), None)
    for run in _menu_runs(lines):
        above = next((i for i in range(run[0] - 1, -1, -1) if lines[i][1].strip()), None)
        if above is not None and above == first and date_lines([lines[above][1]]):
            removed.append(
                Removal(lines[above][0], lines[above][1].strip(), "the site's date of today, above its menu")
            )
            gone.add(above)
        removed += [Removal(lines[i][0], lines[i][1].strip(), "navigation menu") for i in run]
        gone.update(run)
    return [line for i, line in enumerate(lines) if i not in gone]


def drop_home_trails(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A breadcrumb trail flattened into spaces, from the home page to the headline the next line
    gives alone ("首页 中国新闻 是否有中国籍船只…外交部回应", then "是否有中国籍船只…外交部回应")."""
    texts = [(i, t.strip()) for i, (_, t) in enumerate(lines) if t.strip()][:HOME_TRAIL_LINES]
    for (index, line), (_, following) in zip(texts, texts[1:], strict=False):
        trail = line[: -len(following)].split() if line.endswith(following) and line != following else []
        if trail and trail[0].casefold() in HOME_ITEMS and len(trail) <= HOME_TRAIL_ITEMS:
            removed.append(Removal(lines[index][0], line, "breadcrumb trail"))
            return lines[:index] + lines[index + 1 :]
    return lines


def _menu_runs(lines: list[Line]) -> list[list[int]]:
    """The indexes of each run of MENU_ITEMS or more menu items in a row (blank lines between them allowed)
    above the first line of prose (a list further down may be the article's: "The documents are: - ..."),
    holding a "Home" item or printed twice (an article's list of topics is neither)."""
    runs: list[list[int]] = [[]]
    for index, (_, line) in enumerate(lines):
        if len(line.split()) >= PROSE_WORDS:
            break
        if MENU_ITEM.fullmatch(line):
            runs[-1].append(index)
        elif line.strip() and runs[-1]:
            runs.append([])
    texts = [tuple(lines[i][1].strip(" •●▪◦‣·-").casefold() for i in run) for run in runs]
    return [
        run
        for run, items in zip(runs, texts, strict=True)
        if len(run) >= MENU_ITEMS and (HOME_ITEMS & set(items) or texts.count(items) > 1)
    ]


def drop_tickers(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, TICKER, "market ticker")


def drop_furniture(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, FURNITURE, "page furniture")


def drop_json_fields(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A site's API response saved as the page (its first line "{"): its braces and its short fields
    ("id": 1617715, "author": "Andri Saubani") go, a date's field as the dateline; the fields holding
    the article's text stay."""
    first = next((t.strip() for _, t in lines if t.strip()), "")
    if first not in ("{", "["):
        return lines
    kept = _drop_matching(lines, removed, JSON_FIELD, "a field of the site's API response")
    for index, removal in enumerate(removed):
        if removal.reason == "a field of the site's API response" and JSON_DATE_FIELD.match(removal.text):
            removed[index] = Removal(removal.line, removal.text, "dateline")  # the page's date, as its field gives it
    return kept


def drop_notices(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, NOTICE, "site notice")


def drop_tag_rows(lines: list[Line], removed: list[Removal]) -> list[Line]:
    kept = _drop_matching(lines, removed, TAG_ROW, "row of topic tags")
    texts = ["", *(t.strip() for _, t in kept), ""]
    rows = {i for i, text in enumerate(texts[1:-1]) if KEYWORD_ROW.fullmatch(text)}
    rows -= {i for i in rows if _wrapped_sentence(texts[i], texts[i + 2]) and i - 1 not in rows}
    removed += [Removal(kept[i][0], kept[i][1].strip(), "row of topic tags") for i in sorted(rows)]
    return [line for i, line in enumerate(kept) if i not in rows]


def _wrapped_sentence(before: str, after: str) -> bool:
    """Whether a line between these two is a hard-wrapped sentence's: the line above is a long one cut
    mid-sentence, or the line below goes on in lower case."""
    return (len(before) >= WRAPPED_LINE_CHARS and not SENTENCE_FINAL.search(before)) or after[:1].islower()


def drop_place_lines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, PLACE_LINE, "dateline place on its own line")


def drop_cookie_banners(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, COOKIES, "cookie banner")


def drop_original_titles(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A repost's note of its original headline: not the article, but kept (as removed) for what it names."""
    return _drop_matching(lines, removed, ORIGINAL_TITLE, ORIGINAL_HEADLINE)


def original_titles(removed: list[Removal]) -> list[str]:
    """The headlines a repost says its text first ran under (the briefing's own title, in a transcript's repost)."""
    return [
        m["title"] or m["quoted"]
        for r in removed
        if r.reason == ORIGINAL_HEADLINE and (m := ORIGINAL_TITLE.fullmatch(r.text))
    ]


def drop_credits(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Credits and labels, but not a speaker's label over what they said ("木原官房長官：")."""
    return _drop_matching(lines, removed, CREDITS, "credit or label", unless=_is_speaker_label)


def drop_editor_initials(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A wire editor's initials under its "(end)" (KUNA: "... for Japan. (end)", then "mk.aai")."""
    kept: list[Line] = []
    before = ""  # the last line kept that is not blank
    for number, line in lines:
        if EDITOR_INITIALS.fullmatch(line.strip()) and WIRE_END.search(before):
            removed.append(Removal(number, line.strip(), "credit or label"))
            continue
        kept.append((number, line))
        before = line.strip() or before
    return kept


def _is_speaker_label(line: str) -> bool:
    """A known host or spokesperson's name and a colon, alone on its line: what follows is their words."""
    label = SPEAKER_LABEL.fullmatch(line)
    return label is not None and any(host.names.fullmatch(label["name"]) for host in hosts())


def drop_captions(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Photo captions, and an image's text printed again as its caption under it (Newsis)."""
    kept = _drop_matching(lines, removed, CAPTION, "photo caption")
    alts = {" ".join(image["alt"].split()) for r in removed if (image := IMAGE_ALT.match(r.text))}
    again = [(n, t) for n, t in kept if t.strip() and " ".join(t.split()) in alts]
    removed += [Removal(n, t.strip(), "photo caption") for n, t in again]
    return [line for line in kept if line not in again]


def _teaser(text: str, after: str) -> bool:
    """Another story's summary cut short ("... 美軍出動逾150架軍機，由隸屬海軍的EA-18G咆哮..."), or its headline
    over one (``after``: the next line); an article's own subheading has prose under it. (A headline
    right under the list's heading is one too: "Previous Post" / its title.)"""
    return text.endswith(("...", "…")) or (looks_like_headline(text) and after.endswith(("...", "…")))


def drop_teasers(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A "Related Stories" heading and its list; "Reference(s):" and the short tail under it; a closing "・" list."""
    kept: list[Line] = []
    in_list = after_marker = False
    texts = [t.strip() for _, t in lines]
    tail_from = len(texts)
    while tail_from and (not texts[tail_from - 1] or texts[tail_from - 1].startswith("・")):
        tail_from -= 1
    for i, (number, line) in enumerate(lines):
        text = line.strip()
        if END_MARK.search(text) and _headlines_only(texts[i + 1 :]):
            # "...维护全球战略稳定。(完)", then the page's other stories' headlines to its end
            kept.append((number, line))
            removed += [
                Removal(n, t.strip(), "headlines after the story's end mark") for n, t in lines[i + 1 :] if t.strip()
            ]
            return kept
        if REFERENCES.fullmatch(text) and sum(bool(t) for t in texts[i + 1 :]) <= 4:
            removed += [Removal(n, t.strip(), "references") for n, t in lines[i:] if t.strip()]
            return kept
        if TEASER_HEADING.fullmatch(text) and text.isupper() and _wire_signoff_before(texts[:i]):
            # "TOP STORIES" under a story signed "-- PTI": the page's list of other stories, to its end
            removed += [Removal(n, t.strip(), "teaser list") for n, t in lines[i:] if t.strip()]
            return kept
        plain_teaser = in_list and (
            _teaser(text, next((t for t in texts[i + 1 :] if t), ""))
            or (looks_like_headline(text) and _under_teaser_heading(texts[:i]))
        )
        if TEASER_HEADING.fullmatch(text) or (
            in_list and (TEASER_ITEM.fullmatch(text) or after_marker or plain_teaser)
        ):
            removed.append(Removal(number, text, "teaser list"))
            in_list, after_marker = True, False
        elif in_list and TEASER_MARKER.fullmatch(text):
            removed.append(Removal(number, text, "teaser list"))
            after_marker = True
        elif text and i >= tail_from:
            removed.append(Removal(number, text, "teaser list"))
        else:
            in_list = in_list and not text
            kept.append((number, line))
    return kept


def _headlines_only(texts: list[str]) -> bool:
    """Whether the lines, HEADLINE_RUN or more, are all headlines: short, none ending as a sentence does."""
    lines = [t for t in texts if t]
    return len(lines) >= HEADLINE_RUN and all(len(t) <= HEADLINE_CHARS and not CLOSES_SENTENCE.search(t) for t in lines)


def _under_teaser_heading(texts: list[str]) -> bool:
    """Whether the last non-blank line before is a teaser list's heading ("Previous Post")."""
    return bool(TEASER_HEADING.fullmatch(next((t for t in reversed(texts) if t), "")))


def _wire_signoff_before(texts: list[str]) -> bool:
    """Whether the last non-blank line before ends with a wire agency's sign-off ("... he said. -- PTI")."""
    last = next((t for t in reversed(texts) if t), "")
    return bool(WIRE_SIGNOFF.search(last))


def drop_page_end(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """The page's controls, section links and footer below the article (see page_end)."""
    start = page_end(lines)
    if start is None:
        return lines
    removed += [Removal(n, t.strip(), "the page below the article") for n, t in lines[start:] if t.strip()]
    return lines[:start]


def drop_datelines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    return _drop_matching(lines, removed, DATELINE, "dateline")


def drop_store_prefix(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """The store's " date YYYY-MM-DD " before the first line: set aside as the printed date. A few
    words after it on that line are the page's first, a site's name or a label ("Newsfrom Japan",
    "快訊", "Left Menu"): a headline is longer, and the article starts on a line of its own."""
    for i, (number, line) in enumerate(lines):
        if not line.strip():
            continue
        match = STORE_PREFIX.match(line)
        if match:
            removed.append(Removal(number, f"date {match[1]}", "dateline"))
            rest = line[match.end() :]
            if rest.strip() and date_lines([rest]):  # the page's own stamp beside the store's: "11/03/2026 10:32"
                removed.append(Removal(number, rest.strip(), "dateline"))
                rest = ""
            elif rest.strip() and _is_page_label(rest.strip()) and any(t.strip() for _, t in lines[i + 1 :]):
                removed.append(Removal(number, rest.strip(), "the page's first words, beside the store's date"))
                rest = ""
            return [*lines[:i], (number, rest), *lines[i + 1 :]]
        return lines
    return lines


def _is_page_label(text: str) -> bool:
    cjk = len(CJK.findall(text))
    short = len(text.split()) <= PAGE_LABEL_WORDS and len(text) <= 24 if not cjk else cjk <= 4 and len(text) <= 6
    return short and not re.search(r"[.!?。！？]$", text)


def split_trailing_stamps(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A headline and its page's stamp on one line ("Trung Quốc lên tiếng về ... Takaichi 09/02/2026 19:41"),
    the page's first: two lines, so that each is read as what it is (a byline's "Posted by X 09/02/2026
    19:41" further down stays whole, a date line)."""
    kept, seen = [], 0
    for number, line in lines:
        seen += bool(line.strip())
        stamp = TRAILING_STAMP.search(line) if seen == 1 else None
        head = line[: stamp.start()].strip() if stamp else ""
        if stamp and looks_like_headline(head):
            kept += [(number, head), (number, stamp.group().strip())]
        else:
            kept.append((number, line))
    return kept


def drop_date_lines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Lines near the top that are mostly a date ("Updated: December 10, 2025 21:50"), or a labelled date
    below a long menu ("Haber Giriş Tarihi: 13.01.2026 14:06")."""
    kept, seen = [], 0
    for number, line in lines:
        seen += bool(line.strip())
        near = seen <= SCAN_LINES or (seen <= LABELLED_SCAN_LINES and bool(LABELLED.match(line.strip())))
        if line.strip() and near and line.strip() in {p.line for p in date_lines([line])}:
            removed.append(Removal(number, line.strip(), "dateline"))
        else:
            kept.append((number, line))
    return kept


def drop_bylines(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Bylines, and the author's name alone on a line elsewhere (the author's box under the text)."""
    kept = _drop_matching(lines, removed, BYLINE, "byline")
    names = {match["name"] for r in removed if r.reason == "byline" and (match := BYLINE.fullmatch(r.text))}
    alone = [(n, t) for n, t in kept if t.strip() in names]
    removed += [Removal(n, t.strip(), "byline (the author's name again)") for n, t in alone]
    return [line for line in kept if line not in alone]


def _drop_matching(
    lines: list[Line],
    removed: list[Removal],
    pattern: re.Pattern[str],
    reason: str,
    unless: Callable[[str], bool] = lambda _: False,
) -> list[Line]:
    """The lines that ``pattern`` does not match whole (``unless`` says which matches stay); the others removed."""
    kept = []
    for number, line in lines:
        if line.strip() and pattern.fullmatch(line.strip()) and not unless(line.strip()):
            removed.append(Removal(number, line.strip(), reason))
        else:
            kept.append((number, line))
    return kept


def drop_headline(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """The headline, its repeats and variants ("Headline - 23.10.2025"), and the masthead lines above it."""
    dated = [r.line for r in removed if r.reason == "dateline" and not STORE_PREFIX.fullmatch(r.text)]
    headline = choose_headline([(n, t.strip()) for n, t in lines if t.strip()], dated)
    if headline is None:
        return lines
    kept: list[Line] = []
    above, under = True, False  # above the headline; on the first line under it
    for index, (number, line) in enumerate(lines):
        text = line.strip()
        wrapped = lines[index + 1][1].strip() if index + 1 < len(lines) else ""
        wraps = (above and continues_headline(text, wrapped)) or continues_title(text, wrapped)
        whole = _join_wrapped(text, wrapped) if wraps else text  # a hard-wrapped headline
        if whole == headline or (text.startswith(headline) and len(text) - len(headline) <= HEADLINE_VARIANT_EXTRA):
            variant = text != headline and whole != headline  # "Headline - 23.10.2025, PRIME": not the title
            if whole != text:
                text = whole
                lines[index + 1] = (lines[index + 1][0], "")
            removed.append(Removal(number, text, "headline with a date or outlet" if variant else "headline"))
            above, under = False, True
        elif not above and _translated_title(headline, whole) and not kept_prose(kept):
            removed.append(Removal(number, whole, "the headline in another language"))
            if whole != text:
                lines[index + 1] = (lines[index + 1][0], "")
        elif not above and _undated_repeat(headline, text):
            removed.append(Removal(number, text, "headline repeated without its date"))
        elif under and text and _is_section_label(text) and not BRIEFING_WORD.search(headline):  # a record's heading
            removed.append(Removal(number, text, "a section's label (under the headline)"))
        elif text and above:
            removed.append(Removal(number, text, "masthead (above the headline)"))
        else:
            kept.append((number, line))
        under = under and (not text or text == headline)
    return kept


def _is_section_label(text: str) -> bool:
    """A word or two alone right under the headline ("大国外交", "본문 요약", "Similar Posts"), not a list's
    item, a label for what follows ("Краткие тезисы:") or a dateline's place ("BEIJING"). (Under a
    briefing's record, such a line is its first heading: "質疑応答", "Greenland update".)"""
    return (
        _is_page_label(text)
        and not BULLET.fullmatch(text)
        and not text.startswith("- ")
        and not (text.endswith((":", "：")) or text.isupper())
    )


def _undated_repeat(headline: str, text: str) -> bool:
    """A line that is the headline without the date it opens with: "外交部发言人林剑主持例行记者会" under
    "2025年11月14日外交部发言人林剑主持例行记者会"."""
    rest = headline[: len(headline) - len(text)].strip(" ,:-–—|")
    return len(text) >= HEADLINE_MIN_CJK and headline.endswith(text) and bool(rest) and bool(dates_in(rest, ()))


def continues_headline(headline: str, line: str) -> bool:
    """True if ``line``, right under ``headline``, is its wrapped end: it starts in lower case, and
    together they are still a headline ("...that would cut" / "staff and bureaus")."""
    return bool(line) and line[0].islower() and not is_prose(line) and looks_like_headline(f"{headline} {line}")


# The end of a transcript's wrapped title opens with its briefing: "主持例行记者会", "Regular Press Conference on".
TITLE_END = re.compile(rf"(?:主持|主持的)?(?:例行|regular\s+)?(?:{BRIEFING_WORD.pattern})", re.IGNORECASE)


def continues_title(title: str, line: str) -> bool:
    """True if ``line``, right under a transcript's ``title``, is its wrapped end, holding the briefing
    the title names ("2025年12月11日外交部发言人郭嘉昆" / "主持例行记者会", as the ministry's pages print
    it; "Foreign Ministry Spokesperson Guo Jiakun's" / "Regular Press Conference on December 11, 2025")."""
    joined = _join_wrapped(title, line) if title and line else ""
    unfinished = title.endswith(("'s", "’s")) or not dates_in(line, ())  # not a masthead over a whole title
    return (
        bool(joined)
        and unfinished
        and bool(TITLE_END.match(line) and not BRIEFING_WORD.search(title))
        and not re.search(r"[,.;:!?，。、；：！？]", title)  # a sentence wrapped in a paragraph is no title
        and bool(dates_in(joined, ()))
        and not is_prose(line)
        and looks_like_headline(joined)
    )


def _join_wrapped(first: str, end: str) -> str:
    """A wrapped line joined to its end: with a space, but none between two CJK characters."""
    return first + end if CJK.match(first[-1:]) and CJK.match(end[:1]) else f"{first} {end}"


def _translated_title(headline: str, text: str) -> bool:
    """A transcript's title in its other language, under the first: both name a briefing and the same day
    ("2026年1月7日外交部发言人毛宁 主持例行记者会" / "... Regular Press Conference on January 7, 2026")."""
    days = {d[0][:10] for d in dates_in(headline, ())}
    return (
        text != headline
        and bool(CJK.search(headline)) != bool(CJK.search(text))  # the other language: the other script
        and bool(days)
        and bool(BRIEFING_WORD.search(headline) and BRIEFING_WORD.search(text))
        and {d[0][:10] for d in dates_in(text, ())} == days
        and looks_like_headline(text)
    )


def kept_prose(kept: list[Line]) -> bool:
    """Whether a line of prose stands among ``kept`` (a translated title comes before the text)."""
    return any(is_prose(t.strip()) for _, t in kept)


def choose_headline(texts: list[tuple[int, str]], dated: list[int]) -> str | None:
    """Of the headline-like lines above the first prose line: the one next to the printed date, one
    naming a briefing and its day ("... Regular Press Conference on September 30, 2025", under a
    site's banners), one printed twice, else the first that is longer than a site's tagline ("The
    Swiss voice in the world since 1935"), else the first."""
    top: list[tuple[int, str]] = []
    for number, text in texts[:HEADLINE_SCAN]:
        if is_prose(text):
            break
        top.append((number, text))
    if len(top) == len(texts):  # no prose below: nothing to head
        return None
    fits = [(n, t) for n, t in _with_wrapped_ends(top) if looks_like_headline(t)]
    repeated = sorted({t for n, t in fits if [x for _, x in top].count(t) > 1}, key=len)
    distance = {t: min([abs(n - d) for d in dated] or [99]) for n, t in fits}
    near_date = [t for t in sorted(distance, key=lambda t: (distance[t], -len(t))) if distance[t] <= 2]
    first_full = [t for _, t in fits if len(t) >= HEADLINE_TAGLINE_MAX] + [t for _, t in fits]
    briefing_title = [t for _, t in fits if BRIEFING_WORD.search(t) and dates_in(t, ())]  # a transcript's own
    chosen = near_date or briefing_title or repeated or first_full
    if not chosen:
        return None
    plain = [t for _, t in fits if _is_variant(chosen[0], t)]  # "Headline - 23.10.2025" printed next to "Headline"
    return plain[0] if plain else chosen[0]


def _with_wrapped_ends(texts: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The lines, each transcript title wrapped before its briefing word joined with its end."""
    joined: list[tuple[int, str]] = []
    for number, text in texts:
        if joined and joined[-1][0] == number - 1 and continues_title(joined[-1][1], text):
            joined[-1] = (joined[-1][0], _join_wrapped(joined[-1][1], text))
        else:
            joined.append((number, text))
    return joined


def _is_variant(line: str, headline: str) -> bool:
    """Whether ``line`` is ``headline`` with a date (and perhaps the outlet) after a separator:
    "Headline - 23.10.2025, PRIME", not "Live news - Kremlin rejects plan"."""
    extra = line[len(headline) :] if line.startswith(headline) and line != headline else ""
    return len(extra) <= HEADLINE_VARIANT_EXTRA and bool(re.match(r"\s*[-–—|,]\s.*\d", extra))


def is_prose(line: str) -> bool:
    """Too long for a headline, or a full sentence."""
    long_enough = len(line.split()) >= 8 or len(CJK.findall(line)) >= 20
    return len(line) > HEADLINE_MAX_CHARS or (bool(SENTENCE_FINAL.search(line)) and long_enough)


def looks_like_headline(line: str) -> bool:
    line = line.strip()
    cjk = len(CJK.findall(line))
    return (
        len(line) <= HEADLINE_MAX_CHARS
        and len(line.split()) <= HEADLINE_MAX_WORDS
        and (len(line.split()) >= HEADLINE_MIN_WORDS or cjk >= HEADLINE_MIN_CJK)
        and line.count(",") + line.count("，") < 3
        and " | " not in line
        and not (line.isupper() and len(line.split()) > 1)
        and not BULLET.fullmatch(line)
        and not re.search(r"[.,;:!?…\"”’。！？]$", line)
        and not re.search(r"\.(?:jpe?g|png|gif|webp|pdf)$", line, re.IGNORECASE)
    )


def drop_repeated_copy(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """Drop a paragraph whose sentences all appear in a kept one (a summary, a second copy).

    A paragraph goes when another holds a strict superset of its sentences, or the
    same sentences and comes first. The subset order has a maximal element above
    every paragraph, so each sentence stays in at least one kept paragraph.
    """
    blocks = paragraphs(lines)
    sets = [frozenset(sentences(" ".join(t for _, t in block))) for block in blocks]
    kept: list[Line] = []
    for i, block in enumerate(blocks):
        covered = any(j != i and (sets[i] < sets[j] or (sets[i] == sets[j] and j < i)) for j in range(len(blocks)))
        if covered:
            removed.extend(Removal(n, t.strip(), "repeated copy of the text") for n, t in block if t.strip())
        else:
            kept.extend([*block, (block[-1][0], "")])
    return kept


def split_line_paragraphs(lines: list[Line], removed: list[Removal]) -> list[Line]:
    """A block whose lines each end a sentence is one paragraph a line (not hard-wrapped prose)."""
    out: list[Line] = []
    for block in paragraphs(lines):
        texts = [t.strip() for _, t in block]
        ends = sum(bool(SENTENCE_FINAL.search(t)) or len(t) >= PROSE_MIN_CHARS for t in texts)
        one_a_line = len(block) > 1 and ends >= len(block) - 1 and not any(BULLET.fullmatch(t) for t in texts)
        for number, text in block:
            out += [(number, text), (number, "")] if one_a_line else [(number, text)]
        out.append((block[-1][0], ""))
    return out


def paragraphs(lines: list[Line]) -> list[list[Line]]:
    """Runs of non-blank lines."""
    blocks: list[list[Line]] = [[]]
    for number, line in lines:
        if line.strip():
            blocks[-1].append((number, line))
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def sentences(text: str) -> list[str]:
    """Split prose into sentences at ., ! or ? (and closing quotes) followed by a space."""
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def bullets_to_list(line: str) -> str:
    match = BULLET.fullmatch(line)
    return f"- {match['item'].strip()}" if match else line.strip()


def ends_mid_sentence(body: str) -> bool:
    """True if the text's last paragraph (more than a few words: not a sign-off) stops before the end
    of a sentence: a cut-off capture."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body.strip())]
    last = paragraphs[-1]
    if len(paragraphs) > 1 and len(last) <= SIGN_OFF_MAX_CHARS and dates_in(last, ()):
        last = paragraphs[-2]  # "「人民網日本語版」2025年10月31日": a dated sign-off under the text
    last = TRAILING_CREDIT.sub("", last)  # "…と述べた。（『ABEMA NEWS』より）"
    while last and unicodedata.category(last[-1])[0] in "SZ":  # "change! 🚀": emoji and symbols after the end
        last = last[:-1]
    long_enough = len(last.split()) > 3 or len(CJK.findall(last)) >= SIGN_OFF_MAX_CJK  # CJK has no spaces
    return long_enough and not SENTENCE_FINAL.search(last)


def tidy(text: str) -> str:
    """One blank line between paragraphs, none around the text, list items kept together."""
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n" if text else ""
