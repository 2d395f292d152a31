"""Optional answerer: an OpenAI-compatible chat model writes the answer from numbered paragraphs;
its [n] markers are checked against the paragraphs it was given, and any failure of the model
(unreachable, slow, an error) gives the extractive answer with a one-line notice instead."""
from __future__ import annotations

import os
import queue
import re
import threading
import time
from dataclasses import replace
from typing import Iterator, Sequence

from index.chunk import count_tokens, split_sentences
from index.query import lexical_terms
from index.search import Scored
from index.types import Hit, Turn

from . import extract
from .types import Answer, Citation, cite

NOT_COVERED = "NOT COVERED"
UNSUPPORTED = "[unsupported]"
GROUP = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")  # with the space before it, dropped with it
CITED = re.compile(r"\[\d+\]")
# Markers written after the full stop ("... Taiwan. [2]") belong to the sentence before it.
TRAILING = re.compile(r"([.!?])((?:\s*\[\d+(?:\s*,\s*\d+)*\])+)")

SYSTEM = (
    "You answer questions about diplomatic readouts using only the numbered paragraphs given. "
    "Write a short answer of one to four sentences. End every sentence with the number of the paragraph "
    "that supports it in square brackets, like [2]; cite only numbers that were given. "
    f"If the paragraphs do not answer the question, reply exactly: {NOT_COVERED}"
)


class LLMAnswerer:
    """A callable answerer `(question, scored, turns) -> Answer` backed by a chat-completions API."""

    def __init__(self, base_url: str, model: str, api_key: str | None = None, timeout: float = 30.0,
                 context_tokens: int = 3000, answer_tokens: int = 400):
        from openai import OpenAI

        self.base_url = base_url
        self.model = model
        self.timeout = float(timeout)
        self.context_tokens = context_tokens
        self.answer_tokens = answer_tokens
        # Local servers take any key; the client insists on one.
        self.client = OpenAI(base_url=base_url, api_key=api_key or os.environ.get("OPENAI_API_KEY") or "unused",
                             timeout=self.timeout, max_retries=0)

    def __call__(self, question: str, scored: Sequence[Scored], turns: tuple[Turn, ...] = ()) -> Answer:
        """The verified answer from one non-streamed request."""
        return _last(self._run(question, scored, turns, stream=False))

    def stream(self, question: str, scored: Sequence[Scored], turns: tuple[Turn, ...] = ()) -> Iterator[str | Answer]:
        """Text pieces as the model writes them, then the verified Answer (or the fallback) last."""
        return self._run(question, scored, turns, stream=True)

    # --- the exchange ---------------------------------------------------------------------
    def messages(self, question: str, scored: Sequence[Scored], turns: tuple[Turn, ...]) -> tuple[list[Hit], list[dict]]:
        """The paragraphs given (in rank order, as many as the token budget takes) and the chat messages."""
        given, blocks, used = [], [], count_tokens(SYSTEM) + count_tokens(question)
        for s in scored:
            block = f"[{len(given) + 1}] {s.hit.title} ({s.hit.date or 'undated'}), paragraph {s.hit.paragraph}:\n{s.hit.text}"
            cost = count_tokens(block)
            if given and used + cost > self.context_tokens:
                break
            given.append(s.hit)
            blocks.append(block)
            used += cost
        earlier = "".join(f"- {t.question}\n" for t in turns[-4:])
        user = (f"Earlier questions in this conversation:\n{earlier}\n" if earlier else "") + \
            "Paragraphs:\n\n" + "\n\n".join(blocks) + f"\n\nQuestion: {question}"
        return given, [{"role": "system", "content": SYSTEM}, {"role": "user", "content": user}]

    def _run(self, question: str, scored: Sequence[Scored], turns: tuple[Turn, ...], stream: bool) -> Iterator[str | Answer]:
        scored = list(scored)
        if extract.refusal_reason(question, scored, turns, extract.Calibration()):
            # Retrieval found nothing relevant: the calibrated refusal, without asking the model.
            yield extract.answer(question, scored, turns)
            return
        given, messages = self.messages(question, scored, turns)
        events: queue.Queue = queue.Queue()
        cancelled = threading.Event()
        threading.Thread(target=self._request, args=(messages, stream, events, cancelled), daemon=True).start()
        # The worker may block in a read; the deadline here is what bounds the user's wait.
        deadline = time.monotonic() + self.timeout
        pieces: list[str] = []
        while True:
            try:
                kind, value = events.get(timeout=max(deadline - time.monotonic(), 0.0))
            except queue.Empty:
                cancelled.set()
                yield fallback(question, scored, turns, f"The language model did not answer within {self.timeout:g} s")
                return
            if kind == "text":
                pieces.append(value)
                yield value
            elif kind == "error":
                yield fallback(question, scored, turns, describe(value, self.base_url, self.timeout))
                return
            else:
                break
        yield verify(question, "".join(pieces), given, scored, turns)

    def _request(self, messages: list[dict], stream: bool, events: queue.Queue, cancelled: threading.Event) -> None:
        try:
            response = self.client.chat.completions.create(model=self.model, messages=messages, stream=stream,
                                                           temperature=0, max_tokens=self.answer_tokens)
            if not stream:
                events.put(("text", response.choices[0].message.content or "") if response.choices else ("text", ""))
            else:
                with response:
                    for chunk in response:
                        if cancelled.is_set():
                            return
                        piece = chunk.choices[0].delta.content if chunk.choices else None
                        if piece:
                            events.put(("text", piece))
            events.put(("done", None))
        except Exception as error:  # any failure of the model becomes the extractive answer
            events.put(("error", error))


def describe(error: Exception, base_url: str, timeout: float | None = None) -> str:
    """One line saying what went wrong with the model, for the notice."""
    import openai

    if isinstance(error, openai.APITimeoutError):
        # The client's own timeout can fire a moment before the answerer's deadline: the same notice either way.
        return f"The language model did not answer within {timeout:g} s" if timeout else "The language model timed out"
    if isinstance(error, openai.APIConnectionError):
        return f"The language model at {base_url} could not be reached"
    if isinstance(error, openai.APIStatusError):
        return f"The language model returned an error (HTTP {error.status_code})"
    return f"The language model failed ({type(error).__name__})"


def fallback(question: str, scored, turns, reason: str) -> Answer:
    """The extractive answer, its notice led by why the model's answer is not shown."""
    answer = extract.answer(question, list(scored), turns)
    return replace(answer, notice=f"{reason}; showing the extractive answer. {answer.notice}".strip())


def verify(question: str, text: str, given: Sequence[Hit], scored: Sequence[Scored], turns: tuple[Turn, ...] = ()) -> Answer:
    """Turn the model's text into an Answer whose every [n] is a verified citation of a given paragraph."""
    hits = tuple(s.hit for s in scored)
    text = text.strip()
    if text.upper().rstrip(".").startswith(NOT_COVERED):
        return Answer(question, extract.REFUSAL, (), hits, True,
                      notice="Nothing was cited: the language model found no answer in the passages.")
    if not text:
        return fallback(question, scored, turns, "The language model returned an empty answer")
    text = TRAILING.sub(lambda m: m.group(2) + m.group(1), text)
    citations: dict[tuple[int, str], Citation] = {}
    dropped: list[int] = []
    unsupported = 0
    out, position = [], 0
    for sentence in split_sentences(text):
        start = text.find(sentence, position)
        out.append(text[position:start])
        position = start + len(sentence)
        plain = GROUP.sub("", sentence)

        def renumber(match: re.Match) -> str:
            numbers = []
            for number in (int(x) for x in re.findall(r"\d+", match.group(1))):
                if not 1 <= number <= len(given):
                    dropped.append(number)
                    continue
                hit = given[number - 1]
                key = (number, best_quote(plain, hit.text))
                if key not in citations:
                    citations[key] = cite(len(citations) + 1, hit, key[1])
                numbers.append(citations[key].n)
            return "".join(f" [{n}]" for n in dict.fromkeys(numbers))

        checked = GROUP.sub(renumber, sentence)
        if not CITED.search(checked) and re.search(r"[A-Za-z]{2}", checked):
            checked += " " + UNSUPPORTED
            unsupported += 1
        out.append(checked)
    out.append(text[position:])
    if not citations:
        return fallback(question, scored, turns, "The language model cited none of the passages")
    notes = []
    if dropped:
        notes.append(f"removed citation(s) to passages not given: {', '.join(f'[{n}]' for n in dict.fromkeys(dropped))}")
    if unsupported:
        notes.append(f"{unsupported} sentence(s) have no valid citation and are marked unsupported")
    notice = ("Checked: " + "; ".join(notes) + ".") if notes else ""
    return Answer(question, "".join(out).strip(), tuple(citations.values()), hits, False, notice=notice)


def best_quote(sentence: str, paragraph: str) -> str:
    """The paragraph's sentence sharing the most words with the answer sentence, or the whole paragraph."""
    wanted = {extract.stem(w) for w in lexical_terms(sentence)}
    best, best_overlap = paragraph, 0
    for candidate in split_sentences(paragraph):
        overlap = len(wanted & {extract.stem(w) for w in lexical_terms(candidate)})
        if overlap > best_overlap and candidate in paragraph:
            best, best_overlap = candidate, overlap
    return best


def _last(events: Iterator[str | Answer]) -> Answer:
    answer = None
    for event in events:
        answer = event
    assert isinstance(answer, Answer)
    return answer
