#pragma once

#include <QFile>
#include <QString>

// Opens files that a run's script could have replaced: the metrics file, the
// driver log, the launcher's status, the run's outputs, a note in the run
// folder. A script may leave a FIFO, a device or a link in their place; an
// ordinary open() of a FIFO waits for a writer that never comes, and a link
// leads anywhere. These open without blocking and without following a last
// link, and succeed only for a regular file, so a run folder can never hang
// or redirect Runbench.
namespace RegularFile {

enum class Mode {
    Read,             // an existing file
    ReadThroughLinks, // an existing file, or what a link names (a file the user picked)
    Append,           // created when missing, written at the end
};

// Opens path into file (which must be closed). On failure, file stays closed
// and error (when given) holds a sentence naming the path and why.
bool open(QFile &file, const QString &path, Mode mode, QString *error = nullptr);

// Reads a whole small file (at most maxBytes); empty when it is not a
// regular file or cannot be read.
QByteArray read(const QString &path, qint64 maxBytes = 1 << 20);

} // namespace RegularFile
