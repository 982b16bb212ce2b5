#pragma once

#include "project.h"

#include <QString>

#include <atomic>
#include <functional>

// File → Save a Copy as a New Project: a deliberate fork. The copy gets the
// project's files (code, data, its own links as they are; not .runbench/,
// so not the history, snapshots or run folders) and a project.ini of its own
// with the same settings, its folder's name and a new id, so its history
// starts empty wherever it is kept. File I/O: call it off the GUI thread.
namespace ProjectCopy {

// destination must not exist yet, or be an empty folder, and must not be
// inside the project. progress(bytesDone, bytesTotal) follows the copy.
// On failure *error says why; what was copied so far stays for the user to
// look at or delete. When *canceled turns true it stops after the file it is
// copying, and removes the copy it made.
bool copy(const Project &source, const QString &destination, QString *error,
          const std::function<void(qint64 done, qint64 total)> &progress = {},
          const std::atomic<bool> *canceled = nullptr);

} // namespace ProjectCopy
