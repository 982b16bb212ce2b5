"""Runbench logging client (standard library only).

    from runbench import get_logger
    log = get_logger()
    log.log("Regularization Rate", 0.01)   # scalar: int, float, bool or str
    log.log("all values", [5, 6, 7])        # list of numbers
    log.log("loss", loss)                   # a numpy/torch scalar or 1-d array too
    log.log("loss", 0.25, step=7)           # at an explicit step (any order)
    log.param("lr", 0.01)                   # a parameter of the run: never ranked best
    log.tag("model", "svm")                 # a tag of the run

Inside a tracked run (RUNBENCH_METRICS_FILE is set) each call appends one
JSON object per line to that file with a single write(), so the workbench
sees the value at once and lines from forked workers never interleave. Outside a tracked run the values are printed and the script
carries on.
"""

import decimal
import json
import math
import numbers
import os
import sys
import threading
import time
import weakref

__all__ = ["get_logger", "Logger", "MAX_NAME_LENGTH"]

MAX_NAME_LENGTH = 1000


def _scalar(value):
    """A logged scalar as JSON can hold it: bool, int, float or str.

    Takes what training code hands over without importing any library:
    numpy scalars and 0-d arrays, torch/jax/tensorflow scalars (through
    tolist(), numpy() or item()), Decimal and Fraction. None when it is not
    a scalar."""
    for _ in range(4):  # tolist() of a 0-d array gives a Python scalar, item() likewise
        if isinstance(value, (bool, str)):
            return value
        if isinstance(value, numbers.Integral):
            return int(value)
        if isinstance(value, (numbers.Real, decimal.Decimal)):
            return float(value)
        if type(value).__name__ in ("bool_", "bool8") and hasattr(value, "item"):
            return bool(value.item())  # numpy's bool is no Python bool
        if hasattr(value, "tolist"):
            value = value.tolist()
            if isinstance(value, list):
                return None
            continue
        if hasattr(value, "numpy") and callable(value.numpy):
            value = value.numpy()
            continue
        if hasattr(value, "item") and callable(value.item):
            value = value.item()
            continue
        break
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _values(value):
    """The payload of one log() call: a scalar, or a list of numbers for a
    list, tuple or 1-d array-like. Raises TypeError for anything else."""
    if isinstance(value, (list, tuple)):
        items = value
    else:
        scalar = _scalar(value)
        if scalar is not None:
            return scalar
        if hasattr(value, "numpy") and callable(value.numpy):
            value = value.numpy()
        if not hasattr(value, "tolist"):
            raise TypeError("cannot log a value of type %s" % type(value).__name__)
        items = value.tolist()
        if not isinstance(items, list):
            raise TypeError("cannot log a value of type %s" % type(value).__name__)
    payload = []
    for item in items:
        number = _scalar(item)
        if number is None or isinstance(number, (bool, str)):
            if isinstance(item, (list, tuple)) or hasattr(item, "tolist"):
                raise TypeError("a logged list must be one-dimensional (a list of numbers)")
            raise TypeError("a logged list may only hold numbers")
        payload.append(number)
    return payload


# Every logger, for the child of a fork() (PyTorch DataLoader workers,
# multiprocessing): the child must not inherit a lock another thread held.
_loggers = weakref.WeakSet()


def _after_fork_in_child():
    for logger in list(_loggers):
        logger._lock = threading.Lock()
    global _default_lock
    _default_lock = threading.Lock()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)


class Logger:
    """Appends metrics to the run's metrics file, or prints them.

    Each line goes to the file with a single write() on a descriptor opened
    for appending, without a buffer: lines from several threads or processes
    (forked workers, multiprocessing) never interleave, however long."""

    def __init__(self, path=None, stream=None):
        self._path = path if path is not None else os.environ.get("RUNBENCH_METRICS_FILE")
        self._stream = stream if stream is not None else sys.stdout
        self._fd = None
        self._lock = threading.Lock()
        if self._path:
            self._fd = os.open(self._path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0),
                               0o666)
        _loggers.add(self)

    @property
    def tracked(self):
        """True inside a tracked run."""
        return self._fd is not None

    def log(self, name, value, step=None):
        """Logs a scalar (int, float, bool, str, or a library's scalar) or a
        list of numbers (a list, tuple or 1-d array) under name; at step
        (an integer) when given, else after the highest step so far."""
        return self._log(name, value, step=step)

    def param(self, name, value):
        """Logs a parameter of the run (a learning rate, a model's name):
        shown beside the metrics, never ranked best. Logged again, it is
        replaced."""
        return self._log(name, value, step=0, kind="param")

    def tag(self, name, value):
        """Sets a tag of the run (name = value). Set again, it is replaced."""
        return self._log(name, value, step=0, kind="tag")

    def _log(self, name, value, step=None, kind=None, run=None):
        _check_name(name)
        payload = _values(value)
        record = {"name": name, "value": payload, "time": time.time()}
        if step is not None:
            record["step"] = _step(step)
        if kind is not None:
            record["kind"] = kind
        if run is not None:
            record["run"] = run
        self._write(record, "%s = %s" % (name, _display(payload)))
        return self

    def _event(self, run, status, name=None):
        """A nested run's start ("Running", with its name) or end."""
        record = {"run": run, "status": status, "time": time.time()}
        if name:
            record["name"] = name
        self._write(record, "run %s: %s" % (name or run, status))

    def _write(self, record, shown):
        line = (json.dumps(record, ensure_ascii=False, allow_nan=True) + "\n").encode("utf-8")
        with self._lock:
            if self._fd is not None:
                written = os.write(self._fd, line)
                while written < len(line):  # only a full disk or a signal cuts a write short
                    written += os.write(self._fd, line[written:])
            else:
                self._stream.write("[runbench] %s\n" % shown)

    def close(self):
        with self._lock:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None


def _check_name(name):
    if not isinstance(name, str) or not name.strip():
        raise ValueError("metric name must be a non-empty string")
    if len(name) > MAX_NAME_LENGTH:
        raise ValueError("metric name is longer than %d characters" % MAX_NAME_LENGTH)


def _step(step):
    """An explicit step as the contract holds it: an integer within 2**53."""
    if isinstance(step, bool) or not isinstance(step, numbers.Integral):
        if hasattr(step, "item") and callable(step.item):
            step = step.item()
        if isinstance(step, bool) or not isinstance(step, numbers.Integral):
            raise TypeError("step must be an integer, not %s" % type(step).__name__)
    step = int(step)
    if abs(step) > 2 ** 53:
        raise ValueError("step %d is out of range (at most 2**53)" % step)
    return step


def _display(value):
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    return json.dumps(value, ensure_ascii=False)


_default = None
_default_lock = threading.Lock()


def get_logger():
    """The process-wide logger of this run (safe from any thread)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Logger()
        return _default
