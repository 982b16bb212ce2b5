#include "fileentries.h"

#include <QFile>

#include <dirent.h>
#include <sys/stat.h>
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

unsigned FileEntries::umask()
{
    // /proc tells the mask without the set-and-restore of umask(2), which
    // would race with other threads creating files.
    static const unsigned mask = [] {
        QFile status(QStringLiteral("/proc/self/status"));
        if (status.open(QIODevice::ReadOnly))
            for (const QByteArray &line : status.readAll().split('\n'))
                if (line.startsWith("Umask:")) {
                    bool ok = false;
                    const unsigned value = line.mid(6).trimmed().toUInt(&ok, 8);
                    if (ok)
                        return value;
                }
        const mode_t old = ::umask(022);
        ::umask(old);
        return unsigned(old);
    }();
    return mask;
}

unsigned FileEntries::defaultMode(bool executable) { return (executable ? 0777u : 0666u) & ~umask(); }

QString FileEntries::readLink(const QString &path)
{
    QByteArray buffer(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), buffer.data(), size_t(buffer.size()));
    return n < 0 ? QString() : QFile::decodeName(buffer.left(int(n)));
}
