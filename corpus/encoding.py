"""Bytes to text: a byte-order mark wins, then a declared charset (an HTTP header, an HTML meta tag), then
UTF-8, and only then a guess by charset-normalizer, which the caller is told about. Control characters
(NUL and the like, which some exports leave between digits) are removed before anything reads the text."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))  # UTF-32 LE starts like UTF-16 LE
# browsers read these labels as windows-1252 (WHATWG Encoding Standard); so do we
_AS_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
META_PRESCAN = 1024  # the HTML standard looks for the meta charset in the first 1024 bytes
# C0 controls but tab, newline and carriage return; DEL; C1 controls
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_LINE_LIKE = ("\x0b", "\x0c")  # vertical tab and form feed break lines


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # the codec used
    how: str  # bom, declared, utf-8 or guessed

    @property
    def warning(self) -> str:
        """Said to the user when the encoding was guessed rather than known."""
        return f"encoding not declared; read as {self.encoding} (guessed)" if self.how == "guessed" else ""


def decode(data: bytes, declared: str = "") -> Decoded:
    """Text from bytes, and how its encoding was known."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(codec, errors="replace"), codec, "bom")
    codec = _codec(declared)
    if codec:
        try:
            return Decoded(data.decode(codec), codec, "declared")
        except UnicodeDecodeError:
            pass  # the declaration is wrong: fall through to UTF-8 and the detector
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        return Decoded(data.decode("utf-8", errors="replace"), "utf-8", "guessed")
    return Decoded(str(best), best.encoding, "guessed")


def html_charset(data: bytes) -> str:
    """The charset an HTML page declares in a meta tag near its start ("" when none)."""
    m = _META_CHARSET.search(data[:META_PRESCAN])
    return m.group(1).decode("ascii").lower() if m else ""


def without_controls(text: str) -> str:
    # a replace per character, not str.translate, which looks every character of the text up in a dict
    for char in _LINE_LIKE:
        text = text.replace(char, "\n")
    return _CONTROLS.sub("", text)


def _codec(label: str) -> str:
    label = label.strip().strip("\"'").lower()
    if not label:
        return ""
    if label in _AS_WINDOWS_1252:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""
