#include "regularfile.h"

#include <QCoreApplication>
#include <QDir>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("RegularFile", text); }

QString kindOf(mode_t mode)
{
    if (S_ISDIR(mode))
        return QCoreApplication::translate("RegularFile", "a folder");
    if (S_ISFIFO(mode))
        return QCoreApplication::translate("RegularFile", "a FIFO");
    if (S_ISSOCK(mode))
        return QCoreApplication::translate("RegularFile", "a socket");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QCoreApplication::translate("RegularFile", "a device");
    if (S_ISLNK(mode))
        return QCoreApplication::translate("RegularFile", "a link");
    return QCoreApplication::translate("RegularFile", "a special file");
}

} // namespace

bool RegularFile::open(QFile &file, const QString &path, Mode mode, QString *error)
{
    const QString shown = QDir::toNativeSeparators(path);
    int flags = O_NONBLOCK | O_CLOEXEC | O_NOCTTY;
    if (mode != Mode::ReadThroughLinks)
        flags |= O_NOFOLLOW;
    flags |= mode == Mode::Append ? (O_WRONLY | O_APPEND | O_CREAT) : O_RDONLY;
    int fd;
    do
        fd = ::open(QFile::encodeName(path).constData(), flags, 0666);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        if (error) {
            const int code = errno;
            struct stat st;
            // O_NOFOLLOW fails with ELOOP on a link; say what it is instead.
            if (code == ELOOP && ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISLNK(st.st_mode))
                *error = tr("%1 is a link, not a regular file; Runbench does not follow it.").arg(shown);
            else
                *error = tr("Cannot open %1: %2.").arg(shown, QString::fromLocal8Bit(std::strerror(code)));
        }
        return false;
    }
    struct stat st;
    const bool known = ::fstat(fd, &st) == 0;
    if (!known || !S_ISREG(st.st_mode)) {
        ::close(fd);
        if (error)
            *error = known ? tr("%1 is %2, not a regular file; Runbench does not open it.").arg(shown, kindOf(st.st_mode))
                           : tr("Cannot examine %1.").arg(shown);
        return false;
    }
    // Regular files never block; the flag only mattered for opening.
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    const QIODevice::OpenMode qtMode
        = mode == Mode::Append ? (QIODevice::WriteOnly | QIODevice::Append) : QIODevice::ReadOnly;
    if (!file.open(fd, qtMode, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        if (error)
            *error = tr("Cannot open %1: %2.").arg(shown, file.errorString());
        return false;
    }
    return true;
}

QByteArray RegularFile::read(const QString &path, qint64 maxBytes)
{
    QFile file;
    if (!open(file, path, Mode::Read))
        return {};
    return file.read(maxBytes);
}
