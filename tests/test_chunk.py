"""Chunks are paragraph-aligned, within the token budget and the model's own limit."""
from index.chunk import ChunkSettings, chunk_readout, count_tokens, embedded_text, split_sentences
from index.load import load_paths
from index.types import Readout

from conftest import CORPUS


def test_split_sentences_keeps_abbreviations_and_text_verbatim():
    text = "Secretary of State Antony J. Blinken met the U.S. team. Both agreed.\n- one item\n- two"
    pieces = split_sentences(text)
    assert pieces == ["Secretary of State Antony J. Blinken met the U.S. team.", "Both agreed.", "- one item", "- two"]
    assert all(p in text for p in pieces)


def test_long_paragraph_splits_into_chunks_of_that_paragraph(embedder):
    sentence = "The leaders discussed cooperation on energy security, trade and climate in great detail. "
    readout = Readout("r1", "Readout of a Long Call", "2022-01-01", "test", "", ("Short one.", sentence * 40))
    settings = ChunkSettings(max_tokens=120)
    chunks = chunk_readout(readout, settings, lambda t: embedder.count_tokens(t) <= embedder.max_tokens)
    assert [c.paragraph for c in chunks][0] == 1
    long_parts = [c for c in chunks if c.paragraph == 2]
    assert len(long_parts) >= 5  # 40 sentences of ~15 tokens in chunks of at most 120
    assert [c.part for c in long_parts] == list(range(len(long_parts)))
    for c in long_parts:
        assert count_tokens(c.text) <= 120
        assert embedder.count_tokens(embedded_text(c, readout, settings)) <= embedder.max_tokens
    # Nothing dropped: every sentence of the paragraph is in some chunk.
    assert sum(c.text.count("The leaders") for c in long_parts) == 40


def test_every_corpus_chunk_fits_the_model_without_truncation(embedder):
    readouts = load_paths(sorted(CORPUS.glob("*.jsonl"))).readouts
    settings = ChunkSettings()
    fits = lambda t: embedder.count_tokens(t) <= embedder.max_tokens  # noqa: E731
    longest = 0
    for readout in readouts:
        chunks = chunk_readout(readout, settings, fits)
        assert {c.paragraph for c in chunks} == set(range(1, len(readout.paragraphs) + 1))
        for c in chunks:
            longest = max(longest, embedder.count_tokens(embedded_text(c, readout, settings)))
    assert longest <= embedder.max_tokens
