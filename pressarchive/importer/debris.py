"""What debris looks like: the patterns the cleaning passes match whole lines against (page furniture,
notices, credits, captions, tags, datelines, bylines). Each names the forms it was written for."""

from __future__ import annotations

import re

from .outlet import CREDIT_LINE

# "-+ 0.00%", "+1.25%", "AAPL -0.42 %", "HSI 17,234.5 +0.8%": a quote line, never prose.
TICKER = re.compile(r"[A-Z0-9.^]{0,12}\s*(?:[\d,]+(?:\.\d+)?\s*)?[-+−]{0,2}\s*[-+−]?\s*\d+(?:[.,]\d+)?\s*%")
# A weather ticker's item: "• 동두천 15.1℃흐림", "서울 16.5℃ 맑음"; and its credit, "기상청 제공".
WEATHER = re.compile(r"\s*[•·-]?\s*\S{1,8}\s*-?\d{1,2}(?:\.\d)?\s*[℃°]C?\s*[^\s。.!?！？]{0,6}|기상청 제공")
# Languages as a site's switcher names them, each in itself.
LANGUAGE_NAMES = frozenset(
    ("English", "Français", "Deutsch", "Español", "Português", "Italiano", "Русский", "Türkçe", "العربية", "中文")
    + ("日本語", "한국어", "Tiếng Việt", "Bahasa Indonesia", "ไทย", "हिन्दी", "فارسی", "Polski", "Українська")
    + ("简体中文", "繁體中文", "繁体中文")
)
# A link a site's footer holds, one of a row of them ("About us - Contact us - Copyright"; "About People's Daily Online | Join Us").
_FOOTER_LINK = (
    r"(?:about(?: us| [\w'’ ]{1,30})?|contact(?: us)?|privacy(?: policy)?|terms(?: of (?:use|service))?|join us"
    r"|关于我们|联系方式|联系我们|版权声明|招聘信息|お問い合わせ|利用規約|会社概要)"
)
# Page furniture: controls, sharing, comment forms. Matched against a whole line, case-insensitively.
FURNITURE = re.compile(
    r"(?:listen to the news|listen|share|share this(?: article| story)?:?|just now|what preceded it|recommended|explore"
    r"|(?-i:Related(?=[A-Z])).{5,200}"  # a related story's headline run into its label: "RelatedTRT World - ..."
    r"|本\s*期\s*(?:[资資]\s*深\s*)?[编編]\s*[辑輯]\s*[\u4e00-\u9fff]{2,4}"  # "本 期资深 编 辑 周玉华" (The Paper)
    r"|share on (?:facebook|twitter|x|linkedin|whatsapp)"
    r"|tweet|print|email|copy link|comments?|\d+ comments?|leave a (?:reply|comment)|post comment|reply"
    r"|your email address will not be published\.?(?: required fields are(?: marked \*?)?)?"
    r"|required fields are marked \*|name\s*\*?|email\s*\*?|website|comment\s*\*?"
    r"|save my name, email, and website in this browser for the next time i comment\.?"
    r"|back to top|advertisement|read more|cancel reply"
    r"|\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}|更多精彩内容.{0,30}"  # a listing's stamp without its year; "更多精彩内容请到 KANKAN 查看"
    r"|(?:leggi su|read (?:more |it )?on|lire (?:la suite )?sur|leer (?:más )?en|weiterlesen auf)\s+\S{2,40}"  # an aggregator's link
    r"|logo [\w.-]{2,30}|(?:veja|assista|watch|ver) (?:o |el |the )?v[ií]deo(?: \(\d+\s?s\))?:?"  # "logo Poder360", "Veja o vídeo (42s):"
    # reading-app and page controls (a user's imports of Chinese and Hong Kong pages, 2026-12-08)
    r"|a a a|temperature humidity|news archive\b.{0,60}|share this story\b.{0,30}|字[号號][变變]大\s*[|｜]\s*字[号號][变變]小"
    r"|layer|快乐分享|手机扫一扫打开当前页面|.{0,12}APP[,，]?更好阅读体验|下载.{1,20}APP客户端.{0,30}|凤凰资讯官方微信"
    r"|▼?\s*收[聽听].{1,20}Podcast\s*[：:]?"
    r"|text size|close|back|left menu|search|поиск|skip to (?:main )?content|본문 바로가기|article ad box"
    r"|share\s*-\s*\w+|download (?:the )?app(?: from \w+)?|\d+ (?:minutes?|hours?|days?|weeks?|months?) ago(?: \d+)?"
    r"|[+\-−↺ ]*\d+\s*px|\d{1,2}:\d{2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?|分享至?|分享到"
    r"|(?:[^<>›»«\n.,;!?。，\s][^<>›»«\n.,;!?。，]{0,23} [>›»] ){2,}[^<>›»«\n.,;!?。，\s][^<>›»«\n.,;!?。，]{0,23}"  # a breadcrumb trail: "网易首页 > 新闻中心 > 正文"
    r"|(?:[^<>›»«\n.,;!?。，\s][^<>›»«\n.,;!?。，]{0,23} [>›»] ?){2,}"  # one ending at its last separator: "门户 > 行业资讯 >"
    r"|(?:home|inicio|portada|accueil|startseite|главная|首页|首頁|ホーム) [>›»] (?:[^<>›»«\n.,;!?。，\s][^<>›»«\n.,;!?。，]{0,23} [>›»] )+"
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
    r"|https?://\S+|[a-z]{2}_[a-z]{2}|read|watch|news|видео по теме|字号|[≫>»]?\s*続きを読む"  # a bare link or locale; a player's tabs; "related video"
    r"|실시간 (?:키워드|검색어)|20\d{2}[.-]\d{2}[.-]\d{2}\.? \d{2}:\d{2} 기준"  # a ranking's heading and its as-of stamp
    r"|baca juga\s*:.{1,150}|comp[aá]rtelo en tus redes:?"  # Indonesian "read also: <headline>"; a share label
    r"|(?:also read|read also)\s*:?\s+.{1,150}(?<![.!?。])|相[关關](?:新[闻聞]|[报報][道导導])\s*[:：].{1,120}(?<![.!?。])"
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
    r"|(?:[·•]\s*[^·•\n]{2,150}?[(（]\d{4}-\d{2}-\d{2}[)）]\s*){2,}"  # other stories, flattened: "· Title(2025-12-24) · ..."
    # a row of social networks, to share or follow: "Facebook X (Twitter) Instagram", "Share Facebook Twitter ... Copy Link"
    r"|(?:share|follow us)?(?:\s*(?:facebook|x|\(?twitter\)?|instagram|pinterest|linkedin|tumblr|telegram|e-?mail|whatsapp"
    r"|reddit|copy link|google news|flipboard|youtube|tiktok|threads|vk|weibo|line|rss)){2,}|follow us"
    r"|(?:home|inicio|首页|首頁|ホーム) [>›»] [^\n]{1,200}"  # a breadcrumb from the home page to the headline: "Home » Japan rejects ..."
    r"|read more at [\w .'’&-]{2,60}|加载中\.{0,3}|載入中\.{0,3}|关注|關注|\d{1,2}:\d{2}\s*/(?:\s*\d{1,2}:\d{2})?"  # "0:00 /0:00"
    r"|원문\s?보기|contenus recommandés|articles recommandés|à lire aussi)",
    re.IGNORECASE,
)
# A site's notices: disclaimers, complaints and contact lines, log-in prompts, a redirect's countdown.
# Matched against a whole line, case-insensitively.
NOTICE = re.compile(
    # a disclaimer in the site's voice: "teleSUR no se hace responsable de las opiniones ...", "This site is not
    # responsible for ..." (never "China is not responsible for the views of a few politicians")
    r"\S{1,30} no se hace responsable de (?:las|los) (?:opiniones|contenidos|comentarios)\b.{0,160}"
    r"|(?:this (?:site|website|page|portal)|we|the (?:site|website|portal|editors?|publisher)) (?:is |are )?not"
    r" responsible for .{0,160}|(?:le site|la rédaction) n'est pas responsable .{0,160}"
    r"|this page may contain third-party content.{0,300}|this is a provisional translation .{0,150}"
    r"|[“\"]?特别声明\s*[:：].{0,300}"  # a portal's disclaimer: "“特别声明:以上作品内容(包括在内的视频、图片或音频)为凤凰网旗下..."
    # a machine translation's notice (Europa Press's Portuguese feed): "Esta notícia foi traduzida por um tradutor automático"
    r"|esta not[ií]cia (?:foi|ha sido) tradu[zc]ida por (?:um|un) tradu[ct]or autom[aá]tico\.?"
    r"|this (?:news item|story|article) (?:was|has been) translated by (?:an? )?(?:automatic|machine) translat(?:or|ion)\.?"
    r"|contador|contenido patrocinado|conte[uú]do patrocinado"  # a feed's counter; "sponsored content" headings
    # Xinhua's Japanese site asks for readers' views, over two lines: "本ウェブサイトに関するご意見、ご提案等が" /
    # "ありましたら xinhuanetjp@news.cn までご"
    r"|本ウェブサイトに関するご意見.{0,40}|.{0,20}[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*までご.{0,20}"
    r"|[①-⑳]?\s*(?:本[网網站]未注明|如本[网網站][转轉][载載]).{0,300}"  # a portal's notices on what it reposts
    # a news network's sites' boxes (Big News Network: "Illinois Intelligencer", hundreds alike)
    r"|get a daily dose of .{1,60} news through our daily email.{0,160}"
    r"|publish news of your business, community or sports group.{0,200}"
    r"|(?:👉\s*)?follow .{1,40} on your podcast app(?:\s*👈)?"
    r"|.{0,40}[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s+\+\d{7,15}\b.{0,60}(?<![.!?…。])"  # a site's contacts: "Sputnik International feedback@... +7495..."
    r"|.{0,60}如有侵权.{0,30}请(?:联系|发送|告知|与).{0,60}|如有问题\s*[,，]?\s*请联系我们\s*[!！。]?"  # "...如有侵权...请发送邮件至"
    r"|gönderilen yorumların .{0,200}|.{0,120} butonuna tıklayınız\.?"  # Turkish comment rules; "click to allow"
    r"|.{0,40}\[email(?:&#160;|\s)protected\]"  # an address a site hid from robots: "◎공감언론 뉴시스 [email protected]"
    r"|(?:(?:QQ|微信|电话|邮箱|E-?mail)\s*[:：]\s*[\w.@-]{3,40}\s*){2,}"  # "QQ:51985809邮箱:51985809@qq.com"
    r"|비밀번호를 입력해\s?주세요\.?|로그인(?:을 하시면| 하시면|하기|을 해주세요)\.?|регистрация пройдена.{0,20}"  # a log-in box
    r"|다양한 서비스를|제공받으실 수 있습니다\.?"  # ... and its "로그인을 하시면 / 다양한 서비스를 / 제공받으실 수 있습니다." wrapped
    r"|(?:sign|log) in(?: to| with)?\b[^.?]{0,30}|wait \d{1,2} sec\.?"  # "Sign in to comment"; a redirect
    # a call to follow the site elsewhere: "Unite al canal de ABC en WhatsApp", "Читать ria.ru в"
    r"|(?:únete|unite|join|follow|síguenos|suivez)\s.{0,40}\b(?:whatsapp|telegram|channel|canal|chaîne)\b.{0,20}"
    r"|читать \S{1,30} в",
    re.IGNORECASE,
)
# A line of a JSON document that holds no text: a brace, or a field with a number, a flag or a few words.
JSON_FIELD = re.compile(
    r'[{}\[\]],?|"[\w-]{1,40}"\s*:\s*(?:-?\d+(?:\.\d+)?|true|false|null|[{\[]'
    r'|"[^"\s]{0,30}(?: [^"\s]{1,30}){0,4}(?<![.!?。！？])"|"[A-Za-z0-9_.:/-]{1,200}")\s*,?'  # or a slug, a URL
)
JSON_DATE_FIELD = re.compile(r'"(?:date|published|pubDate|datePublished|created_at|publish_time)"', re.IGNORECASE)
# A row of topic tags in capitals ("WHITE HOUSE PRESS BRIEFING KAROLINE LEAVITT ..."): five words or more,
# no lower case, no punctuation that would end a sentence; or the categories a story is filed in ("in
# China, International, Latest"). Case-sensitive.
_CATEGORY = r"[A-Z][\w&'’]*(?: [A-Z&][\w&'’]*){0,2}"
_CJK_TAG = r"[\u3040-\u30ff\u3400-\u9fff·・]{2,6}"  # Chinese and Japanese only: Korean spaces its words
_KEYWORD_LOWER = r"[a-zà-ÿа-яё][\w.'’-]{0,20}(?: [\w.'’-]{1,20}){0,2}(?<![.])"  # a cased letter: not Hangul or CJK
TAG_ROW = re.compile(
    rf"(?=(?:\S+ ){{4}})[A-Z0-9][A-Z0-9 &'’-]*[A-Z0-9]|in {_CATEGORY}(?:, {_CATEGORY})+"
    rf"|{_CJK_TAG}(?: {_CJK_TAG}){{2,}}"  # "委內瑞拉 美國 馬杜洛 毛寧": CJK words have no spaces between them in prose
)
# Keywords in a comma list, four or more in lower case ("china, us, trump, xi, call"; "в мире, япония, китай,
# токио"), each a word or three, none ending a sentence. Not inside a hard-wrapped sentence, which has such
# lines too ("he said, adding that, in fact, it was"). (Capitalised, a list of keywords reads as a list of
# countries would: "Россия, Китай, Индия, Бразилия".)
KEYWORD_ROW = re.compile(rf"{_KEYWORD_LOWER}(?:, {_KEYWORD_LOWER}){{3,}}")
# A dateline's place alone on its line, the article starting below it ("HAMILTON, Canada"). Case-sensitive.
PLACE_LINE = re.compile(
    r"[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*, [A-Z][a-z]+(?: [A-Z][a-z]+)?"
    # a place and its reporter, closing a Russian report ("Пекин, Елена Васильева"); a capital alone ("BEIJING")
    # stays: it is the story's dateline
    r"|[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?, [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+"
)
# Lines that credit or label rather than report: editors, copyright, photo credits, a label with no value.
# A credit line's names: "Source: United Nations (video statements)", "Source: news.cn", "Источник: ТАСС"
# (never "Source: China to impose export controls", a headline, or "Source: a senior official said").
_NAME = r"(?:[A-ZА-ЯЁ][\w.'’&-]*|[a-z0-9-]+(?:\.[a-z0-9-]+)+|of|the|and|for|de|del|la|on|&)"
_WIRE_NAMES = (
    "EFE|Xinhua|AFP|AP|Reuters|Kyodo|Jiji Press|TASS|ТАСС|Yonhap|ANSA|dpa|KUNA|PTI|Adnkronos|LaPresse|Lusa|Interfax"
)
# A Chinese byline alone on its line: "聯合報／ 記者賴錦宏／即時報導".
CHINESE_BYLINE = r".{0,12}[记記]者[^。，,]{1,12}(?:[报報][道导導]|[摄攝])"
# A Chinese author's line: "撰文：張涵語", "作者：董雪、刘杨".
CHINESE_AUTHOR = r"(?:撰文|撰稿|作者|采写|採寫)\s*[:：]\s*(?P<author>[^\s:：，,。、()（）]{2,12}(?:[、\s][^\s:：，,。、()（）]{2,4}){0,3})"
# The reporters a byline or a closing credit names: "記者魏有德／綜合報導", "(记者董雪、刘杨)".
CHINESE_REPORTERS = re.compile(
    r"[记記]者\s*(?P<names>[^\s\d:：，,。、／/|｜()（）]{2,4}(?:[、\s][^\s\d:：，,。、／/|｜()（）]{2,4}){0,3})\s*(?:[／/|｜）)]|$)"
)
# A Chinese-language agency's dispatch line alone under the headline: "中央社／ 台北8日電", "新華社 北京3月8日電".
WIRE_DISPATCH = (
    r"(?:中央社|新華社|新华社|中新社|中評社|中评社|共同社|韓聯社|韩联社|法新社|路透社?|美聯社|美联社)"
    r"\s*[／/|]?\s*[^\s，,。\d]{1,8}(?:\d{1,2}月)?\d{1,2}日[电電]"
)
CREDITS = re.compile(
    rf"{WIRE_DISPATCH}|"
    r"\(?(?:web )?editors?\s*:.*|责任编辑\s*[:：].*|[（(]责编\s*[:：][^）)]{1,40}[）)]|[\[(（]?(?:copyright|©|ⓒ).*|.*all rights reserved\.?|.{0,120} are registered trademarks of [^.]{1,60}\.?(?: [^.]{0,60}\.?)?"
    r"|.{0,300}©\s*[\w .&'-]{1,30}|.{0,250}[（(](?:Getty(?: Images)?|EPA|AFP/Getty)[）)]"  # a photo's caption and credit
    r"|[^.。!?！？]{0,250}[（(](?:Reuters|AP|AFP|路透社|法新社|美聯社|美联社)[）)]"  # a caption's (a sentence's sign-off stays)
    r"|[^。！？“”\"]{0,60}版[权權]所有(?![者人权權])[^。！？“”\"]{0,60}"  # "太平洋财富主办 版权所有:太平洋财富网" (not "版权所有者")
    r"|(?:file(?: photo)?:\s*)?.{0,200}\s/\s(?:AP|AFP|Reuters|EFE|Getty Images|Xinhua|AA)"  # "FILE: Mao Ning gestures ... / AP"
    r"|\(by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}\)"  # "(By Gong Weiwei)"
    r"|\(with inputs from [^()]{1,40}\)\.?|.{0,200}\bẢnh\s*:\s*[^.]{1,60}"  # "(With inputs from agencies.)"; a photo's credit
    r"|文\s*[|｜/／]\s*[^。，,]{2,40}"  # a Chinese byline: "文 | 北京青年报记者 董鑫 孟亚旭"
    r"|(?:记者|編輯|编辑)\s*[丨|｜]\s*[^。，,\s]{2,12}|[^。，,\s]{1,20}\s*[/／]\s*摄"  # "记者丨田鑫"; a photo's "直新闻/摄"
    r"|【(?:编辑|編輯|责编)\s*[:：][^】]{1,20}】|\[(?:编辑|編輯|责编|責編)\s*[:：][^\]]{1,20}\]"  # "【编辑:曹子健】", "[编辑:单铭捷]"
    r"|(?:编辑|編輯)\s*[/／]\s*[^\s/／]{2,4}"  # "编辑/马晓晴"
    r"|[^。！？\n]{0,40}资料[图圖]片?(?:\s[^。！？\n]{0,30})?"  # a file photo's caption: "郭嘉昆资料图 外交部网站"
    # a Taiwan paper's photo caption, credited to its agency or file: "...圖為先前主持記者會。（歐新社資料照）"
    r"|.{0,300}[（(](?:[^（）()\s]{0,8}(?:資料照片?|资料照片?)|歐新社|欧新社)[）)]"
    r"|.{0,80}未[经經].{0,12}(?:授权|授權|许可|許可).{0,12}不得[转轉][载載].{0,80}"  # a site's notice: no copying without leave
    r"|[（(][^（）()\s]{0,8}[记記]者\s*[^\s（）()]{2,4}(?:\s+[^\s（）()]{2,4}){0,2}[）)]"  # "(總臺央視記者 申楊)": a reporter's credit
    r"|(?:标签|標簽|標籤)\s*[:：].{1,60}"  # the page's tags: "標簽:外交部表態"
    r"|(?:[\[【(（]?[^\n\[【。]{0,16}(?:ICP[证證备備]|公网安备|公網安備|备案号|備案號)[^\n\]】。]{0,12}?\d{5,}[^\n\]】。]{0,8}[\]】)）]?\s*)+"  # licence numbers
    rf"|{CREDIT_LINE.pattern}"  # an outlet's name alone: the copy's credit (outlet.credit_line)
    r"|[(（【\[]?(?:(?:文章|原文)?(?:来源|來源|出处|出處)|[转轉]自)\s*[:：][^)）】\]\n]{0,30}[)）】\]]?"  # "【来源:潇湘晨报】"
    r"|(?:原文)?(?:刊登|刊載|刊载|刊發|刊发|刊)[於于]\s*[:：]?\s*\S.{0,29}"  # a repost's credit: "原文刊登於 香港電台"
    r"|(?:编辑|編輯|责编|責編)\s*[:：]\s*\S{1,12}|Редакция сайта \S{2,20}|[TТ]екст\s*:\s*[А-ЯЁ][а-яё]+(?: [А-ЯЁ][а-яё]+){1,2}"  # editors, "Текст: ..."
    r"|CC BY(?:-[A-Z]{2}){0,3} \d\.\d(?: / [^/\n]{1,40}){1,3}"
    r"|.{0,400}copyright \(c\) .{1,30}all rights reserved\..{0,80}"  # a Korean wire photo's caption and its rights
    r"|.{0,40}著作権は.{1,30}にあります。?|.{0,30}無断転載を禁じます。?|Tel\s*[:：].{1,40}Mail\s*[:：]\s*\S+"  # "…の著作権は人民網にあります。"
    r"|(?:编辑|編輯)\s*[:：]?\s*[|｜]\s*\S{1,12}\s*[|｜]?"  # "編輯: | 祝聞豪 |"
    r"|[가-힣A-Za-z]{2,10}\s+[가-힣]{2,4}\s?기자"  # an outlet and its reporter: "머니투데이 조성준기자"
    r"|[（(][^（）()]{2,12}(?:新聞|新闻|日報|日报|通信|通讯)[）)]"  # an outlet's name in brackets alone: "(中国経済新聞)"
    r"|.{20,400}(?:\.\.\.|…)\s*(?:\|\s*|[^\W\d_][\w .«»\"-]{1,30},\s*)\d{2}\.\d{2}\.\d{4}"  # a page's summary, cut, with its date  # a photo's licence: "CC BY-SA 4.0 / Max12Max / Chinese Foreign Ministry"
    # an embassy's or consulate's contacts: "地 址:...", "电 话: ... 邮箱:...", "对外办公时间:..."
    r"|(?:地\s*址|[电電]\s*[话話]|[邮郵]\s*箱|[传傳]\s*真|接听时段|接聽時段|(?:对外)?办公时间|(?:對外)?辦公時間)\s*[:：].{1,120}"
    # labels whose values the capture lost ("出版：更新：", HK01's times), a Chinese byline ("撰文：張涵語")
    r"|(?:원문 )?출처\s*[:：].{0,30}|(?:[^\s:：，,。、]{1,8}\s*[:：]\s*){1,4}"
    rf"|{CHINESE_AUTHOR}|[×✕✖╳]|[|│┃]+"  # (a closed pop-up's button; a table's border left alone)
    r"|\|\s*[^|（）()]{0,60}[（(][^（）()|]{0,20}[摄攝][）)]\s*\|"  # a caption in a table's cell: "| 外交部发言人林剑(中评社 海涵摄) |"
    r"|(?:来源|來源|主编|主編|责编|責編|编辑|編輯)\s*[|｜]\s*[^|｜]{1,30}"
    r"|(?:图片编辑|圖片編輯|文字编辑|文字編輯|校对|校對)\s*[:：]\s*\S{1,12}|\S{0,8}报料\s*[:：]\s*[\d-]{6,15}"  # The Paper  # "来源 | 央视新闻、北京日报", "主编 | 彭丹"
    r"|\((?:ITALPRESS|ANSA|AGI|EFE|AFP|AP|XINHUA|Xinhua)\)"  # an agency's credit alone on its line
    r"|كتب\s*[:：]\s*[^.]{1,30}"  # an Arabic byline: "كتب : مصراوي" (written by)
    r"|\[?저작권자\s*(?:\(c\)|ⓒ|©).{0,80}|.{0,60}무단\s?전재.{0,40}금지\]?"  # Korean copyright: "[저작권자(c) YTN 무단전재, 재배포 ... 금지]"
    r"|\[(?:카카오톡|전화|메일|이메일|제보)\]\s?.{1,60}|※\s?'당신의 제보가 뉴스가 됩니다'"  # a broadcaster's tip lines
    rf"|(?-i:(?:[Ss]ource|SOURCE|[Ff]onte|FONTE|[Ff]uente|FUENTE|[Qq]uelle|QUELLE|Источник|Kaynak)\s*:\s*{_NAME}(?:\s+{_NAME}){{0,9}}(?:\s*\([^()]{{1,40}}\))?)"
    rf"(?:\s+(?-i:Editors?)\s*:\s*{_NAME}(?:\s+{_NAME}){{0,3}})?"  # "Source: Xinhua   Editor: Guo Jiayi"
    rf"|{CHINESE_BYLINE}"
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
    r"|原[标標]?[题題]\s*[:：]\s*(?P<bare>[^\s《》()（）【】][^《》()（）【】]{3,119})"  # or bare: "原標題:2026年1月29日..."
)
# A photo's caption opening a line that goes on with the story, the page having lost the break between them.
LEADING_CAPTIONS = (
    # its photographer's credit, then the wire's dateline and lead: "外交部發言人林劍（中評社 海涵攝） 中評社北京10月17日電…"
    re.compile(
        r"(?P<caption>[^。！？]{2,60}[（(][^（）()]{1,20}(?<!拍)[摄攝][）)])\s+(?P<rest>\S{0,12}?\d{1,2}月\d{1,2}日[电電].{10,})"
    ),
    # Xinhua's credit, then its dateline in brackets: "中国外交部。（北京＝新華社記者／李賀）【新華社北京2月25日】…"
    re.compile(
        r"(?P<caption>[^【】]{2,60}[（(][^（）()]{0,20}(?:新華社|新华社)[^（）()]{0,12}[）)])"
        r"(?P<rest>【[^】]{0,12}\d{1,2}月\d{1,2}日】.{10,})"
    ),
    # a name under its photo, then the lead that opens with it: "木原稔官房長官木原稔官房長官は4日の記者会見で…"
    re.compile(r"(?P<caption>[^\s。、「」]{3,20})(?P<rest>(?P=caption)[はが].{10,})"),
)
# A Japanese paper's caption, then its lead, whose subject the caption names: "記者会見する木原官房長官＝19日午前、
# 首相官邸" + "木原稔官房長官は19日の記者会見で…" (the place's end is where a subject the caption names begins).
JAPANESE_CAPTION = re.compile(r"(?P<who>[^。=＝]{2,40})[=＝]\d{1,2}日(?:午前|午後|夜|朝)?、(?P<after>.{12,})")
JAPANESE_LEAD = re.compile(r"[^。、=＝]{2,20}は\d{1,2}日")
# A wire photo caption, in the agencies' style: one sentence ending "in Washington, April 1, 2025.";
# or a short caption ending with its photographer's credit: "中国外交部。（北京＝新華社記者／李賀）",
# "（新华社记者 李贺 摄）", "(Xinhua/Li He)", "(Photo by Li He)".
CAPTION = re.compile(
    r".{10,250}\bin [A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}, (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
    r" \d{1,2}(?:,? \d{4})?\."
    r"|.{0,80}[（(][^（）()]{0,20}(?:記者[／/]|撮影|Xinhua/|Photo by |[圖图]\s*[／/])[^（）()]{0,30}[）)]"
    r"|.{0,80}[（(][^（）()]{0,30}[摄攝][）)]"
    # who stands where, then the agency's credit: "習近平(右)日前在北京會見…卡尼(左)。(路透)"
    r"|.{0,80}[（(][左右中][）)].{0,120}(?:[（(]|[。 ])(?:路透|路透社|美聯社|美联社|法新社|新華社|新华社|歐新社|欧新社|中央社|AP|AFP|Reuters|EPA)[）)]?"
    r"|.{0,80}[（(][左右中][）)].{0,120}。\s*[（(][^（）()]{1,20}[）)]"  # ... and any source: "（Facebook／卓榮泰）"
    # who is in the photo and its agency: "日相石破茂。歐新社"
    r"|[^，,。\s]{2,20}。(?:路透社?|美聯社|美联社|法新社|歐新社|欧新社|新華社|新华社|中央社|共同社|韓聯社|韩联社|AP|AFP|Reuters|EPA)"
    r"|(?:From left|From right|Left to right|From L to R)[,:] [^.!?]{5,200}"  # "From left, the Japanese flag, ..."
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
    # Korean credits: the photo's agency and paper at the start, the caption ending on its date ("[예루살렘=AP/뉴시스]
    # 16일(현지 시간) ... 2025.06.16"; a text's dateline names one: "[베이징=뉴시스]"), or the photo's source at
    # the end of a caption ("... 대변인[사진=중국 외교부] |")
    r"|\[[^\[\]=]{1,20}=[^\[\]/]{1,20}/[^\[\]]{1,12}\].{0,300}\s20\d{2}\.\d{2}\.\d{2}\.?"  # ... ending on its date
    r"|.{1,250}\[(?:[^\[\]=:]{1,20}[=＝]|(?:사진|그래픽|Photo|Foto|Фото)\s*[:：])[^\[\]]{1,30}\]\s*\|?"
    r"|\[(?:사진|그래픽) 출처\s*:[^\]]{1,40}\]"
    r"|.{1,250}\((?:사진|그래픽)\s*[=＝:：][^()]{1,30}\)"  # "궈자쿤 중국 외교부 대변인. (사진=중국 외교부)"
    r"|.{10,250}[。.]\s*[圖图]\s*[／/](?!\s*表)\s*[^\s。，,]{1,12}"  # a caption ending on its credit: "…的努力。圖／路透"
    r"|.{10,250}\.\s+(?:Image|Photo|Picture|Foto)s?:\s*[^.]{0,40}(?:/|\bvia\b)[^.]{1,40}"  # "... Image: Kay Nietfeld/dpa via AP"
    r"|.{4,200}[（(][^（）()]{0,10}(?:圖片|图片)[）)]"  # "...郭嘉昆主持例行記者會。（外交部圖片）"
    # a photo's day, what it shows and its source: "2025年9月23日，日本首相石破茂在…發表演說。（Reuters）", "(外交部網站)"
    r"|20\d{2}年\d{1,2}月\d{1,2}日[，,].{4,200}[。.]\s*[（(](?:Reuters|AP|AFP|EPA|Getty Images|[^（）()]{0,12}(?:官網|官网|網站|网站|圖片|图片|[摄攝]|資料照))[）)]"
    r"|\[.{1,100}\((?:[A-Z]{2,6}=)?[^()=]{1,12}(?:자료사진|사진)\)\]"  # "[미국 하버드대 (AFP=연합뉴스 자료사진)]"
    r"|.{10,250}\s(?:[A-Z][\w.]*/)?(?:AFP|AP|Reuters|EPA|Bloomberg|Xinhua) via Getty Images"  # "... Str/AFP via Getty Images"
    r"|.{1,200} - [^,\n]{2,30}, \d{3,4}, \d{2}\.\d{2}\.\d{4}|.{1,200} - РИА\s*"  # an image's alt: "... - РИА Новости, 1920, 09.04.2025"
    r"|.{0,100}[（(](?:取自|图源|圖源|图片来源|圖片來源)[^（）()]{1,30}[）)]|.{0,100}(?:图源|圖源|图片来源|圖片來源)\s*[:：].{1,30}"
    r"|.{0,80}[（(](?:资料图片?|資料圖片?)[）)]|.{0,200}[。！？]（[^（）]{0,20}(?:Facebook|Instagram|Twitter|YouTube|微博)）"
    r"|.{0,120}\|\s*(?:X|Twitter|Facebook|Instagram)\s*@\w{1,30}|(?:[Aa] )?[Ss]creenshot (?:of|from) [^.!?]{1,200}"
)
IMAGE_ALT = re.compile(r"!\[(?P<alt>.+)\]\(")  # an image's Markdown: its text
# A cookie banner: one line asking for consent, or its buttons.
COOKIES = re.compile(
    r"(?=.{0,300}$).*(?:we use cookies|(?:site|website|page) uses cookies|accept (?:all )?cookies|cookie (?:policy|settings)"
    r"|by (?:continuing|using|browsing).{0,80}cookies"
    r"|(?:notre|ce) site utilise des cookies|utilizamos cookies|este sitio (?:web )?utiliza cookies|wir verwenden cookies).*"
    r"|accept(?: all)?(?: cookies)?|reject all|manage (?:cookies|preferences|settings)",
    re.IGNORECASE,
)
WIRE_END = re.compile(r"\((?:end|END)\)$")  # a wire story's last line (KUNA, Yonhap)
EDITOR_INITIALS = re.compile(r"[a-z]{1,4}(?:\.[a-z]{1,4}){1,3}")  # "mk.aai", under WIRE_END
# "Zhitongcaijing·12/10/2025 08:17:04": outlet, a middle dot, the date as printed.
DATELINE = re.compile(
    r"(?P<outlet>[^\s·][^·]{0,60}?)\s*·\s*(?P<printed>\d{1,2}/\d{1,2}/\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)"
)
BYLINE = re.compile(  # "By Jeremy Barr"; "News Desk by News Desk" (the author's picture's caption, then the name)
    r"(?:(?P<picture>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}) (?=by (?P=picture)$))?"
    r"[Bb]y\s+(?P<name>[A-Z][\w.'’-]*(?:(?:\s+|,\s+|\s+and\s+)[A-Z][\w.'’-]*){0,8})(?<!\.)"
)  # "By Tuesday." is prose
SPEAKER_LABEL = re.compile(r"(?P<name>[^:：]{2,40}?)\s*[:：]")
# A navigation menu: MENU_ITEMS or more list lines in a row, each a section's name of a few words.
MENU_ITEM = re.compile(r"\s*[•●▪◦‣·-]\s*[\w&'’]+(?: [\w&'’]+){0,3}")
