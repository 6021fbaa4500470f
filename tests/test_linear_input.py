"""Every page, Markdown and text file costs time linear in its size, whatever its shape.

Each shape is written as a real file of 256 KB and of 1 MB and read the way a build
reads it (reader, cleaner, duplicate signature); what is compared is the process CPU
time of the two. Linear work grows about 4 times from one to the other, quadratic work
about 16 times: the bound, 8, leaves room for noise and says nothing of the machine's
speed.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from digest.sources.readers import READERS
from digest.text.clean import clean
from digest.text.dedupe import article_signature

SENTENCE = "英伟达周三发布新一代数据中心芯片，性能较上一代提升约30%。"
PAGE = "<html><head><title>芯片</title></head><body><p>" + SENTENCE * 4 + "</p>"
SMALL, LARGE = 256 * 1024, 1024 * 1024
MAX_GROWTH = 8.0


def repeated(head: str, unit: str, tail: str = ""):
    """A shape: ``unit`` repeated to fill ``size`` bytes between ``head`` and ``tail``."""
    def make(size: int) -> str:
        count = max(1, (size - len(head.encode()) - len(tail.encode())) // len(unit.encode()))
        return head + unit * count + tail
    return make


def nested(size: int) -> str:
    depth = size // 11
    return "<html><body>" + "<div>" * depth + "<p>" + SENTENCE * 5 + "</p>" + "</div>" * depth


SHAPES = {
    "page-unclosed-script.html": repeated(PAGE, "<script>x"),
    "page-unclosed-style.html": repeated(PAGE, "<style>x"),
    "page-script-tag-without-end.html": repeated(PAGE, "<script "),
    "page-unclosed-comments.html": repeated(PAGE, "<!--x"),
    "page-many-less-than.html": repeated(PAGE, "<"),
    "page-long-attribute-run.html": repeated("<html><body><p ", 'a="b" ', ">" + SENTENCE + "</p>"),
    "page-deep-nesting.html": nested,
    "page-deep-tables.html": repeated(PAGE, "<table><tr><td>"),
    "page-wide-below-deep-nesting.html": repeated("<html><body>" + "<div>" * 150,
                                                  "<p>" + SENTENCE + "</p>"),
    "page-wrapped-lines.html": repeated("<html><body><p>", "一行没有句号的长文本内容二十个字以上的行啊<br>",
                                        "</p>"),
    "brackets.md": repeated("", "["),
    "images-without-end.md": repeated("", "!["),
    "links-without-end.md": repeated("", "[a]("),
    "links-with-open-quote.md": repeated("", '[a]("b '),
    "emphasis.md": repeated("", "*a* "),
    "escapes.md": repeated("", "\\* "),
    "tag-starts.md": repeated("", "<a"),
    "nested-quotes.md": repeated("", ">", " " + SENTENCE),
    "one-paragraph.md": repeated("", SENTENCE),
    "fence-lines.md": repeated("", "```\n"),
    "open-fence-then-links.md": repeated("~~~\n\n", "[a]("),
    "fenced-blocks-with-blank-lines.md": repeated("", "```\n" + "*a* [\n\n" * 50 + "```\n\n"),
    "table-rows.md": repeated("| a | b |\n|---|---|\n", "| [ | *a* <a |\n"),
    "less-than.txt": repeated(SENTENCE, "<"),
    "tags.txt": repeated(SENTENCE, "<a "),
    "ampersands.txt": repeated(SENTENCE, "&"),
    "spaced-characters.txt": repeated(SENTENCE, "中 "),
}


def cpu_to_read(path: Path) -> float:
    """CPU seconds to read ``path`` as a build does, or to refuse it (a page that turns out
    to hold no article is refused only once it has been read)."""
    from digest.errors import Unusable

    data = path.read_bytes()
    start = time.process_time()
    try:
        for raw in READERS[path.suffix](path, data, None):
            for article in clean(raw):
                article_signature(article.paragraphs)
    except Unusable:
        pass
    return time.process_time() - start


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_reading_a_hostile_shape_grows_linearly_with_its_size(name: str, tmp_path: Path):
    paths = []
    for size in (SMALL, LARGE):
        path = tmp_path / f"{size}-{name}"
        path.write_text(SHAPES[name](size), encoding="utf-8")
        paths.append(path)
    warm = tmp_path / f"warm-{name}"                # the reader's first use, not measured
    warm.write_text(SHAPES[name](4096), encoding="utf-8")
    cpu_to_read(warm)
    # the least of three reads: CPU time still grows when the other core's work crowds the
    # cache, and one crowded read must not stand for the reader's cost
    small, large = (min(cpu_to_read(path) for _ in range(3)) for path in paths)
    assert large / max(small, 0.05) < MAX_GROWTH, (name, small, large)


def test_a_long_ordinary_markdown_file_reads_as_in_one_piece():
    """Segments change nothing a reader sees in an ordinary file: links (references defined
    at the end), a fenced code block with blank lines, a long table, lists, quotes."""
    import markdown

    from digest.sources.html import html_to_text
    from digest.sources.mdtext import SEGMENT_CHARS, markdown_html

    paragraphs = [f"第{n}段：{SENTENCE}参见[报道{n}](https://example.cn/{n})与[来源][r{n % 3}]，"
                  f"**重点**是`code[{n}]`。" for n in range(40)]
    code = "```python\n" + "\n\n".join(f"x{n} = [{n}]" for n in range(60)) + "\n```"
    table = "| 公司 | 涨幅 |\n|---|---|\n" + "\n".join(f"| 公司{n} | {n}% |" for n in range(300))
    extras = ["> 引用一段话。\n> 第二行。", "- 一\n- 二\n  - 三", "1. 甲\n2. 乙"]
    references = "\n".join(f"[r{n}]: https://example.cn/ref{n}" for n in range(3))
    text = "# 标题\n\n" + "\n\n".join(paragraphs[:20] + [code] + paragraphs[20:] + [table]
                                       + extras) + "\n\n" + references + "\n"
    assert len(text) > 4 * SEGMENT_CHARS
    whole = html_to_text(markdown.markdown(text, extensions=["extra"]))[0]
    assert html_to_text(markdown_html(text))[0] == whole
