#pragma once

#include "project.h"

#include <QString>
#include <QStringList>

// The project's files as the script picker lists them: everything under the
// project root except .runbench/, outputs/, .git/, what .gitignore (at any
// level), .runbenchignore and project.ini's [snapshot] ignore list leave out,
// and files over the project's size limit. (Snapshots themselves are taken
// by SnapshotStore, with libgit2's reading of the same rules.)
struct ProjectScope
{
    QStringList files; // relative paths with '/', sorted
    QStringList oversized; // relative paths left out for their size
    qint64 totalBytes = 0;

    static ProjectScope collect(const Project &project);
};
