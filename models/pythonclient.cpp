#include "pythonclient.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

static void initClientResources() { Q_INIT_RESOURCE(client); }

bool PythonClient::install(const QString &dir, QString *error)
{
    initClientResources();
    QDirIterator it(QStringLiteral(":/client"), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = dir + source.mid(int(qstrlen(":/client")));
        QFile in(source);
        if (!in.open(QIODevice::ReadOnly))
            continue;
        const QByteArray content = in.readAll();
        QFile existing(target);
        if (existing.open(QIODevice::ReadOnly) && existing.readAll() == content)
            continue;
        existing.close();
        QDir().mkpath(QFileInfo(target).absolutePath());
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(content) != content.size() || !out.commit()) {
            if (error)
                *error = QCoreApplication::translate("PythonClient", "Cannot write the logging client to %1.")
                             .arg(QDir::toNativeSeparators(target));
            return false;
        }
    }
    return true;
}
