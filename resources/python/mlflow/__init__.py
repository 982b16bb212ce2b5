"""MLflow's tracking API inside a Runbench run.

Runbench puts this package first on PYTHONPATH. When the run's interpreter
has MLflow installed, this package steps aside at once: the real MLflow is
loaded in its place and logs to the file store Runbench names in
MLFLOW_TRACKING_URI (inside the run folder), which Runbench imports as the
run ends. Otherwise the tracking calls scripts use are provided here and
log through Runbench's client (runbench.get_logger()):

    start_run (a context manager; nested runs become child runs), end_run,
    active_run, log_param(s), log_metric(s) (with step and timestamp),
    set_tag(s), log_artifact(s), log_text, log_dict, log_figure,
    set_experiment, autolog (does nothing, and says so once),
    set_tracking_uri / get_tracking_uri (values stay with Runbench).

Anything else raises NotImplementedError naming the call.
RUNBENCH_MLFLOW_SHIM=1 in the environment keeps the stand-in even where
MLflow is installed.
"""

import importlib.machinery
import importlib.util
import os
import sys


def _installed_mlflow():
    """The spec of an MLflow installed anywhere on sys.path but here."""
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = [p for p in sys.path if os.path.abspath(p or os.curdir) != here]
    try:
        return importlib.machinery.PathFinder.find_spec(__name__, paths)
    except (ImportError, ValueError):
        return None


_spec = None if os.environ.get("RUNBENCH_MLFLOW_SHIM") == "1" else _installed_mlflow()
if _spec is not None and _spec.loader is not None:
    # The real MLflow takes this module's place; `import mlflow` returns it.
    _real = importlib.util.module_from_spec(_spec)
    sys.modules[__name__] = _real
    _spec.loader.exec_module(_real)
else:
    from runbench._mlflow import *  # noqa: F401,F403
    from runbench._mlflow import __all__, __getattr__  # noqa: F401
    from runbench import _mlflow as _shim

    _shim.install_submodule_guard(__name__)
