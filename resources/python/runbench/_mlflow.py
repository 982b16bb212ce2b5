"""The MLflow tracking calls, logged through Runbench's client (see the
mlflow package next to this one, which loads it when no MLflow is
installed)."""

import json
import numbers
import os
import shutil
import sys
import threading
import time
import uuid

from runbench import get_logger

__all__ = [
    "ActiveRun", "Experiment", "RunInfo", "active_run", "autolog", "end_run", "get_tracking_uri", "last_active_run",
    "log_artifact", "log_artifacts", "log_dict", "log_figure", "log_metric", "log_metrics", "log_param",
    "log_params", "log_text", "set_experiment", "set_tag", "set_tags", "set_tracking_uri", "start_run",
]

_COVERED = ", ".join(sorted(name for name in __all__ if name[0].islower()))


def _not_provided(call):
    return NotImplementedError(
        "mlflow.%s is not provided inside a Runbench run: this interpreter has no mlflow package, and "
        "Runbench's stand-in covers %s. Install mlflow for this interpreter to use the rest; Runbench then "
        "imports what it logs." % (call, _COVERED))


def __getattr__(name):
    if name.startswith("__"):
        raise AttributeError(name)
    raise _not_provided(name)


class _SubmoduleGuard:
    """`import mlflow.sklearn` and the like fail with the same sentence."""

    def __init__(self, package):
        self._prefix = package + "."

    def find_spec(self, fullname, path=None, target=None):
        if fullname.startswith(self._prefix):
            raise _not_provided(fullname[len(self._prefix):])
        return None


def install_submodule_guard(package):
    if not any(isinstance(f, _SubmoduleGuard) for f in sys.meta_path):
        sys.meta_path.insert(0, _SubmoduleGuard(package))


_STATUS = {"FINISHED": "Completed", "FAILED": "Failed", "KILLED": "Canceled"}


class RunInfo:
    def __init__(self, run_id, run_name, experiment_id):
        self.run_id = run_id
        self.run_uuid = run_id
        self.run_name = run_name
        self.experiment_id = experiment_id
        self.status = "RUNNING"
        self.start_time = int(time.time() * 1000)
        self.end_time = None
        self.artifact_uri = "file://" + _outputs_dir()


class ActiveRun:
    """What start_run() returns: a context manager; .info.run_id names it."""

    def __init__(self, info, label):
        self.info = info
        self._label = label  # None for the Runbench run itself

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        end_run("FINISHED" if exc_type is None else "FAILED")
        return False


class Experiment:
    def __init__(self, name, experiment_id):
        self.name = name
        self.experiment_id = experiment_id
        self.lifecycle_stage = "active"


_lock = threading.RLock()
_stack = []  # active runs, innermost last
_last = None
_experiment = None
_said_autolog = False


def _outputs_dir():
    return os.environ.get("RUNBENCH_OUTPUTS_DIR") or os.path.abspath("outputs")


def _experiment_id():
    return _experiment.experiment_id if _experiment else "0"


def start_run(run_id=None, experiment_id=None, run_name=None, nested=False, tags=None, description=None,
              log_system_metrics=None):
    """The first run is the Runbench run itself; a run started inside
    another (nested=True), or after the first one ended, is a child run of
    it, with its own values."""
    global _last
    with _lock:
        if _stack and not nested:
            raise Exception("Run with UUID %s is already active. To start a nested run, call start_run with "
                            "nested=True" % _stack[-1].info.run_id)
        if run_id is not None:
            for known in _stack:
                if known.info.run_id == run_id:
                    return known
            raise _not_provided("start_run(run_id=...) of a run this script did not start")
        if _last is None and not _stack:
            label = None
            info = RunInfo(os.environ.get("RUNBENCH_RUN_ID") or uuid.uuid4().hex, run_name,
                           experiment_id or _experiment_id())
        else:
            label = uuid.uuid4().hex
            info = RunInfo(label, run_name, experiment_id or _experiment_id())
        run = ActiveRun(info, label)
        log = get_logger()
        if label is not None:
            log._event(label, "Running", run_name)
            log._log("MlflowRunId", label, kind="property", run=label)
        elif run_name:
            log._log("mlflow.runName", run_name, step=0, kind="tag")
        _stack.append(run)
        _last = run
    if tags:
        set_tags(tags)
    if description:
        set_tag("mlflow.note.content", description)
    return run


def end_run(status="FINISHED"):
    with _lock:
        if not _stack:
            return
        run = _stack.pop()
        run.info.status = status
        run.info.end_time = int(time.time() * 1000)
        if run._label is not None:
            get_logger()._event(run._label, _STATUS.get(str(status).upper(), "Completed"))


def active_run():
    with _lock:
        return _stack[-1] if _stack else None


def last_active_run():
    with _lock:
        return _stack[-1] if _stack else _last


def _current(run_id=None):
    """The label of the run values go to (None: the Runbench run); starts
    the first run as MLflow does when nothing is active."""
    with _lock:
        if run_id is not None:
            for known in _stack:
                if known.info.run_id == run_id:
                    return known._label
            if _last is not None and _last.info.run_id == run_id:
                return _last._label
            raise _not_provided("logging to run_id=%r, a run this script did not start" % run_id)
        if not _stack:
            start_run()
        return _stack[-1]._label


def _plain(value):
    """A parameter or tag as Runbench keeps it: numbers and bools as they
    are, anything else as MLflow would write it (str())."""
    if isinstance(value, (bool, str)) or (isinstance(value, numbers.Real) and not isinstance(value, bool)):
        return value
    return str(value)


def log_param(key, value, synchronous=None):
    get_logger()._log(key, _plain(value), step=0, kind="param", run=_current())
    return value


def log_params(params, synchronous=None, run_id=None):
    run = _current(run_id)
    for key, value in params.items():
        get_logger()._log(key, _plain(value), step=0, kind="param", run=run)


def _time(timestamp):
    return None if timestamp is None else timestamp / 1000.0


def _metric(key, value, step, timestamp, run):
    logger = get_logger()
    record_time = _time(timestamp)
    if record_time is None:
        logger._log(key, value, step=step, run=run)
    else:
        # An explicit time: written as the client writes it, with that time.
        from runbench import _values, _check_name, _step
        _check_name(key)
        record = {"name": key, "value": _values(value), "time": record_time}
        if step is not None:
            record["step"] = _step(step)
        if run is not None:
            record["run"] = run
        logger._write(record, "%s = %r" % (key, value))


def log_metric(key, value, step=None, synchronous=None, timestamp=None, run_id=None, model_id=None,
               dataset=None):
    _metric(key, value, step, timestamp, _current(run_id))


def log_metrics(metrics, step=None, synchronous=None, run_id=None, timestamp=None, model_id=None,
                dataset=None):
    run = _current(run_id)
    for key, value in metrics.items():
        _metric(key, value, step, timestamp, run)


def set_tag(key, value, synchronous=None):
    get_logger()._log(key, _plain(value), step=0, kind="tag", run=_current())


def set_tags(tags, synchronous=None):
    run = _current()
    for key, value in tags.items():
        get_logger()._log(key, _plain(value), step=0, kind="tag", run=run)


def _artifact_dir(artifact_path):
    """Where a run's artifacts go in ./outputs: a child run's under its
    name (or id), so that nothing of the parent is overwritten."""
    with _lock:
        run = _stack[-1] if _stack else None
    base = _outputs_dir()
    if run is not None and run._label is not None:
        base = os.path.join(base, run.info.run_name or run._label)
    if artifact_path:
        base = os.path.join(base, artifact_path)
    os.makedirs(base, exist_ok=True)
    return base


def log_artifact(local_path, artifact_path=None, run_id=None):
    _current(run_id)
    target = _artifact_dir(artifact_path)
    if os.path.isdir(local_path):
        shutil.copytree(local_path, os.path.join(target, os.path.basename(os.path.normpath(local_path))),
                        dirs_exist_ok=True)
    else:
        shutil.copy2(local_path, target)


def log_artifacts(local_dir, artifact_path=None, run_id=None):
    _current(run_id)
    shutil.copytree(local_dir, _artifact_dir(artifact_path), dirs_exist_ok=True)


def _artifact_file(artifact_file):
    _current()
    folder, name = os.path.split(artifact_file)
    return os.path.join(_artifact_dir(folder), name)


def log_text(text, artifact_file, run_id=None):
    with open(_artifact_file(artifact_file), "w", encoding="utf-8") as f:
        f.write(text)


def log_dict(dictionary, artifact_file, run_id=None):
    path = _artifact_file(artifact_file)
    with open(path, "w", encoding="utf-8") as f:
        if path.endswith((".yaml", ".yml")):
            try:
                import yaml
                yaml.safe_dump(dictionary, f, default_flow_style=False)
                return
            except ImportError:
                pass  # JSON is YAML as well
        json.dump(dictionary, f, indent=2)


def log_figure(figure, artifact_file, save_kwargs=None, run_id=None):
    path = _artifact_file(artifact_file)
    if hasattr(figure, "savefig"):  # matplotlib
        figure.savefig(path, **(save_kwargs or {}))
    elif path.endswith(".html") and hasattr(figure, "write_html"):  # plotly
        figure.write_html(path, **(save_kwargs or {}))
    elif hasattr(figure, "write_image"):
        figure.write_image(path, **(save_kwargs or {}))
    else:
        raise TypeError("log_figure takes a matplotlib or plotly figure, not %s" % type(figure).__name__)


def set_experiment(experiment_name=None, experiment_id=None):
    global _experiment
    name = experiment_name or experiment_id or "Default"
    _experiment = Experiment(name, experiment_id or name)
    get_logger()._log("MlflowExperiment", name, kind="property")
    return _experiment


def autolog(*args, **kwargs):
    global _said_autolog
    if not _said_autolog:
        _said_autolog = True
        print("[runbench] mlflow.autolog() does nothing in this run (no mlflow package): "
              "log values with mlflow.log_metric/log_param, or install mlflow.", flush=True)


def set_tracking_uri(uri):
    """Kept for scripts that name their server: the values stay with Runbench."""


def get_tracking_uri():
    return "runbench"
