#pragma once

#include "project.h"
#include "runjob.h"
#include "runstore.h"

#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QSignalSpy>

// Runs script in the project at root through the real runner and returns the
// run id ("" if it could not start or did not end in time).
inline QString runTracked(const QString &root, const QString &script, const QStringList &arguments = {})
{
    const Project project(root);
    RunStore store;
    QString error;
    if (!project.ensureDataDir(&error) || !store.open(project.databasePath()))
        return {};
    RunJob job(project, &store);
    if (!job.submit(script, arguments))
        return {};
    QSignalSpy finished(&job, &RunJob::finished);
    job.start();
    return finished.wait(30000) ? job.record().runId : QString();
}

// A small PNG for scripts to copy into their outputs.
inline bool writeImage(const QString &path, const QColor &color)
{
    QImage image(120, 80, QImage::Format_RGB32);
    image.fill(color);
    QDir().mkpath(QFileInfo(path).absolutePath());
    return image.save(path);
}
