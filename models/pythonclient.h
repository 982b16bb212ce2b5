#pragma once

#include <QString>

namespace PythonClient {
// Writes the bundled logging client (runbench, azureml.logging) into dir,
// which the runner puts on PYTHONPATH. Unchanged files are left alone.
bool install(const QString &dir, QString *error);
} // namespace PythonClient
