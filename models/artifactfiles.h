#pragma once

#include "runrecord.h"

#include <QString>
#include <QStringList>

// Files of a run's folder: its outputs/ (the artifacts), driver log and
// metrics file. Everything here may be slow on big files: call it off the
// GUI thread.
namespace ArtifactFiles {
QString sha256(const QString &filePath);

// Moves workDir/outputs to runDir/outputs and lists what is there now, with
// size and sha256. Only regular files become artifacts: a symbolic link
// written by the script is removed and reported in *refused.
QVector<ArtifactRecord> collectOutputs(const QString &workDir, const QString &runDir,
                                       QStringList *refused);

// "driver_log.txt, metrics.jsonl, outputs/cm.png, …" as listed in the JSON.
QStringList attachments(const QString &runDir, const QVector<ArtifactRecord> &artifacts);

// True when relativePath stays inside its folder: not absolute, no "..",
// no empty or "." parts.
bool isSafeRelativePath(const QString &relativePath);
} // namespace ArtifactFiles
