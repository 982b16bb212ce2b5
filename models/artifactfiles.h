#pragma once

#include "runrecord.h"

#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

// Files of a run's folder: its outputs/ (the artifacts), driver log and
// metrics file. Everything here may be slow on big files: call it off the
// GUI thread.
namespace ArtifactFiles {
QString sha256(const QString &filePath);

// Moves workDir/outputs to runDir/outputs and lists what is there now, with
// size and sha256. A symbolic link the script wrote is recorded as a link
// (its target as text) and removed from the folder: it is never followed,
// so a link to /etc/shadow or a home folder copies nothing into the store.
QVector<ArtifactRecord> collectOutputs(const QString &workDir, const QString &runDir);

// Copies the files below from to the same places below to: a link as a
// link (never followed), folders made, FIFOs and devices left alone. Goes
// on past a file it cannot copy; false with the first such file named.
bool copyTree(const QString &from, const QString &to, QString *error);

// "driver_log.txt, metrics.jsonl, outputs/cm.png, …" as listed in the JSON.
QStringList attachments(const QString &runDir, const QVector<ArtifactRecord> &artifacts);

// True when relativePath stays inside its folder: not absolute, no "..",
// no empty or "." parts.
bool isSafeRelativePath(const QString &relativePath);

// Copies src to dst through a temporary file and a rename, so a reader never
// sees half a file, and checks the copy against sha256 when one is given.
bool copyVerified(const QString &src, const QString &dst, const QString &sha256, QString *error);

// Copies a run's artifacts (outputs/…) into destination, keeping the folders
// below outputs/. Everything is checked first: an unsafe path, or a file that
// exists (unless overwrite), stops it before anything is written. progress
// is called after each file with (files done, bytes done). Returns the
// written paths; on failure, *error says why. A link artifact is made again
// as a link with its recorded target.
// When *canceled turns true it stops after the file it is copying; the files
// written so far stay.
QStringList download(const QString &runDir, const QVector<ArtifactRecord> &artifacts, const QString &destination,
                     bool overwrite, QString *error, const std::function<void(int files, qint64 bytes)> &progress = {},
                     const std::atomic<bool> *canceled = nullptr);
} // namespace ArtifactFiles
