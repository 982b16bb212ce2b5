#pragma once

#include <QString>

// The iris sample project bundled in the executable.
namespace SampleProject {
// Copies the sample into folder (created if needed). Existing files are
// left alone. False with a sentence in *error on failure.
bool copyTo(const QString &folder, QString *error);
// Where the first start of the window puts its copy of the sample.
QString defaultLocation();
} // namespace SampleProject
