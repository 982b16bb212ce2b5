#include "fileentries.h"

#include <QFile>

#include <dirent.h>
#include <unistd.h>

bool FileEntries::list(const QString &folder, QStringList *names)
{
    DIR *dir = ::opendir(QFile::encodeName(folder).constData());
    if (!dir)
        return false;
    while (const dirent *e = ::readdir(dir)) {
        const QString name = QFile::decodeName(e->d_name);
        if (name != QLatin1String(".") && name != QLatin1String(".."))
            names->append(name);
    }
    ::closedir(dir);
    names->sort();
    return true;
}

QString FileEntries::readLink(const QString &path)
{
    QByteArray buffer(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), buffer.data(), size_t(buffer.size()));
    return n < 0 ? QString() : QFile::decodeName(buffer.left(int(n)));
}
