#pragma once

#include "project.h"

#include <QString>
#include <QStringList>

// The files of a project that belong to a run's snapshot: everything under
// the project root except .runbench/, outputs/, .git/, what .gitignore
// (at any level), .runbenchignore and project.ini's [snapshot] ignore list
// leave out, and files over the project's size limit (listed, not dropped
// silently). Symbolic links are kept as links.
struct ProjectScope
{
    QStringList files;      // relative paths with '/', sorted
    QStringList oversized;  // relative paths left out for their size
    qint64 totalBytes = 0;

    static ProjectScope collect(const Project &project);

    // Copies the scope into an empty folder (the run's working folder),
    // keeping permissions and links. Returns false with a sentence in *error.
    bool copyTo(const QString &sourceRoot, const QString &targetRoot, QString *error) const;
};
