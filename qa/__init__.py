"""Answers with citations over a Library: `ask(library, question, ...)`."""
from .ask import ask
from .types import Answer, Citation

__all__ = ["ask", "Answer", "Citation"]
