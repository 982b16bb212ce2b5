"""Behaviour of the Python logging client (runs from ctest)."""

import io
import json
import os
import subprocess
import sys
import tempfile
import unittest

import runbench
from runbench import Logger, get_logger


class TrackedRun(unittest.TestCase):
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
