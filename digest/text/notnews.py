"""Not news: forum questions, personal posts, job offers and advertisements.

A feed or a page may carry what no editor would put in a digest: a forum's
"anyone tried ...?" threads, job posts, promotions. They are recognised by
general signals of how such texts are written, not by any site's tags:

- asking the reader (请问, 求推荐, 大佬们 ...) or a title that is a question;
- the first person all through the text (news quotes people; a post is one);
- the vocabulary of job offers (招聘, 直招, salary ranges like 20-35k) or of
  promotions (优惠, 代理商, 加微信 ...);
- and against all of these, the marks of reporting (记者, 据...报道, 表示, 指出):
  a news story about hiring or about a question is still news.

:func:`chatter` scores one article; :func:`forum_feed` says whether a feed's
entries are mostly such posts, in which case the whole feed is a forum.
No library offers this for Chinese text, so it is written here.
"""

from __future__ import annotations

import re

from ..models import Article

_ASK = re.compile(r"请问|请教|求助|求推荐|求解|求问|有没有|有推荐|有人用过|大佬|老哥|各位|兄弟们|小白|"
                  r"怎么办|咋办|如何是好|咨询一下|帮忙看|求指点|指点一下|纠结")
_QUESTION = re.compile(r"[?？]\s*$|吗[?？]|么[?？]|呢[?？]")
_JOB = re.compile(r"招聘|急招|直招|招人|内推|岗位|简历|薪资|五险一金|年终奖|\b\d{1,3}\s*[kK]\s*[-~～到]\s*\d{1,3}\s*[kK]\b|"
                  r"\bbase\b|全职|兼职|外包|工作经验|\d+\s*[-~～]\s*\d+\s*年经验|\d+\s*薪")
_AD = re.compile(r"推广|优惠|折扣|代理商|限时|免费领取|领取|促销|团购|加微信|微信号|联系方式|QQ群|"
                 r"\d+\s*折|特价|返现|咨询热线")
_NEWS = re.compile(r"记者|据.{1,12}报道|通讯员|新华社|中新网|电[）)]|日电|表示|指出|称，|透露|获悉|"
                   r"发布会|公告显示|数据显示|财报|同比|环比")
_TAG = re.compile(r"^\s*[\[【][^\]】]{1,12}[\]】]")
# Every branch of _JOB (_AD) holds one of these words: a text holding none has nothing for
# it to find, and one scan for them (each opens on a plain character) is cheaper than
# trying each of its branches at every character.
_JOB_WORDS = re.compile("招|内推|岗位|简历|薪|五险一金|年终奖|k|K|base|全职|兼职|外包|工作经验|年经验")
_AD_WORDS = re.compile("推广|优惠|折|代理商|限时|领取|促销|团购|加微信|微信号|联系方式|QQ群|特价|返现|咨询热线")


def _distinct(vocabulary: re.Pattern, words: re.Pattern, text: str) -> int:
    """How many different things ``vocabulary`` finds in ``text``."""
    return len(set(m.group() for m in vocabulary.finditer(text))) if words.search(text) else 0


def chatter(article: Article) -> float:
    """How much ``article`` reads like a forum post, a job offer or an ad (0: not at all;
    3 or more: not news)."""
    title = article.title or ""
    body = "\n".join(article.paragraphs)
    score = 0.0
    if _ASK.search(title):
        score += 2
    elif _ASK.search(body[:80]):
        score += 1
    if _QUESTION.search(title):
        score += 1
    for vocabulary, words in ((_JOB, _JOB_WORDS), (_AD, _AD_WORDS)):   # in the title it says what the text is for
        in_title = _distinct(vocabulary, words, title)
        in_body = _distinct(vocabulary, words, body[:200])
        score += (2 + (in_body >= 2)) if in_title >= 2 else min(1.0, 0.5 * (in_title + in_body))
    if body and body.count("我") / max(len(body), 1) * 100 >= 1.0:
        score += 1
    if _TAG.match(title):
        score += 0.5
    reporting = len(set(m.group() for m in _NEWS.finditer(body[:2000])))
    score -= 1.5 * min(reporting, 3)
    return score


NOT_NEWS = 3.0            # a chatter score from which an article is left out
FORUM_SHARE = 0.5         # the share of a feed's entries scoring FORUM_ENTRY that makes it a forum
FORUM_ENTRY = 2.5


_HANDLE = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{2,30}")


def forum_feed(articles: list[Article], scores: list[float]) -> bool:
    """Whether a feed is a forum (judged on five entries or more): most of its entries read
    as posts, or its entries come from as many different user names (handles such as
    "lee2024", not a newsroom's few bylines) as there are entries and lean that way.
    ``scores``: each entry's :func:`chatter`."""
    if len(articles) < 5:
        return False
    if sum(s >= FORUM_ENTRY for s in scores) / len(scores) >= FORUM_SHARE:
        return True
    handles = {a.author for a in articles if a.author and _HANDLE.fullmatch(a.author)}
    return len(handles) >= 0.6 * len(articles) and sum(scores) / len(scores) >= 1.0


def news_only(articles: list[Article]) -> tuple[list[Article], str]:
    """The articles that are news, and what was left out (forum posts, job offers, ads;
    all of a feed that is a forum), in words for the record."""
    scores = [chatter(a) for a in articles]
    if forum_feed(articles, scores):
        return [], (f"not news: a forum, whose {len(articles)} entries are its users' posts "
                    "(questions, job offers, ads)")
    kept = [a for a, score in zip(articles, scores) if score < NOT_NEWS]
    dropped = len(articles) - len(kept)
    if not dropped:
        return kept, ""
    if not kept:
        return kept, "not news: reads as a forum post, a job offer or an ad"
    return kept, f"{dropped} left out as forum posts, job offers or ads"
