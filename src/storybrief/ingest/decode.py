"""Bytes to text: BOMs, UTF-8, then cp1252, then latin-1; binary data is refused.

Never raises anything but ``IngestError``: whatever the bytes, the caller gets
text or a reason.
"""

from __future__ import annotations

import codecs

from storybrief.errors import IngestError
from storybrief.model import FailureReason

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Share of control characters (other than tab, newline, carriage return, form
# feed) above which decoded data is taken for binary. Real articles have none;
# 64 KB of random bytes decoded as latin-1 has about 13%. 1% leaves room for a
# stray control character or two in legacy text.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; return ``(text, encoding)``.

    Raises:
        IngestError: ``empty`` for no bytes, ``binary`` for data that is not text.
    """
    if not data:
        raise IngestError(FailureReason.EMPTY, "the file is empty (0 bytes)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), encoding), encoding
            except UnicodeDecodeError as exc:
                raise IngestError(
                    FailureReason.BINARY, f"starts with a {encoding} byte-order mark but {exc}"
                ) from None
    if b"\x00" in data:
        raise IngestError(
            FailureReason.BINARY, "contains NUL bytes: binary data, or UTF-16 without a BOM"
        )
    for encoding in ("utf-8", "cp1252"):
        try:
            return _checked(data.decode(encoding), encoding), encoding
        except UnicodeDecodeError:
            continue
    return _checked(data.decode("latin-1"), "latin-1"), "latin-1"


def _checked(text: str, encoding: str) -> str:
    if text:
        controls = sum(1 for ch in text if ch < " " and ch not in _ALLOWED_CONTROLS)
        if controls / len(text) > _MAX_CONTROL_SHARE:
            raise IngestError(
                FailureReason.BINARY,
                f"decodes as {encoding} but {controls} of {len(text)} characters are "
                "control characters: this is not text",
            )
    return text
