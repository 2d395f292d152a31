"""The MCP tools' parameter and result types: CONTRACT.md's shapes as pydantic models.

Parameters are typed so that an MCP client can show and check them before it calls (the input
schema a tool lists); results are the contract's JSON, declared as output schemas. Result models
allow extra fields because the contract grows by adding fields ("Readout metadata (additive)"):
a newer field must not make a tool fail its own output check.
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

DATE = r"^\d{4}-\d{2}-\d{2}$"


class Filters(BaseModel):
    """CONTRACT.md "Filters": every key optional, dates inclusive."""

    model_config = ConfigDict(extra="forbid")

    date_from: str | None = Field(None, pattern=DATE, description="only readouts published on or after this day, YYYY-MM-DD")
    date_to: str | None = Field(None, pattern=DATE, description="only readouts published on or before this day, YYYY-MM-DD")
    source: str | None = Field(None, description="case-insensitive part of the publisher's name: 'state' or 'white house'")
    readout: str | None = Field(None, description="only this readout id (from an earlier result)")
    participant: str | None = Field(None, description="only readouts with this participant, whole words: 'kuleba'")
    country: str | None = Field(None, description="only readouts with a participant of this country: 'Ukraine'")
    kind: Literal["call", "meeting", "visit", "statement", "other"] | None = Field(None, description="only this kind of contact")


class Turn(BaseModel):
    """CONTRACT.md "History": an earlier question and the readouts its answer cited."""

    model_config = ConfigDict(extra="forbid")

    question: str = Field(description="the earlier question, as asked")
    cited: list[str] = Field(default_factory=list, description="readout ids the answer to it cited")


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Hit(_Open):
    readout_id: str
    paragraph: int = Field(description="paragraph number in the readout, from 1")
    title: str
    date: str = Field(description="publication date")
    event_date: str = Field(description="the day of the contact, else the publication date")
    source: str
    url: str
    score: float
    text: str = Field(description="the whole paragraph")


class Hits(_Open):
    hits: list[Hit] = Field(description="best first, one per paragraph")


class Citation(_Open):
    n: int = Field(description="the [n] marker in the answer")
    readout_id: str
    paragraph: int
    title: str
    date: str
    event_date: str
    source: str
    url: str
    quote: str = Field(description="occurs verbatim in that paragraph")
    speaker: str | None = None


class Answer(_Open):
    answer: str = Field(description="the answer; every [n] names a citation")
    refused: bool = Field(description="true when the readouts do not cover the question (then no citations)")
    citations: list[Citation]
    hits: list[Hit] = Field(description="the passages the answer was drawn from, or the nearest ones for a refusal")
    notice: str | None = None


class Participant(_Open):
    name: str
    role: str | None = None
    country: str | None = None


class Readout(_Open):
    id: str
    title: str
    date: str
    source: str
    url: str
    paragraphs: list[str] = Field(description="the text, paragraph 1 first")
    event_date: str | None = None
    kind: str | None = None
    participants: list[Participant] = Field(default_factory=list)
    same_event: list[str] = Field(default_factory=list, description="other readouts of the same contact")
    paragraph: int | None = Field(None, description="the paragraph asked for, if one was")
    text: str | None = Field(None, description="that paragraph's text, if one was asked for")


class TimelineEntry(_Open):
    readout_id: str
    event_date: str
    title: str
    kind: str
    participants: list[Participant]
    paragraph: int
    quote: str = Field(description="the sentence about the topic, else the readout's lead")


class Timeline(_Open):
    entries: list[TimelineEntry] = Field(description="in event-date order")
    by_month: dict[str, int] = Field(description="contacts per YYYY-MM (one event's readouts count once)")


class Counterpart(_Open):
    name: str
    readouts: int


class DirectoryRow(_Open):
    name: str
    role: str | None = None
    country: str | None = None
    readouts: int
    first: str = Field(description="first event date")
    last: str = Field(description="last event date")
    counterparts: list[Counterpart] = Field(default_factory=list, description="whom they met most")


class Participants(_Open):
    participants: list[DirectoryRow] = Field(description="most readouts first")
