"""The analyst verbs: `readouts timeline`, `readouts language` and `readouts compare` (qa.timeline,
qa.language, qa.compare), printing text or, with --json, the CONTRACT.md shapes."""
from __future__ import annotations

import json
import textwrap

WIDTH = 100


def add_parser(sub) -> None:
    from .cli import add_index_options

    p = sub.add_parser("timeline", help="every readout of a participant, a pair or a country, in event-date order")
    _add_who(p)
    p.add_argument("--json", action="store_true", help='print {"entries": [...], "by_month": {...}}')
    add_index_options(p)
    p.set_defaults(run=run_timeline)

    p = sub.add_parser("language", help="phrases that recur, appear or disappear across a timeline, with citations")
    _add_who(p)
    p.add_argument("--limit", type=int, default=60, help="at most this many phrases (default %(default)s)")
    p.add_argument("--json", action="store_true", help="print the phrases as JSON")
    add_index_options(p)
    p.set_defaults(run=run_language)

    p = sub.add_parser("compare", help="two readouts side by side: what both say and what only one says")
    p.add_argument("left", help="readout id")
    p.add_argument("right", help="readout id (see `readouts show ID --json` for same_event)")
    p.add_argument("--json", action="store_true", help='print {"left", "right", "pairs": [...]}')
    add_index_options(p)
    p.set_defaults(run=run_compare)


def _add_who(p) -> None:
    p.add_argument("--participant", help="a participant (whole words: 'kuleba')")
    p.add_argument("--with", dest="with_", metavar="OTHER", help="only readouts where this participant takes part too")
    p.add_argument("--country", help="only readouts with a participant of this country")
    p.add_argument("--topic", help="only readouts that speak of this; each cited to the sentence that does")
    p.add_argument("--date-from", help="event date from, YYYY-MM-DD (inclusive)")
    p.add_argument("--date-to", help="event date to, YYYY-MM-DD (inclusive)")


def _wrapped(text: str, indent: int) -> str:
    return textwrap.fill(text, WIDTH, initial_indent=" " * indent, subsequent_indent=" " * indent)


def run_timeline(args) -> int:
    from qa.timeline import month_series, timeline

    from .cli import open_library

    result = timeline(open_library(args), args.participant, args.with_, args.country, args.topic,
                      args.date_from, args.date_to)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    for entry in result.entries:
        people = ", ".join(p.name for p in entry.participants)
        print(f"{entry.event_date}  {entry.kind:<9} {entry.title}")
        print(f"{'':12}{people} · {entry.readout_id} ¶{entry.paragraph}")
        print(_wrapped(f"“{entry.quote}”", 12))
    series = month_series(result.by_month)
    if series:
        print(f"\n{len(result.entries)} readouts, {sum(c for _, c in series)} contacts; contacts per month:")
        for month, count in series:
            print(f"  {month}  {'█' * count} {count if count else ''}".rstrip())
    else:
        print("No readouts match.")
    return 0


def run_language(args) -> int:
    from qa.language import language_over_time

    from .cli import open_library

    result = language_over_time(open_library(args), args.topic, args.participant, args.with_, args.country,
                                args.date_from, args.date_to, limit=args.limit)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    if not result.phrases:
        print(f"No phrase recurs across the {result.readouts} readout(s) read.")
        return 0
    print(f"{result.readouts} readouts from {result.date_from} to {result.date_to}"
          + (f" about “{result.topic}”" if result.topic else ""))
    status = None
    for phrase in result.phrases:
        if phrase.status != status:
            status = phrase.status
            print(f"\n{status}:")
        print(f"  “{phrase.text}” in {phrase.readouts} readouts, first {phrase.first.event_date} "
              f"({phrase.first.readout_id} ¶{phrase.first.paragraph}), last {phrase.last.event_date} "
              f"({phrase.last.readout_id} ¶{phrase.last.paragraph})")
    return 0


def run_compare(args) -> int:
    from qa.compare import compare

    from .cli import open_library

    result = compare(open_library(args), args.left, args.right)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
        return 0
    counts = result.counts()
    print(f"left:  {result.left}\nright: {result.right}\n"
          f"said by both: {counts['both']} · only left: {counts['left_only']} · only right: {counts['right_only']} "
          f"(similarity ≥ {result.threshold:.2f})\n")
    for pair in result.pairs:
        if pair.both:
            print(f"BOTH  {pair.similarity:.2f}")
            print(_wrapped(f"L ¶{pair.left.paragraph}: {pair.left.quote}", 6))
            print(_wrapped(f"R ¶{pair.right.paragraph}: {pair.right.quote}", 6))
        elif pair.left:
            print("LEFT only")
            print(_wrapped(f"L ¶{pair.left.paragraph}: {pair.left.quote}", 6))
        else:
            print("RIGHT only")
            print(_wrapped(f"R ¶{pair.right.paragraph}: {pair.right.quote}", 6))
    return 0
