"""Behaviour of the Python logging client (runs from ctest)."""

import decimal
import fractions
import io
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import threading
import unittest

try:
    import numpy
except ImportError:  # Debian's python3-numpy (.ci/setup installs it)
    numpy = None

import runbench
from runbench import Logger, get_logger


class MetricsFile(unittest.TestCase):
    """A logger writing to a metrics file of its own."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.dir.name, "metrics.jsonl")
        self.log = Logger(path=self.path)

    def tearDown(self):
        self.log.close()
        self.dir.cleanup()

    def lines(self):
        with open(self.path, encoding="utf-8") as f:
            return [json.loads(line) for line in f]


class TrackedRun(MetricsFile):
    def test_scalars_and_lists_one_json_line_each(self):
        self.log.log("Regularization Rate", 0.01)
        self.log.log("epochs", 12)
        self.log.log("converged", True)
        self.log.log("optimizer", "lbfgs")
        self.log.log("all values", [5, 6, 7.5])
        got = self.lines()
        self.assertEqual([g["name"] for g in got],
                         ["Regularization Rate", "epochs", "converged", "optimizer", "all values"])
        self.assertEqual(got[0]["value"], 0.01)
        self.assertIs(got[2]["value"], True)
        self.assertEqual(got[4]["value"], [5, 6, 7.5])
        self.assertTrue(all(isinstance(g["time"], float) for g in got))

    def test_each_line_is_flushed_at_once(self):
        self.log.log("a", 1)
        with open(self.path, encoding="utf-8") as f:  # another reader sees it without close()
            self.assertEqual(f.read().count("\n"), 1)

    def test_non_finite_numbers_are_written_as_python_does(self):
        self.log.log("loss", float("nan"))
        self.log.log("loss", float("inf"))
        with open(self.path, encoding="utf-8") as f:
            text = f.read()
        self.assertIn('"value": NaN', text)
        self.assertIn('"value": Infinity', text)

    def test_unicode_names_stay_readable(self):
        self.log.log("정확도", 0.5)
        with open(self.path, encoding="utf-8") as f:
            self.assertIn("정확도", f.read())

    def test_bad_input_raises_clear_errors(self):
        with self.assertRaises(ValueError):
            self.log.log("", 1)
        with self.assertRaises(ValueError):
            self.log.log("n" * (runbench.MAX_NAME_LENGTH + 1), 1)
        with self.assertRaises(TypeError):
            self.log.log("a", {"x": 1})
        with self.assertRaises(TypeError):
            self.log.log("a", ["x"])
        self.assertFalse(os.path.getsize(self.path))  # nothing half-written

    def test_numpy_like_values(self):
        class Scalar:
            def __float__(self):
                return 2.5

        class Array:
            def tolist(self):
                return [1, 2]

        self.log.log("s", Scalar())
        self.log.log("a", Array())
        self.assertEqual([g["value"] for g in self.lines()], [2.5, [1, 2]])


class StepsAndKinds(MetricsFile):
    def test_explicit_steps_parameters_and_tags(self):
        self.log.log("loss", 0.5, step=7)
        self.log.log("loss", 0.9)
        self.log.param("lr", 0.01)
        self.log.tag("model", "svm")
        got = self.lines()
        self.assertEqual(got[0]["step"], 7)
        self.assertNotIn("step", got[1])  # after the highest step so far
        self.assertNotIn("kind", got[0])  # a metric, as lines always were
        self.assertEqual((got[2]["kind"], got[2]["step"], got[2]["value"]), ("param", 0, 0.01))
        self.assertEqual((got[3]["kind"], got[3]["value"]), ("tag", "svm"))

    def test_steps_must_be_integers(self):
        self.log.log("loss", 1, step=True and 3)
        with self.assertRaisesRegex(TypeError, "step must be an integer"):
            self.log.log("loss", 1, step=1.5)
        with self.assertRaisesRegex(TypeError, "step must be an integer"):
            self.log.log("loss", 1, step="3")
        with self.assertRaisesRegex(TypeError, "step must be an integer"):
            self.log.log("loss", 1, step=True)
        with self.assertRaisesRegex(ValueError, "out of range"):
            self.log.log("loss", 1, step=2 ** 60)
        if numpy is not None:
            self.log.log("loss", 1, step=numpy.int64(4))
        self.assertEqual([g["step"] for g in self.lines()], [3] + ([4] if numpy is not None else []))


class MlflowStandIn(unittest.TestCase):
    """Runbench's mlflow package, outside a tracked run: prints, and
    refuses what it does not cover with a sentence."""

    def run_code(self, code, extra_env=None):
        env = dict(os.environ, RUNBENCH_MLFLOW_SHIM="1")
        env.pop("RUNBENCH_METRICS_FILE", None)
        env.update(extra_env or {})
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)

    def test_tracking_calls_print_outside_a_run(self):
        result = self.run_code("import mlflow\n"
                               "with mlflow.start_run():\n"
                               "    mlflow.log_param('lr', 0.1)\n"
                               "    mlflow.log_metric('loss', 0.5, step=3)\n")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "[runbench] lr = 0.1\n[runbench] loss = 0.5\n")

    def test_nested_run_needs_nested_true(self):
        result = self.run_code("import mlflow\n"
                               "mlflow.start_run()\n"
                               "mlflow.start_run()\n")
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("To start a nested run, call start_run with nested=True", result.stderr)

    def test_unsupported_call_names_itself(self):
        result = self.run_code("import mlflow\nmlflow.search_runs()\n")
        self.assertIn("NotImplementedError: mlflow.search_runs is not provided inside a Runbench run", result.stderr)

    def test_installed_mlflow_takes_its_place(self):
        with tempfile.TemporaryDirectory() as d:
            os.makedirs(os.path.join(d, "mlflow"))
            with open(os.path.join(d, "mlflow", "__init__.py"), "w") as f:
                f.write("REAL = True\n")
            here = os.path.dirname(os.path.dirname(runbench.__file__))
            env = dict(os.environ, PYTHONPATH=here + os.pathsep + d)
            env.pop("RUNBENCH_MLFLOW_SHIM", None)
            result = subprocess.run([sys.executable, "-c", "import mlflow; print(mlflow.REAL, mlflow.__file__)"],
                                    env=env, capture_output=True, text=True)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertTrue(result.stdout.startswith("True " + d), result.stdout)


class TrainingCodeValues(MetricsFile):
    """What deep-learning code hands log(): never a TypeError for a scalar."""

    @unittest.skipUnless(numpy, "numpy is not installed")
    def test_numpy_scalars_and_arrays(self):
        self.log.log("f32", numpy.float32(0.5))
        self.log.log("i64", numpy.int64(3))
        self.log.log("zero-d", numpy.array(2.25))  # its tolist() is a float, not a list
        self.log.log("flag", numpy.bool_(True))
        self.log.log("curve", numpy.array([0.5, 0.25, 0.125]))
        self.log.log("ints", numpy.arange(3))
        got = self.lines()
        self.assertEqual([g["value"] for g in got], [0.5, 3, 2.25, True, [0.5, 0.25, 0.125], [0, 1, 2]])
        self.assertIs(got[3]["value"], True)
        with self.assertRaisesRegex(TypeError, "one-dimensional"):
            self.log.log("matrix", numpy.zeros((2, 2)))

    def test_library_scalars_by_their_methods(self):
        class TorchScalar:  # a 0-d tensor: item(), and tolist() gives a number
            def item(self):
                return 0.75

            def tolist(self):
                return 0.75

        class TorchVector:
            def tolist(self):
                return [1.0, 2.0]

        class ItemOnly:  # jax/cupy-like: only item()
            def item(self):
                return 4

        class EagerTensor:  # tensorflow: numpy() gives a numpy value
            def __init__(self, value):
                self.value = value

            def numpy(self):
                return self.value

        self.log.log("loss", TorchScalar())
        self.log.log("v", TorchVector())
        self.log.log("n", ItemOnly())
        self.log.log("tf", EagerTensor(1.5))
        self.log.log("tfv", EagerTensor(TorchVector()))
        self.log.log("dec", decimal.Decimal("0.1"))
        self.log.log("frac", fractions.Fraction(1, 4))
        self.assertEqual([g["value"] for g in self.lines()], [0.75, [1.0, 2.0], 4, 1.5, [1.0, 2.0], 0.1, 0.25])

    def test_fork_while_another_thread_holds_the_lock(self):
        # A worker forked while the main process was logging from a thread
        # must not deadlock on the inherited lock.
        self.log._lock.acquire()
        try:
            pid = os.fork()
            if pid == 0:
                try:
                    self.log.log("child", 1)
                finally:
                    os._exit(0)
        finally:
            self.log._lock.release()
        done = threading.Event()
        status = []

        def wait():
            status.append(os.waitpid(pid, 0)[1])
            done.set()

        threading.Thread(target=wait, daemon=True).start()
        if not done.wait(20):
            os.kill(pid, 9)
            self.fail("the forked child deadlocked on the logger's lock")
        self.assertEqual(status, [0])
        self.assertEqual([g["name"] for g in self.lines()], ["child"])

    def test_eight_forked_workers_never_interleave(self):
        lines_each = 200
        long_list = list(range(3000))  # lines of about 15 KB, far over any pipe buffer

        def worker(index):
            for i in range(lines_each):
                self.log.log("worker %d" % index, long_list if i % 10 == 0 else i)

        context = multiprocessing.get_context("fork")
        workers = [context.Process(target=worker, args=(n,)) for n in range(8)]
        for w in workers:
            w.start()
        for w in workers:
            w.join(60)
            self.assertEqual(w.exitcode, 0)
        got = self.lines()  # every line parses: none was cut into another
        self.assertEqual(len(got), 8 * lines_each)
        for n in range(8):
            mine = [g["value"] for g in got if g["name"] == "worker %d" % n]
            self.assertEqual(len(mine), lines_each)
            self.assertEqual(mine[10], long_list)

    def test_get_logger_from_threads_is_one_logger(self):
        runbench._default = None
        seen = []
        threads = [threading.Thread(target=lambda: seen.append(get_logger())) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(len(seen), 16)
        self.assertTrue(all(logger is seen[0] for logger in seen))


class OutsideARun(unittest.TestCase):
    def test_prints_and_carries_on(self):
        out = io.StringIO()
        log = Logger(path="", stream=out)
        self.assertFalse(log.tracked)
        log.log("Accuracy", 0.97)
        log.log("all values", [5, 6, 7])
        self.assertEqual(out.getvalue(), "[runbench] Accuracy = 0.97\n[runbench] all values = [5, 6, 7]\n")

    def test_azureml_scripts_run_unchanged(self):
        env = dict(os.environ)
        env.pop("RUNBENCH_METRICS_FILE", None)
        code = ("from azureml.logging import get_azureml_logger\n"
                "from runbench import get_logger\n"
                "logger = get_azureml_logger()\n"
                "assert logger is get_logger()\n"
                "logger.log('simple value', 7)\n")
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                check=True)
        self.assertEqual(result.stdout, "[runbench] simple value = 7\n")

    def test_environment_selects_the_metrics_file(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "m.jsonl")
            env = dict(os.environ, RUNBENCH_METRICS_FILE=path)
            subprocess.run([sys.executable, "-c", "from runbench import get_logger; get_logger().log('x', 1)"],
                           env=env, check=True)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(json.loads(f.read())["value"], 1)


class SameLoggerEverywhere(unittest.TestCase):
    def test_get_logger_is_a_singleton(self):
        self.assertIs(get_logger(), get_logger())


if __name__ == "__main__":
    unittest.main()
