"""`from azureml.logging import get_azureml_logger` answered by Runbench."""

from runbench import get_logger


def get_azureml_logger():
    """The same logger as runbench.get_logger()."""
    return get_logger()
