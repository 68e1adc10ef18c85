from __future__ import annotations

import codecs
import random

import pytest

from storybrief.errors import IngestError
from storybrief.ingest.decode import decode_bytes
from storybrief.model import FailureReason

TEXT = "The minister’s “final offer” was rejected — café owners said so."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_reads_supported_encodings(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data)
    assert text == TEXT
    assert used == encoding


def test_decode_falls_back_to_latin1_for_bytes_cp1252_lacks() -> None:
    # 0x81 is undefined in cp1252, so only latin-1 can read this.
    text, used = decode_bytes("Zürich".encode("latin-1") + b"\x81")
    assert used == "latin-1"
    assert text.startswith("Zürich")


def test_decode_refuses_empty_input() -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(b"")
    assert info.value.reason is FailureReason.EMPTY


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_decode_refuses_random_bytes_as_binary(seed: int) -> None:
    data = random.Random(seed).randbytes(64 * 1024)
    with pytest.raises(IngestError) as info:
        decode_bytes(data)
    assert info.value.reason is FailureReason.BINARY


def test_decode_refuses_control_characters_without_nul() -> None:
    data = bytes(range(1, 9)) * 200 + b"some words"
    with pytest.raises(IngestError) as info:
        decode_bytes(data)
    assert info.value.reason is FailureReason.BINARY
