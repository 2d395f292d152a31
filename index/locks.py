"""Locks of an index folder: many readers or one writer inside a process, one writing process per folder.

Inside a process, readers (searches) share the in-memory caches and a writer swaps them only for the
short moment after each commit. Across processes, `FolderLock` (an flock on `write.lock`) lets one
process write a folder at a time; the file names the holder so a second writer can say who it is.
"""
from __future__ import annotations

import fcntl
import os
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from .types import InputError

LOCK_NAME = "write.lock"


class IndexBusy(InputError):
    """Another process is writing the index folder."""


class ReadWriteLock:
    """Many readers or one writer; a waiting writer holds back new readers so it is never starved."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._waiting_writers = 0

    @contextmanager
    def read(self):
        with self._cond:
            while self._writing or self._waiting_writers:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @contextmanager
    def write(self):
        with self._cond:
            self._waiting_writers += 1
            while self._writing or self._readers:
                self._cond.wait()
            self._waiting_writers -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()


class FolderLock:
    """An exclusive (writer) or shared (cache reload) flock on the folder's lock file."""

    def __init__(self, folder: Path):
        self.path = Path(folder) / LOCK_NAME
        self._thread_lock = threading.Lock()  # flock is per open file; one writer thread of this process at a time

    @contextmanager
    def exclusive(self, wait: float = 0.0):
        """Hold the folder for writing; raise IndexBusy after `wait` seconds if another process has it."""
        deadline = time.monotonic() + max(wait, 0.0)
        if not (self._thread_lock.acquire(timeout=wait) if wait > 0 else self._thread_lock.acquire(blocking=False)):
            raise IndexBusy(f"{self.path.parent}: index is being written by another request of this process")
        try:
            handle = open(self.path, "a+")
            try:
                while True:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise IndexBusy(f"{self.path.parent}: index is being written by {self.holder()}; "
                                            "try again when it finishes (or pass --wait SECONDS)") from None
                        time.sleep(0.1)
                handle.seek(0)
                handle.truncate()
                handle.write(f"{os.getpid()} {time.strftime('%Y-%m-%dT%H:%M:%S')}\n")
                handle.flush()
                try:
                    yield
                finally:
                    handle.seek(0)
                    handle.truncate()
                    handle.flush()
                    fcntl.flock(handle, fcntl.LOCK_UN)
            finally:
                handle.close()
        finally:
            self._thread_lock.release()

    @contextmanager
    def shared(self):
        """Yield True while no process writes (the caches on disk are complete), False if one does."""
        try:
            handle = open(self.path, "a+")
        except OSError:  # a read-only folder: nobody can be writing it
            yield True
            return
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
        finally:
            handle.close()

    def holder(self) -> str:
        """'PID N (since T)' of the writing process, as it wrote itself into the lock file."""
        try:
            words = self.path.read_text().split()
        except OSError:
            words = []
        if not words:
            return "another process"
        return f"PID {words[0]}" + (f" (since {words[1]})" if len(words) > 1 else "")
