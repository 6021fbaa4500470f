"""Photo captions and credits among a page's blocks, told by their marks (▲, 图/…, 图为…,
… 某某 摄), not their place: the trim drops them from an article's body."""

from __future__ import annotations

import re

from ..text.pagerules import CAPTION, PHOTO_CREDIT
from ..text.script import fold_width
from .pageblocks import Block

# A caption in brackets that ends with its picture's credit: "(…车辆恢复正常行驶。图/晨报记者 王五)".
BRACKETED_CAPTION = re.compile(r"^[(（][^()（）]{4,200}[图圖](?:片)?\s*[/／:：][^()（）]{2,30}[)）]$")


# A caption that ends with its photographer's name: "…花生地里正录制视频 李四 摄".
CREDITED_CAPTION = re.compile(r"^[^。！？!?]+\s[\u4e00-\u9fff]{2,4}\s*(?:摄|攝)$")


# A caption that says what the picture shows: "图为马某在悉尼游玩时的近影。"
PICTURE_IS = re.compile(r"^(?:图为|圖為|图片为|圖片為|上图为|上圖為|下图为|下圖為"
                        r"|(?:图说|圖說|图片说明|圖片說明|图注|圖註)\s*[:：])")
# A label and a bare address: "完整影音 http://…", "原文链接：https://…".
ADDRESS_LINE = re.compile(r"^[^。！？!?\s]{0,8}\s*[:：]?\s*(?:https?://|www\.)\S+$", re.IGNORECASE)


def is_caption(folded: str) -> bool:
    """A photo caption, by its marks (▲, 图/…, 图为…, … 某某 摄), not its place."""
    return bool(CAPTION.search(folded) or BRACKETED_CAPTION.match(folded)
                or (len(folded) <= 80 and (CREDITED_CAPTION.search(folded) or PICTURE_IS.match(folded))))


def without_captions(blocks: list[Block]) -> list[Block]:
    """Drop photo captions: a credit line and the short caption above it, or a caption
    that carries its own credit ("▲…（圖／記者翻攝）")."""
    drop = set()
    for i, block in enumerate(blocks):
        folded = fold_width(block.text).strip()
        if len(folded) <= 40 and PHOTO_CREDIT.search(folded):
            drop.add(i)
            if i and len(blocks[i - 1].text) <= 90:
                drop.add(i - 1)
        elif is_caption(folded) or (i and ADDRESS_LINE.match(folded)):
            drop.add(i)
    return [b for i, b in enumerate(blocks) if i not in drop]
