"""Work off the GUI thread: a function runs in Qt's thread pool and reports back through signals.

The function receives ``progress(done, total, message)`` and ``cancelled() -> bool``; it should
call ``cancelled()`` between steps and return early when it is true. Results, errors and progress
arrive on the GUI thread (queued signals), so the window keeps painting while it runs.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mapping.errors import MappingError

Progress = Callable[[int, int, str], None]
Work = Callable[[Progress, Callable[[], bool]], Any]


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class BackgroundJob(QRunnable):
    """One call of ``work`` in the global thread pool; ``cancel()`` asks it to stop."""

    def __init__(self, work: Work) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps the job; Qt must not delete it under us
        self.work = work
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.done = threading.Event()

    def start(self) -> BackgroundJob:
        QThreadPool.globalInstance().start(self)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit, self._cancel.is_set)
        except MappingError as error:
            self._finish(self.signals.failed, str(error))
        except Exception as error:  # shown to the person instead of killing a worker thread
            traceback.print_exc()
            self._finish(self.signals.failed, f"{type(error).__name__}: {error}")
        else:
            self._finish(self.signals.finished, result)
        finally:
            self.done.set()

    def _finish(self, signal: Any, value: Any) -> None:
        if self._cancel.is_set():
            self.signals.cancelled.emit()
        else:
            signal.emit(value)
