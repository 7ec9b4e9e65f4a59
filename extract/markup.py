"""Markup read through: what the rules see of a document's text, every offset kept."""

from __future__ import annotations

import re

# Markdown emphasis around one word or a figure with its magnitude: "**3.2** 万亿", "*11.2 trillion* tokens",
# "**Foo-7B**" (not "8*A100", nor a bullet, nor a key in bold, "**Parameters:** 7B", whose asterisks rules expect)
_EMPHASISED = r"(?:[^\s*:：]+|\d[\d.,]*\s+[A-Za-z万亿]+)"
# (each branch opens on the asterisk itself, so a search skips to the next one at C speed)
EMPHASIS = re.compile(rf"\*\*({_EMPHASISED})\*\*|\*(?<![\w*]\*)({_EMPHASISED})\*(?![\w*])")


def unemphasised(text: str) -> str:
    """The text with the asterisks of Markdown emphasis read as spaces: a figure in bold is read with the unit
    outside it ("**3.2** 万亿"), a name in bold after the verb that introduces it ("发布 **Foo-2**")."""
    return EMPHASIS.sub(lambda m: f"  {m.group(1)}  " if m.group(1) is not None else f" {m.group(2)} ", text)
