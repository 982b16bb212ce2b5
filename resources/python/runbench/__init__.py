"""Runbench logging client (standard library only).

    from runbench import get_logger
    log = get_logger()
    log.log("Regularization Rate", 0.01)   # scalar: int, float, bool or str
    log.log("all values", [5, 6, 7])        # list of numbers

Inside a tracked run (RUNBENCH_METRICS_FILE is set) each call appends one
JSON object per line to that file and flushes it, so the workbench sees the
value at once. Outside a tracked run the values are printed and the script
carries on.
"""

import json
import math
import numbers
import os
import sys
import threading
import time

__all__ = ["get_logger", "Logger", "MAX_NAME_LENGTH"]

MAX_NAME_LENGTH = 1000


def _number(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    # numpy scalars and similar: anything that converts cleanly
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class Logger:
    """Appends metrics to the run's metrics file, or prints them."""

    def __init__(self, path=None, stream=None):
        self._path = path if path is not None else os.environ.get("RUNBENCH_METRICS_FILE")
        self._stream = stream if stream is not None else sys.stdout
        self._file = None
        self._lock = threading.Lock()
        if self._path:
            self._file = open(self._path, "a", encoding="utf-8")

    @property
    def tracked(self):
        """True inside a tracked run."""
        return self._file is not None

    def log(self, name, value):
        """Logs a scalar (int, float, bool, str) or a list of numbers under name."""
        if not isinstance(name, str) or not name.strip():
            raise ValueError("metric name must be a non-empty string")
        if len(name) > MAX_NAME_LENGTH:
            raise ValueError("metric name is longer than %d characters" % MAX_NAME_LENGTH)
        if isinstance(value, str):
            payload = value
        elif isinstance(value, (list, tuple)) or (
                hasattr(value, "tolist") and not isinstance(value, numbers.Number)):
            items = value.tolist() if hasattr(value, "tolist") else value
            payload = []
            for item in items:
                number = _number(item)
                if number is None or isinstance(number, bool):
                    raise TypeError("a logged list may only hold numbers")
                payload.append(number)
        else:
            payload = _number(value)
            if payload is None:
                raise TypeError("cannot log a value of type %s" % type(value).__name__)
        record = {"name": name, "value": payload, "time": time.time()}
        line = json.dumps(record, ensure_ascii=False, allow_nan=True) + "\n"
        with self._lock:
            if self._file is not None:
                self._file.write(line)
                self._file.flush()
            else:
                self._stream.write("[runbench] %s = %s\n" % (name, _display(payload)))
        return self

    def close(self):
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


def _display(value):
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


_default = None


def get_logger():
    """The process-wide logger of this run."""
    global _default
    if _default is None:
        _default = Logger()
    return _default
