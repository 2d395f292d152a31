"""Readouts -> paragraphs -> chunks -> vectors -> hits. `Library` is the entry point."""
from .api import Library, ReadoutSummary
from .types import Filters, Hit, InputError, Readout, Turn

__all__ = ["Library", "ReadoutSummary", "Filters", "Hit", "InputError", "Readout", "Turn"]
