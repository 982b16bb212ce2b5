#include "sampleproject.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

static void initSampleResources() { Q_INIT_RESOURCE(samples); }

bool SampleProject::copyTo(const QString &folder, QString *error)
{
    initSampleResources();
    const QString prefix = QStringLiteral(":/samples/iris");
    QDirIterator it(prefix, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = folder + source.mid(prefix.size());
        if (QFileInfo::exists(target))
            continue;
        QDir().mkpath(QFileInfo(target).absolutePath());
        if (!QFile::copy(source, target)) {
            if (error)
                *error = QCoreApplication::translate("SampleProject", "Cannot copy the sample project to %1.")
                             .arg(QDir::toNativeSeparators(folder));
            return false;
        }
        // files from resources are read-only; the user's copy is theirs to edit
        QFile::setPermissions(target, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
    }
    return true;
}

QString SampleProject::defaultLocation()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/samples/iris");
}
