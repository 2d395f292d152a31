"""The `readouts chat` verb: questions and follow-ups in the terminal, with line editing and a question
history (readline), and the conversation saved per index after each turn, so `chat -c` takes it up again."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
from pathlib import Path

from index.types import InputError

PROMPT = "readouts> "
LEAVE = {"exit", "quit", "/exit", "/quit"}
HISTORY_LINES = 1000


def add_parser(sub) -> None:
    from .cli import add_filter_options, add_index_options, add_llm_options

    p = sub.add_parser("chat", help="ask questions and follow-ups in the terminal",
                       description="Ask questions and follow-ups; /help inside lists the keys and commands.")
    p.add_argument("-c", "--continue", dest="continue_conversation", action="store_true",
                   help="take up this index's last conversation (saved after each turn under "
                        "$XDG_STATE_HOME/readouts, else ~/.local/state/readouts)")
    p.add_argument("-k", type=int, default=5, help="how many passages (default %(default)s)")
    add_filter_options(p)
    add_index_options(p)
    add_llm_options(p)
    p.set_defaults(run=run)


def state_dir() -> Path:
    """$XDG_STATE_HOME/readouts, else ~/.local/state/readouts: what a user would miss if it went (not a cache)."""
    base = os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state"
    return Path(base).expanduser() / "readouts"


def conversation_path(index: str) -> Path:
    """One saved conversation per index folder, named after it so a user can find it."""
    folder = Path(index).expanduser().resolve()
    digest = hashlib.sha256(str(folder).encode()).hexdigest()[:12]
    return state_dir() / "conversations" / f"{folder.name}-{digest}.json"


def load_conversation(path: Path) -> list[dict]:
    """The turns saved at path, oldest first; none when nothing was saved yet."""
    try:
        turns = json.loads(path.read_text(encoding="utf-8"))["turns"]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(f"cannot continue the conversation saved in {path}: {error}") from None
    if not isinstance(turns, list) or not all(isinstance(t, dict) and isinstance(t.get("question"), str) for t in turns):
        raise InputError(f"cannot continue the conversation saved in {path}: turns are not {{question, cited}}")
    return turns


def save_conversation(path: Path, index: str, turns: list[dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed: a chat killed mid-write keeps the previous turns; the pid keeps two chats
    # on one index from writing the same temporary file.
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    temporary.write_text(json.dumps({"index": str(Path(index).expanduser().resolve()), "turns": turns},
                                    ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(temporary, path)


def start_line_editing(history: Path):
    """readline with the saved question history, or None where there is no terminal or no readline."""
    if not sys.stdin.isatty():
        return None  # piped questions: input() would not use readline anyway
    try:
        import readline
    except ImportError:  # Windows without a readline port: plain input() still works
        return None
    readline.set_history_length(HISTORY_LINES)
    try:
        readline.read_history_file(history)
        if readline.get_current_history_length() >= HISTORY_LINES:
            readline.write_history_file(history)  # keeps the newest HISTORY_LINES: the file stops growing
    except OSError:  # the first chat on this machine, or an unreadable file: start with none
        pass
    return readline


def shorten(text: str, room: int) -> str:
    """text cut in the middle to at most room characters: an id keeps its date and the end of its title."""
    if len(text) <= room:
        return text
    start = (room - 1) * 2 // 3
    return text[:start] + "…" + text[len(text) - (room - 1 - start):]


def source_line(label: str, readout_id: str, paragraph: int, date: str, text: str, width: int) -> str:
    """label id ¶p date — "text…" on one line of at most width characters.

    White House ids run to 120 characters and would leave no room for the quote, so an id gives up its
    middle until the quote has a quarter of the line: enough to recognise, since the answer above holds
    the sentence. The full ids are in --json and in the saved conversation.
    """
    text = " ".join(text.split())
    tail = f" ¶{paragraph} {date} — "
    quote_room = min(len(text) + 2, max(20, width // 4))
    head = f"{label}{shorten(readout_id, max(12, width - len(label) - len(tail) - quote_room))}{tail}"
    line = f'{head}"{text}"'
    if len(line) <= width:
        return line
    if width - len(head) < 8:  # a terminal too narrow for any quote: cut the line itself
        return line[:width - 1] + "…"
    return f'{head}"{text[:width - len(head) - 3].rstrip()}…"'


def print_answer(answer, width: int) -> None:
    """The answer, then one line per citation: [n] id ¶p date — "quote…", fitted to the terminal."""
    print(answer.text)
    if answer.notice:
        print(f"({answer.notice})")
    for c in answer.citations:
        print(source_line(f"[{c.n}] ", c.readout_id, c.paragraph, c.date, c.quote, width))
    if answer.refused and answer.hits:
        print("Nearest passages:")
        for hit in answer.hits[:3]:
            print(source_line("  ", hit.readout_id, hit.paragraph, hit.date, hit.text, width))


def help_text(editing, history: Path, saved: Path) -> str:
    keys = ("Keys: ← → move in the line, Ctrl-A / Ctrl-E its start / end, Ctrl-U clears it; ↑ ↓ earlier\n"
            f"questions, Ctrl-R searches them (kept in {history}). Ctrl-C drops the line or stops an answer."
            if editing else "Line editing and history are off here (no terminal or no readline).")
    return ("Ask a question; a follow-up (\"did they discuss Iran?\") leans on the turns before it.\n"
            "  /help        this text\n"
            "  /clear       start a new conversation\n"
            "  exit, quit   leave (Ctrl-D on an empty line too)\n"
            f"{keys}\nThe conversation is saved after each turn in {saved}; `readouts chat -c` takes it up again.")


def run(args) -> int:
    from qa import ask

    from .cli import filters_from, make_answerer, open_library

    library = open_library(args)
    answerer = make_answerer(args)
    saved = conversation_path(args.index)
    turns = load_conversation(saved) if args.continue_conversation else []
    history = state_dir() / "history"
    editing = start_line_editing(history)
    stats = library.stats()
    print(f"Readouts QA — {stats['readouts']} readouts, {stats['paragraphs']} paragraphs. "
          "/help for keys and commands; exit or Ctrl-D leaves.")
    if args.continue_conversation:
        print(f"(continuing {len(turns)} earlier turns; the last: {turns[-1]['question']})" if turns
              else f"(no saved conversation for {args.index}: starting a new one)")
    while True:
        try:
            line = input(PROMPT).strip()
        except EOFError:
            print()
            break
        except KeyboardInterrupt:  # as in a shell: Ctrl-C drops the line being typed, Ctrl-D leaves
            print()
            continue
        if editing is not None and line:
            # Appended line by line: a closed terminal keeps what was typed, and two chats at once both keep theirs.
            history.parent.mkdir(parents=True, exist_ok=True)
            history.touch()
            editing.append_history_file(1, history)
        if not line:
            continue
        if line.lower() in LEAVE:
            break
        if line == "/help":
            print(help_text(editing, history, saved))
            continue
        if line == "/clear":
            turns = []
            save_conversation(saved, args.index, turns)
            print("(new conversation)")
            continue
        if line.startswith("/"):
            print(f"unknown command {line.split()[0]}; /help lists them")
            continue
        earlier = [{"question": t["question"], "cited": t.get("cited", [])} for t in turns]
        try:
            answer = ask(library, line, filters_from(args), earlier, args.k, answerer)
        except InputError as error:
            print(f"error: {error}")
            continue
        except KeyboardInterrupt:
            print("(stopped)")
            continue
        print_answer(answer, shutil.get_terminal_size().columns)
        turns.append({"question": line, "cited": sorted({c.readout_id for c in answer.citations}),
                      "answer": answer.text})
        save_conversation(saved, args.index, turns)
    if turns:
        print(f"(conversation saved in {saved}; `readouts chat -c` takes it up again)")
    return 0
