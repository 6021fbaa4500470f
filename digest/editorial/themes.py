"""Themes: the configured focus first, clustered themes for what fits none, and a closing section.

Articles on the same story (:mod:`digest.editorial.stories`) are one story, shown
once at its best report (:mod:`digest.editorial.ranking`). A story joins the
configured theme it is about (:mod:`digest.editorial.focus`). The stories no
configured theme takes are grouped by :mod:`digest.editorial.clustering`; a group
becomes a theme only when it has a subject to head it (:mod:`digest.editorial.labels`)
and enough stories, and everything else goes to the closing section "其他 · Also
this week" (or, with ``digest.focus = "strict"``, leaves the digest). Configured
themes come first, by importance, then clustered ones, then the closing section.
Overviews (:mod:`digest.editorial.overviews`) are chosen once repeats are gone
(:mod:`digest.editorial.repeats`).
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

import numpy as np

from .bags import Bags, bags_of
from ..config import ThemeSpec
from ..models import Document, Item, Theme
from .clustering import cluster_documents
from .focus import best_theme, theme_scores
from .labels import label
from .ranking import Ranked, outlet, rank_story, story_order, theme_importance
from .stories import related_groups
from ..store.memory import give_back

MIN_CLUSTER = 3           # stories at least in a clustered theme
TOP_STORIES = 5
OTHER = ("other", "其他", "Also this week")


@dataclass(frozen=True)
class Placement:
    """How the digest is arranged: its themes in order and its top stories' article ids."""
    themes: tuple[Theme, ...]
    top: tuple[str, ...]
    left_out: tuple[str, ...] = ()   # with strict focus: the articles outside the digest's focus


def group(docs: list[Document], items: list[Item], specs: tuple[ThemeSpec, ...],
          bags: Bags | None = None, scores: list | None = None, *, start: date | None = None,
          max_age_days: int = 30, strict: bool = False) -> Placement:
    """Place every item in exactly one theme (how many each edition shows is the renderer's
    call), or, when ``strict``, leave out what the configured themes do not take. The themes
    come without overviews: those are chosen once repeats are gone. ``bags`` (the
    documents' counted words) and ``scores`` (their focus :func:`theme_scores`) are given
    when already worked out; ``start`` is the first day of the digest's period."""
    bags = bags_of(docs) if bags is None else bags
    if scores is None:
        scores = [theme_scores(doc, specs) for doc in docs] if specs else [[] for _ in docs]
    start = start or date.today()
    groups = related_groups(docs, bags=bags)
    give_back()             # what finding them freed, before the clustering's arrays are made
    related_of: dict[int, tuple[str, ...]] = {}
    for members in groups:
        for i in members:
            related_of[i] = tuple(sorted(docs[j].article.id for j in members if j != i))
    items = [dataclasses.replace(it, related=related_of.get(i, ())) if i in related_of or it.related else it
             for i, it in enumerate(items)]
    placed: dict[int, list[Ranked]] = defaultdict(list)
    leftovers: list[list[int]] = []
    for members in groups:
        totals = list(np.sum([scores[i] for i in members], axis=0)) if specs else []
        chosen = best_theme(totals)
        if chosen is None:
            leftovers.append(members)
            continue
        placed[chosen].append(rank_story([items[i] for i in members], start, max_age_days,
                                         totals[chosen]))
    themes: list[tuple[Theme, list[Ranked]]] = []
    for number, spec in enumerate(specs):
        if placed.get(number):
            themes.append(_theme(spec.key, spec.zh, spec.en, placed[number], "configured"))
    themes.sort(key=lambda pair: (-pair[0].weight, pair[0].key))
    focused = [story for _, stories in themes for story in stories]
    rest: list[Ranked] = []
    if not strict:
        clustered, rest = _clusters(docs, leftovers, items, bags, start, max_age_days)
        themes += clustered
    if rest:
        themes.append(_theme(*OTHER, rest, "other"))
    every = [s for _, stories in themes for s in stories]
    top = _top(focused or every, len(every))
    left_out = tuple(sorted(docs[i].article.id for m in leftovers for i in m)) if strict else ()
    return Placement(tuple(t for t, _ in themes), top, left_out)


def _top(stories: list[Ranked], total: int) -> tuple[str, ...]:
    """The top stories: the most important of the period's news, at most TOP_STORIES;
    none in a digest too small to need them (under three times as many stories)."""
    if total < 3 * TOP_STORIES:
        return ()
    ordered = story_order(stories)
    fresh = [s for s in ordered if not s.old]
    # A digest of older articles only (an archive read late) still gets its leading stories.
    chosen = fresh if len(fresh) >= 3 else ordered
    return tuple(s.items[0].article.id for s in chosen[:TOP_STORIES])


def _clusters(docs: list[Document], leftovers: list[list[int]], items: list[Item], bags: Bags,
              start: date, max_age_days: int) -> tuple[list[tuple[Theme, list[Ranked]]], list[Ranked]]:
    """Themes for groups of leftover stories that share a subject; the stories of the
    other groups, and those of a group that do not use its heading's words (both of two,
    two of three), for the closing section."""
    def ranked(members: list[int]) -> Ranked:
        return rank_story([items[i] for i in members], start, max_age_days)

    if len(leftovers) < 2 * MIN_CLUSTER:
        return [], [ranked(m) for m in leftovers]
    firsts = [members[0] for members in leftovers]
    labels = cluster_documents([docs[i] for i in firsts], None, max_k=_most_groups(len(leftovers)),
                               bags=bags.subset(firsts))
    by_label: dict[int, list[int]] = defaultdict(list)        # leftover stories by cluster
    for number, cluster in enumerate(labels):
        by_label[int(cluster)].append(number)
    # the words each story uses (any of its reports), and in how many stories each word is
    used = [np.unique(np.concatenate([bags.ids[i] for i in m])) if len(m) > 1 else bags.ids[m[0]]
            for m in leftovers]
    width = len(bags.terms)
    overall = np.bincount(np.concatenate(used), minlength=width)
    taken: set[str] = set()
    themes, rest = [], []
    groups = sorted(by_label.values(),
                    key=lambda g: (-len(g), min(docs[leftovers[s][0]].article.id for s in g)))
    for group_stories in groups:
        heading = None
        if len(group_stories) >= MIN_CLUSTER:
            counts = np.bincount(np.concatenate([used[s] for s in group_stories]), minlength=width)
            texts = [text for s in group_stories for i in leftovers[s]
                     for text in (items[i].article.title, *(x.text for x in items[i].summary.sentences))]
            heading = label(counts, len(group_stories), overall, len(leftovers), bags.terms, taken,
                            texts, _outlet_counter([leftovers[s] for s in group_stories],
                                                   [used[s] for s in group_stories], items))
        members = group_stories
        if heading is not None:
            ids = np.flatnonzero(np.isin(np.asarray(bags.terms, dtype=object), heading[0]))
            members = heading_members(group_stories, used, ids)
            if len(members) < MIN_CLUSTER:
                taken.difference_update(w.lower() for w in heading[0])
                members, heading = group_stories, None
        if heading is None:
            rest += [ranked(leftovers[s]) for s in group_stories]
            continue
        rest += [ranked(leftovers[s]) for s in group_stories if s not in members]
        themes.append(_theme("more", heading[1], heading[2], [ranked(leftovers[s]) for s in members],
                             "cluster"))
    themes.sort(key=lambda pair: (-pair[0].weight, pair[0].name_zh))
    return [(dataclasses.replace(theme, key=f"more-{number}"), stories)
            for number, (theme, stories) in enumerate(themes, start=1)], rest


def heading_members(stories: list[int], used: list[np.ndarray], heading: np.ndarray) -> list[int]:
    """The ``stories`` (each using the term ids ``used[s]``) that use the ``heading``'s
    words: both of two, two of three. A story that shares one word of two (美国 of
    美国、中国) is not about what the heading says."""
    need = len(heading) - 1 if len(heading) > 2 else len(heading)
    return [s for s in stories if np.isin(used[s], heading).sum() >= need]


def _outlet_counter(stories: list[list[int]], used: list[np.ndarray], items: list[Item]):
    """How many outlets (a publisher, else a link's site, else a file) use a term among
    ``stories`` (each its reports' indices; ``used``, each one's term ids); None when
    the stories all come from one outlet, where the count would rule out every word."""
    outlets = [{outlet(items[i]) for i in members} for members in stories]
    if len(set().union(*outlets)) < 2:
        return None                     # one outlet's group: no word is only "its" word

    def count(term: int) -> int:
        return len(set().union(*(o for o, ids in zip(outlets, used) if (ids == term).any())))
    return count


def _most_groups(stories: int) -> int:
    """How many groups the leftover stories may be split into at most: about one for
    every eight stories, from two to twenty."""
    return max(2, min(20, stories // 8))


def _theme(key: str, zh: str, en: str, stories: list[Ranked], kind: str) -> tuple[Theme, list[Ranked]]:
    """A theme of ``stories``, most important first, each story's reports together."""
    ordered = story_order(stories)
    items = tuple(item for story in ordered for item in story.items)
    return Theme(key, zh, en, items, "", theme_importance(ordered), kind=kind), ordered
