#pragma once

#include "runrecord.h"

#include <QString>
#include <QStringList>

#include <functional>

// Files of a run's folder: its outputs/ (the artifacts), driver log and
// metrics file. Everything here may be slow on big files: call it off the
// GUI thread.
namespace ArtifactFiles {
QString sha256(const QString &filePath);

// Moves workDir/outputs to runDir/outputs and lists what is there now, with
// size and sha256. Only regular files become artifacts: a symbolic link
// written by the script is removed and reported in *refused.
QVector<ArtifactRecord> collectOutputs(const QString &workDir, const QString &runDir, QStringList *refused);

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
// written paths; on failure, *error says why.
QStringList download(const QString &runDir, const QVector<ArtifactRecord> &artifacts, const QString &destination,
                     bool overwrite, QString *error, const std::function<void(int files, qint64 bytes)> &progress = {});
} // namespace ArtifactFiles
