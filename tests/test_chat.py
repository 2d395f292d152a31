"""`readouts chat` in a real terminal (pexpect): line editing, follow-ups, /help, leaving, the question
history kept between chats, and `chat -c` taking up the saved conversation."""
from __future__ import annotations

import json
import os
import re
import sys
from pathlib import Path

import pexpect

from conftest import REPO

READOUTS_BIN = str(Path(sys.executable).with_name("readouts"))
PROMPT = "readouts> "
WIDTH = 100
XI = "wh-2021-11-16-readout-of-president-bidens-virtual-meeting-with-president-xi-jinping-of-the-peoples-republic-of-china"
FIRST = "What did President Biden and President Xi discuss in their virtual meeting in November 2021?"
CLIMATE = "Did they talk about the climate crisis?"
# XI ¶4, the sentence only the conversation finds (asked alone, the question gets the climate task force).
CLIMATE_ANSWER = "existential nature of the climate crisis"
ESCAPES = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b[=>]")
CITATION = re.compile(r'^\[\d+\] \S+ ¶\d+ \d{4}-\d{2}-\d{2} — ".*"$')


def spawn(index: Path, state: Path, *args: str) -> pexpect.spawn:
    env = dict(os.environ, XDG_STATE_HOME=str(state), TERM="xterm")
    child = pexpect.spawn(READOUTS_BIN, ["chat", "--index", str(index), *args], env=env, encoding="utf-8",
                          dimensions=(24, WIDTH), timeout=180, cwd=str(REPO))
    child.expect_exact(PROMPT)
    return child


def shown(child: pexpect.spawn) -> list[str]:
    """The lines printed before the prompt just matched, without the echoed input line or terminal codes."""
    return [ESCAPES.sub("", line) for line in child.before.replace("\r", "").split("\n")[1:]]


def turn(child: pexpect.spawn, line: str) -> list[str]:
    child.send(line + "\r")
    child.expect_exact(PROMPT)
    return shown(child)


def check_citations(lines: list[str]) -> list[str]:
    cited = [line for line in lines if line.startswith("[")]
    assert cited, lines
    for line in cited:
        assert CITATION.match(line) and len(line) <= WIDTH, line
    return cited


def leave(child: pexpect.spawn) -> None:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def saved_turns(state: Path) -> list[dict]:
    files = list((state / "readouts" / "conversations").glob("*.json"))
    assert len(files) == 1, files
    return json.loads(files[0].read_text(encoding="utf-8"))["turns"]


def test_chat_follow_ups_help_history_and_continue(corpus_index, tmp_path):
    state = tmp_path / "state"
    child = spawn(corpus_index, state)
    # Typed without its first word, which Ctrl-A (readline: start of line) then puts in front.
    child.send(FIRST.removeprefix("What "))
    child.sendcontrol("a")
    child.send("What \r")
    child.expect_exact(PROMPT)
    check_citations(shown(child))
    follow_up = turn(child, "Did he raise human rights?")
    assert any("Xinjiang" in line for line in follow_up), follow_up
    check_citations(follow_up)
    help_lines = "\n".join(turn(child, "/help"))
    assert "exit, quit" in help_lines and "Ctrl-D" in help_lines and "chat -c" in help_lines
    where = re.search(r"saved after each turn in (\S+);", help_lines).group(1)
    assert Path(where).parent == state / "readouts" / "conversations"
    child.send("exit\r")
    leave(child)
    turns = saved_turns(state)
    assert [t["question"] for t in turns] == [FIRST, "Did he raise human rights?"]
    assert XI in turns[0]["cited"] and turns[1]["cited"] == [XI]
    assert FIRST in (state / "readouts" / "history").read_text(encoding="utf-8").splitlines()

    # -c: the follow-up is answered from the saved turns (the Biden-Xi meeting), then Ctrl-D leaves.
    child = spawn(corpus_index, state, "-c")
    assert "continuing 2 earlier turns" in child.before
    answer = turn(child, CLIMATE)
    assert any(CLIMATE_ANSWER in line for line in answer), answer
    assert any(" ¶4 2021-11-16 — " in line for line in check_citations(answer))
    child.sendcontrol("d")
    leave(child)
    assert [t["question"] for t in saved_turns(state)][-1] == CLIMATE and len(saved_turns(state)) == 3

    # A new chat: Ctrl-P recalls the last question from the history file; without the earlier turns it
    # is answered from elsewhere, so the -c answer above came from the conversation.
    child = spawn(corpus_index, state)
    child.sendcontrol("p")
    child.send("\r")
    child.expect_exact(PROMPT)
    alone = shown(child)
    check_citations(alone)
    assert not any(CLIMATE_ANSWER in line for line in alone), alone
    child.send("quit\r")
    leave(child)
    assert [t["question"] for t in saved_turns(state)] == [CLIMATE]
