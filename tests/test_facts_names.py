"""Key facts on real-shaped text: who is a person, which English sense is safe, who leads."""

from __future__ import annotations

from digest.editorial.document import document
from digest.editorial.facts import key_facts
from digest.editorial.summarize import summarize
from digest.models import Article


def facts(title: str, *paragraphs: str):
    doc = document(Article("n", "n.txt", 0, title, paragraphs))
    return key_facts(doc, summarize(doc))


def pinyin(names) -> list[str]:
    return [n for n in names if n.endswith("(pinyin)")]


def test_common_words_the_tagger_calls_names_never_become_pinyin_names():
    cases = [
        ("发票中奖号码公布", "财政部今天下午将公布中奖清册，本期千万中奖张数为18张。", "今天下午的公布仍按时举行，中奖张数比上期多。"),
        ("因为智能家居吵架", "我的确很喜欢智能家居设备，但她说这些智能家居已经影响到她生活了。"),
        ("南四环拥堵", "南四环今天早高峰拥堵严重，南四环附近的蓝营支持者举行集会。"),
        ("饮料含高糖", "研究发现，这些饮料含高糖，长期饮用有害健康。"),
        ("白宫记者会被拒", "24日下午白宫西翼出现奇特一幕，多家媒体被拒之门外。"),
    ]
    for title, *paragraphs in cases:
        assert pinyin(facts(title, *paragraphs).names) == [], title


def test_a_person_the_text_vouches_for_keeps_a_pinyin_name():
    names = facts("农民工讨薪有望", "在珠三角打工多年的农民工黎永芬说，这让她看到了希望。").names
    assert "Li Yongfen (pinyin)" in names                    # 农民工 before, 说 after
    names = facts("分析师独董首案", "公司董事长曹磊表示，独董因涉嫌违规交易被立案调查。").names
    assert "Cao Lei (pinyin)" in names


def test_a_foreign_name_is_its_latin_name_or_nothing_and_never_cut():
    names = facts("马克龙星期一在莫斯科与普京会面", "法国总统马克龙下星期访问莫斯科。",
                  "马克龙星期一在莫斯科与俄罗斯总统普京会面。").names
    assert "Emmanuel Macron" in names and "Mark" not in names
    names = facts("科技巨头该被征税吗", "美国国内有两派观点，一种杰佛逊派的，另一种是汉密尔顿派的。",
                  "杰佛逊派认为应该立即终止巨头们的收购狂欢。").names
    assert not any("Jie" in n for n in names)                # no pinyin for Jefferson
    names = facts("朝美会谈取消", "朝鲜外务省高级官员崔善熙(Choe Son Hui)和前美国官员的会谈已经取消。").names
    assert "Choe Son Hui" in names                           # the Latin the text gives


def test_a_word_with_senses_the_text_does_not_settle_gets_no_english():
    from digest.text.lexicon import term_english

    for word in ("粉丝", "酒店", "合约", "算法", "带货", "数字", "退出", "平板"):
        assert term_english(word) is None, word
    assert term_english("泡沫") == "bubble" and term_english("手机") == "cell phone"
    terms = facts("谷歌退出平板业务", "谷歌宣布退出平板业务，粉丝们表示遗憾。",
                  "谷歌称将专注于笔记本电脑，平板业务团队将并入其他部门。").terms
    assert not {"log out", "slab", "bean vermicelli", "business"} & set(terms)


def test_a_company_is_never_glossed_as_a_place_or_a_common_noun():
    f = facts("龙湖集团发布年报", "龙湖集团今日发布年报，龙湖集团营收同比增长5%。")
    assert "Longfor Group" in f.names and not any("District" in n for n in f.names)
    f = facts("中兴面临17亿美元罚单", "特朗普政府可能很快向中兴开出高达17亿美元的罚单。")
    assert "ZTE" in f.names and "resurgence" not in f.terms
    f = facts("美国申领失业补贴人数下降", "美国中央银行本星期早些时候表示，美国经济适度增长。")
    assert not any("Republic of China" in n for n in f.names)


def test_the_subject_the_title_names_leads_the_names():
    f = facts("中兴面临17亿美元罚单", "路透社援引知情人士的消息报道，美国总统特朗普的政府可能很快向中兴开出罚单。",
              "美国商务部今年4月对中兴实施了贸易禁令，特朗普曾称将对中兴加罚。")
    assert f.names[0] == "ZTE"
    f = facts("三星副会长李在镕再遭传唤", "韩国特检组25日再次传唤三星电子副会长李在镕。",
              "特检组认为，李在镕涉嫌向朴槿惠的亲信行贿。")
    assert f.names[:2] == ("Samsung", "Lee Jae-yong")


def test_one_company_has_one_name_in_an_edition():
    from digest.text.script import convert

    assert convert("輝達與微軟合作，辉达股价上涨。", "hans") == "英伟达与微软合作，英伟达股价上涨。"
    assert convert("英伟达发布新芯片。", "hans") == "英伟达发布新芯片。"
    assert convert("英伟达发布新芯片。", "hant") == "輝達發佈新芯片。"     # its own edition form


def test_a_listed_company_the_title_names_leads_with_its_reading_and_company_word():
    names = facts("疫苗泡沫破灭 重庆啤酒估值或推倒重来",
                  "投资者纷纷挂跌停板甩卖重庆啤酒(600132，收盘价72.95元)。",
                  "重庆啤酒主营啤酒酿造和销售，市场更多考虑其疫苗业务。").names
    assert names[0] == "Chongqing Brewery" and "Chongqing" not in names
    names = facts("金路集团预计去年净利亏损", "金路集团 ( 000510 ) 1月17日晚间公布业绩预告，预计亏损。").names
    assert names[0] == "Jinlu Group"
    names = facts("大連港料去年盈利最少跌15%", "大連港預期，去年全年盈利將按年下跌。", "股價資料：大連港").names
    assert names[0] == "Dalian Port"
    # A year in brackets is no stock code, and a place is no company.
    names = facts("北京申办冬奥", "北京(2008)办过夏季奥运会，这次北京申办冬奥会。").names
    assert not any(n.startswith("Beijing ") for n in names)


def test_a_glossary_company_named_without_its_company_word():
    names = facts("法國新蘋果商店將會近乎全透明", "據稱法國的蘋果商店幾乎整間都是透明的。").names
    assert "Apple" in names
    names = facts("一天一个苹果", "医生说每天吃一个苹果对健康有好处，苹果富含维生素。").names
    assert "Apple" not in names


def test_a_person_the_tagger_misses_or_cuts_is_still_named():
    names = facts("南非总统祖马致谢", "在南非总统祖马见证下，双方签署了文件。", "祖马表示，贸易很重要。").names
    assert names[0] == "Zuma"
    names = facts("中信分析师杨治山被查", "公司独董杨治山先生因涉嫌违规交易股票被立案调查。",
                  "杨治山于11月22日提交了辞职报告。").names
    assert names[0] == "Yang Zhishan (pinyin)"
    names = facts("黄山景区迎客", "黄山景区今天接待游客三万人，黄山管委会表示客流平稳。", "黄山的客流比去年多。").names
    assert not pinyin(names)                                 # a place ending in 山, no role beside it


def test_english_words_in_latin_script_are_not_names():
    names = facts("语音编解码器开源", "它提供 Token 生成器与 Token 还原器，设置 INTERNAL 与 PLAINTEXT 监听。",
                  "把目录放入 PATH 变量，再设置 PATH 与 INTERNAL 和 PLAINTEXT。").names
    assert not {"Token", "PATH", "INTERNAL", "PLAINTEXT"} & set(names)
    names = facts("Docker和Podman的使用经验", "Docker 与 Podman 都能运行容器。").names
    assert "Docker" in names and "Podman" in names           # the title names them
    from digest.text.lexicon import term_english

    assert term_english("男子") is None and term_english("尚无") is None


def test_a_foreign_person_the_title_names_and_no_dictionary_spells_stays_in_chinese_with_a_kind():
    names = facts("记者专访葡萄牙总统索萨雷斯", "葡萄牙总统索萨雷斯本周抵达北京访问。",
                  "索萨雷斯表示，两国合作前景广阔。索萨雷斯还参观了一家工厂。").names
    assert "索萨雷斯 (president of Portugal)" in names
    assert not any("(pinyin)" in n for n in names)
    names = facts("检方将调查勒梅尔家人", "检方表示将调查候选人勒梅尔的家人。", "勒梅尔说自己没有做错什么。").names
    assert "勒梅尔 (candidate)" in names


def test_a_foreign_looking_word_without_a_role_beside_it_is_not_shown():
    names = facts("叙利亚霍姆斯发生爆炸", "霍姆斯市中心发生爆炸，霍姆斯的居民被疏散。", "霍姆斯警方正在调查。").names
    assert not any("霍姆斯" in n for n in names)


def test_a_company_the_title_and_lead_open_with_and_the_text_calls_the_company():
    names = facts("营口港料今年盈利增长", "营口港预期，今年盈利将增长10%。", "公司表示，吞吐量上升。").names
    assert names[0] == "Yingkou Port"
    names = facts("营口港迎来大雾", "营口港今天出现大雾，船舶停航。", "海事部门表示，将及时发布消息。").names
    assert "Yingkou Port" not in names


def test_a_name_joined_to_a_word_the_tagger_calls_a_noun_is_read_whole():
    names = facts("勒庞领先首轮", "民调显示，候选人马丽娜·勒庞(Marine Le Pen)在首轮选举中领先。").names
    assert "Marine Le Pen" in names


def test_a_two_character_glossary_name_across_two_words_is_not_that_name():
    names = facts("韩国市政府拒绝撤走塑像", "据韩联社报道指出，市政府拒绝撤走塑像。").names
    assert "Dow Jones" not in names
    assert "Dow Jones" in facts("道指收跌", "道指周五收跌1%。").names


def test_a_word_a_place_word_stands_beside_is_no_person():
    names = facts("北部城市巴卜发生爆炸", "叙利亚北部城市巴卜24日发生爆炸。", "巴卜地区一村庄的居民被疏散，巴卜仍在戒严。").names
    assert pinyin(names) == []


def test_a_place_name_that_only_starts_a_longer_word_is_not_that_place():
    names = facts("印度教节日吸引百万信众", "尼泊尔的印度教信众24日庆祝节日。", "印度教寺庙当日人山人海。").names
    assert "India" not in names


def test_dictionary_english_holding_chinese_characters_is_never_shown():
    from digest.text.lexicon import name_english

    assert name_english("拓跋") is None                       # "branch of the Xianbei 鮮卑|鲜卑 …"
    assert name_english("北京") == "Beijing"


def test_a_side_a_hall_or_the_end_of_a_foreign_name_gets_no_pinyin():
    cases = [
        ("朝方称不信任马方调查", "朝鲜驻马来西亚使馆称不信任马方调查。", "马方表示调查公正，马方将公布结果。"),
        ("遗骨安置纳骨堂", "70具无名遗骨安置纳骨堂。", "纳骨堂位于市郊，纳骨堂管理员表示欢迎。"),
        ("秘书长斯托尔腾贝格呼吁增加军费", "北约秘书长斯托尔腾贝格表示，各国应增加军费。", "斯托尔腾贝格说，盟国需要团结。"),
    ]
    for title, *paragraphs in cases:
        assert pinyin(facts(title, *paragraphs).names) == [], title


def test_a_name_the_title_alone_vouches_for_does_not_open_with_a_common_word():
    names = facts("警察动用麻醉枪", "一头母牛逃出屠宰场，警察动用麻醉枪。", "麻醉枪命中后，母牛倒地。麻醉枪由兽医提供。").names
    assert pinyin(names) == []


def test_a_foreign_post_says_former_and_a_verb_of_saying_is_no_part_of_a_name():
    names = facts("法前总理勒梅尔否认指控", "法国前总理勒梅尔22日否认指控。", "勒梅尔说，调查不合法。勒梅尔将继续竞选。").names
    assert "勒梅尔 (former prime minister of France)" in names
    names = facts("新总统感谢前任", "新总统在当选后感谢现任总统高克称，后者为国家作出贡献。").names
    assert pinyin(names) == []


def test_a_dictionary_name_of_several_people_is_given_only_when_they_are_namesakes():
    from digest.text.lexicon import name_english

    assert name_english("特鲁多") is None               # Pierre Trudeau or Justin Trudeau
    assert name_english("李建成") is None               # a Tang prince or a geophysicist
    assert name_english("梁") is None                   # two Liang dynasties, or the surname
    assert name_english("周立波") == "Zhou Libo"        # two namesakes
    assert name_english("刘毅") == "Liu Yi"             # two namesakes, dates without a birth year
    assert name_english("红军") == "Red Army"
    assert name_english("杰夫") == "Jeff"               # "Jeff or Geoff": one spelling
    assert name_english("布什") == "Bush"               # the entry's name sense comes first


def test_a_chinese_name_of_transliteration_like_characters_is_not_a_foreign_person():
    names = facts("张曼妮夺得女单冠军", "在昨天的决赛中，选手张曼妮以两比零获胜。",
                  "赛后张曼妮表示，这是她第一次拿到全国冠军。").names
    assert not any("person named in the title" in n for n in names), names


def test_an_industry_the_headline_opens_with_is_no_company():
    names = facts("上海汽车产业今年产值突破万亿", "上海汽车产业今年产值预计突破万亿元。",
                  "上汽集团是龙头企业，该公司今年销量增长5%。").names
    assert "Shanghai Motors" not in names, names
