"""The rules the page reader trims a news page's body with, each with the lines it must
match and the lines it must leave alone (checked with the cleaner's rules)."""

from __future__ import annotations

import re

from .rules import rule

SENTENCE_END = rule("sentence end", r"[。！？!?；;…][”」』\"'）)]*$|[。！？!?][”」』\"'）)]*",
                    match=["市场回暖。", "真的吗？”", "一是芯片；"], leave=["英伟达发布新一代GPU", "2024/05/13 10:48"])

# Lines that end an article's body on a news page: the editor's credit, the
# reprint's original title, related-news lists, share rows, comment sections.
END_LINE = rule(
    "end of body",
    r"^[(（\[【]?\s*(?:(?:责任编辑|責任編輯|责编|責編|编辑|編輯)\s*[:：/|丨]|原标题|原標題|"
    r"相关(?:新闻|阅读|报道|文章|推荐|链接)|相關(?:新聞|閱讀|報導|報道|文章|推薦|連結)|"
    r"延伸阅读|延伸閱讀|推荐阅读|推薦閱讀|热门推荐|熱門推薦|更多(?:新闻|精彩|報導|报道|相关|相關)|"
    r"分享(?:到|至)|網友評論|网友评论|发表评论|發表評論|我要评论|我要評論|(?:全部|最新|热门|熱門|精彩)(?:评论|評論|跟贴|跟帖)|"
    r"免责声明|免責聲明|(?:风险提示及|風險提示及)?(?:免责|免責)(?:条款|條款)\s*[:：]?$|声明[:：]|聲明[:：]|本文(?:为|為)?.{0,10}(?:原创|原創|禁止转载|禁止轉載)|"
    r"(?:版权|版權)(?:所有|声明|聲明)|copyright|©|(?:采写|採寫|撰稿)[:：]|"
    r"(?:链接|鏈接|連結|附件|附图|附圖)$|[(（][^()（）]{0,20}(?:编辑|編輯|整理|供稿)[^()（）]{0,10}[)）]$)"
    r"|.{0,12}更多.{0,8}(?:>>|»)\s*$",
    match=["【责任编辑：李四】", "相关阅读", "风险提示及免责条款", "（某某网编辑整理）", "分享到：微信 微博", "采写：本报记者 张三",
           "某某网 更多文章>>"],
    leave=["编辑部的同事们认为这是好事。", "分享经济的模式正在改变。", "免责条款是否有效，关键在于是否尽到提示义务。"],
    flags=re.IGNORECASE)
# What a page may put where a headline goes that is never one: a <title> placeholder, a menu
# or button word, an address, a counter, a bare date, a document number.
NOT_HEADLINE = rule(
    "not a headline",
    r"^(?:无标题文档|無標題文件|无标题|無標題|未命名|untitled(?: document)?|document|new page\s*\d*|"
    r"新建网页\s*\d*|新建網頁\s*\d*|index|home|english|中文|繁體|简体|登录|登入|注册|註冊|首页|首頁|"
    r"更多|返回|打印|列印|分享|关闭|關閉|搜索|搜尋)$"
    r"|^[^，。,]{0,12}[:：]\s*(?:https?://|www\.)|^(?:https?://|www\.)[\x21-\x7e]*$"          # an address
    r"|^(?:阅读|閱讀|浏览|瀏覽|评论|評論|点赞|點讚|收藏|转发|轉發|点击|點擊|访问|訪問|人气|人氣)(?:量|数|數|次|次数|次數|人次|值)?"
    r"\s*[:：]?\s*\d+\s*$"  # a counter
    r"|^(?:预计|預計|大约|大約|约|約)?(?:阅读|閱讀)(?:时长|時長|时间|時間)?\s*[:：]?\s*(?:约|約)?\s*\d+\s*(?:分钟|分鐘|min)\s*$"  # reading time
    r"|^(?:约|約|共|全文)?\s*\d[\d,]*\s*(?:个字|個字|字|words?)\s*$|^(?:本文|文章)?(?:字数|字數)(?:统计|統計)?\s*[:：]?\s*\d[\d,.]*\s*k?\s*$"  # word count
    r"|^\s*(?:\d{1,2}\s+)?(?:19|20)\d{2}\s*[年/.-]\s*\d{1,2}\s*(?:[月/.-]\s*(?:\d{1,2}\s*日?)?)?\s*$"  # a date
    r"|^[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*[号號]$"
    r"|^[^>»›]{1,12}(?:\s*[>»›]\s*[^>»›]{1,12}){2,}\s*[>»›]?\s*$"                               # a breadcrumb
    r"|^\s*(?:——|—|－－|--)",                                              # a subtitle under it: "——记某某"
    match=["无标题文档", "——记寿光市一家福彩站的销售员", "—访某某公司董事长", "English", "国办发〔2024〕12号", "Untitled Document", "本文链接： https://blog.example.com/u1",
           "阅读量545", "浏览次数：27", "点击量：1234", "人气值：88", "预计阅读 4 分钟", "阅读时长: 6 分钟", "约 1800 字", "字数统计: 3.2k", "2024年02月", "2024-02-21", "21 2024年02月", "本站首页>电影>最新电影>"],
    leave=["国务院办公厅印发《关于促进消费的意见》", "English teachers wanted in Shanghai", "2024年经济工作会议召开",
           "www.gov.cn全新改版上线"],
    flags=re.IGNORECASE)
# A site's disclaimer under the article: "某某声明：…仅供参考，不构成投资建议", "版權與免責聲明：".
DISCLAIMER = rule(
    "disclaimer",
    r"^.{0,16}?(?:免责|免責|版权与免责|版權與免責)(?:声明|聲明)|^[^，。,]{0,12}(?:声明|聲明)\s*[:：].{0,80}?"
    r"(?:仅供|僅供|不构成|不構成|不代表|转载|轉載|版权|版權|风险自担|風險自擔)",
    match=["腾讯声明：频道所载文章纯属作者个人观点，仅供投资者参考，并不构成投资建议。", "新華網雲南頻道版權與免責聲明："],
    leave=["外交部发言人声明：中方对此表示强烈不满。", "公司发布声明称，营收增长。"])
# Page furniture that shows up inside the content area: privacy and cookie
# notices, paywall and log-in prompts, app and QR-code promotions, licence lines.
FURNITURE = rule(
    "page furniture",
    r"隐私(?:声明|政策|权政策)|隱私(?:聲明|政策|權政策)|cookie|付费会员|付費會員|"
    r"立即(?:注册|註冊|登录|登入)|免费注册|免費註冊|下载客户端|下載客戶端|下载APP|下載APP|"
    r"扫码|掃碼|二维码|二維碼|关注.{0,8}公众号|關注.{0,8}公眾號|ICP备|ICP證|ICP证|"
    r"经营许可证|經營許可證|公网安备|不得转载|不得轉載|"
    r"^(?:新闻|新聞|爆料|投稿|客服|服务|服務|读者|讀者)?热线(?:电话)?\s*[:：]|^(?:新闻|新聞|爆料|投稿|客服|服务|服務)?熱線(?:電話)?\s*[:：]|"
    r"^(?:会员|會員|用户|用戶)?(?:登录|登入)\s*[:：]?$|忘记密码|忘記密碼|^(?:用户名|用戶名|账号|帳號|密码|密碼)\s*[:：]|"
    r"^(?:#[^#\s]{1,30}#\s*){2,}$|^(?:#[^#\s]{1,30}\s+)+#[^#\s]{1,30}$",
    match=["本網站使用Cookie提供更好的閱讀體驗，點這裡瞭解隱私聲明。", "欢迎关注微信公众号：某某科技",
           "您所瀏覽的新聞已過查詢時效，建議您加入付費會員。", "新闻热线：0533-6123456", "会员登录",
           "#春运# #回家过年#", "用户名："],
    leave=["公司的注册地址在上海。", "用户隐私问题引发监管关注。", "市民可拨打12345热线电话咨询。",
           "#春运#话题在微博上引发热议。"], flags=re.IGNORECASE)
# A site's call to follow its own page on a social network; not a report of someone's page
# ("在臉書粉絲專頁發文表示"), nor "希望政府关注我们".
NETWORK = r"(?:facebook|google\s*(?:plus|\+)|twitter|instagram|youtube|臉書|脸书)"
OWN_PAGE = r"(?:專頁|专页|粉絲團|粉丝团|page|account)"
# A call whose object is the site's own page: "关注我们的微信公众号", "按讚我們的粉絲專頁".
FOLLOW_CALL = rule(
    "call to follow",
    r"(?:開設|开设|加入|追蹤|追踪|关注|關注|like|讚好|按讚|訂閱|订阅)\s*(?:我們|我们)的?\s*(?:官方)?"
    r"(?:facebook|臉書|脸书|微博|微信|公众号|公眾號|instagram|twitter|youtube|粉絲團|粉丝团|粉絲專頁|粉丝专页"
    r"|專頁|专页|頻道|频道)",
    match=["欢迎关注我们的微信公众号", "按讚我們的粉絲專頁"],
    leave=["希望政府关注我们的诉求。", "欢迎加入我们的志愿者团队。", "負責人說，我們在臉書粉絲專頁上收到了上千則留言。"],
    flags=re.IGNORECASE)
# Either, or "we" and the network's page in one clause: next to the body's edge, a line the site's.
SOCIAL_PAGE = rule(
    "social page",
    r"(?:我們|我们)[^，。,!！]{0,12}?" + NETWORK + r"[^，。,!！]{0,12}?" + OWN_PAGE
    + r"|" + NETWORK + r"[^，。,!！]{0,12}?(?:我們|我们)[^，。,!！]{0,4}?" + OWN_PAGE + "|" + FOLLOW_CALL.pattern,
    match=["快點到Facebook Like我們的專頁！", "我們也開了Google plus page，也可follow 我們吧！", "欢迎关注我们的微信公众号"],
    leave=["公司在Facebook上发布了声明。", "Twitter的用户数增长了一成。", "蔡英文今日在臉書粉絲專頁發文表示，將持續推動改革。",
           "特朗普的Twitter account被永久封禁后，我们看到了变化。", "希望政府关注我们的诉求。"],
    flags=re.IGNORECASE)
# A photo credit under a caption: "（消防局提供）", "（图/新华社）", "圖／路透".
PHOTO_CREDIT = rule(
    "photo credit",
    r"^[(（]?\s*(?:[^()（）]{1,20}(?:提供|摄|攝)|(?:图|圖|图片|圖片|照片|資料照|资料图|資料圖)\s*[/／:：]"
    r"[^()（）]{1,20})\s*[)）]?$|(?:供图|供圖|图片来源|圖片來源)\S{0,12}$|^[^，。,]{2,24}(?:记者|記者)[^，。,]{2,10}(?:传真|傳真|摄|攝)",
    match=["（消防局提供）", "(图/新华社)", "2012，再见柯达？ 某某供图", "某某社記者王強台北傳真 105年3月19日"],
    leave=["公司提供的数据显示，营收增长。", "图表显示，营收增长了三成。"])
# A caption with its credit at the end, or marked with a triangle.
CAPTION = rule("caption", r"^[▲△▼]|[(（]\s*(?:图|圖|图片|圖片|照片|photo)\s*[/／:：][^()（）]{1,24}[)）]$"
               r"|[。！!]\s*(?:图|圖|图片|圖片|照片)\s*[/／:：][^。！？!?，,]{2,24}$",      # "…出席。圖：某市政府提供"
               match=["▲警方到场处理。", "工人正在检测芯片。（图／记者王强摄）", "电影节今日开幕，导演等受邀出席。圖：高雄市政府提供"],
               leave=["营收增长三成（见图）。", "详见下图：营收对比"],
               flags=re.IGNORECASE)
# A run of short link-like lines (related lists, tags) after the body.
TAGS_LINE = rule("tags line", r"^(?:标签|標籤|關鍵字|关键字|关键词|關鍵詞|tags?)\s*[:：]",
                 match=["标签：芯片 AI", "Tags: AI"], leave=["标签化的讨论没有意义。"], flags=re.IGNORECASE)

# The common Chinese surnames (simplified and traditional forms), which a byline's name
# starts with: 记者热线, 作者个人观点 or 记者了解到 do not.
SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖蕭"
    "田董袁潘于蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊"
    "秦邱江尹薛闫閻段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯常温溫康施文牛樊葛邢安"
    "齐齊易乔喬伍庞龐颜顏倪庄莊聂聶章鲁魯岳翟殷詹申欧歐耿关關兰蘭焦俞左柳甘祝包宁寧尚符舒阮柯纪紀梅童凌"
    "毕畢单單季裴霍涂塗成苗谷盛曲翁冉骆駱蓝藍路游辛靳管柴蒙鲍鮑华華喻祁蒲房滕屈饶饒解牟艾尤阳陽时時穆农農"
    "司卓古吉缪繆简簡车車项項连連芦蘆麦麥褚娄婁窦竇戚岑景党黨宫宮费費卜冷晏席卫衛米柏宗瞿桂全佟应應臧闵閔"
    "苟邬鄔边邊卞姬师師和仇栾欒隋商刁沙荣榮巫寇桑郎甄丛叢仲虞敖巩鞏明佘池查麻苑迟遲邝鄺官封谈談匡鞠惠荆荊"
    "乐樂冀郁胥南班储儲原栗燕楚鄢劳勞谌諶奚皮粟冼蔺藺楼樓盘盤满滿闻聞位厉厲伊仝区區郜海阚闞花权權强強帅帥"
    "屠豆朴盖蓋练練廉禹洪揭傅萧赖賴阎於甯湛鄺练習习")
COMPOUND_SURNAMES = frozenset({"欧阳", "歐陽", "司马", "司馬", "上官", "诸葛", "諸葛", "东方", "東方", "皇甫",
                               "尉迟", "尉遲", "公孙", "公孫", "慕容", "长孙", "長孫", "宇文", "司徒", "夏侯",
                               "令狐", "端木", "西门", "西門", "南宫", "南宮", "独孤", "獨孤", "澹台", "澹臺"})
