#include "codeviewer.h"

#include "regularfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

#ifdef RUNBENCH_HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/SyntaxHighlighter>
#include <KSyntaxHighlighting/Theme>
#include <ksyntaxhighlighting_version.h>

namespace {
// One repository for the whole application, as KSyntaxHighlighting's
// examples do, owned by the application object: it goes with it, never
// after it as a static would (Kate's KateApp owns its repository too).
class RepositoryHolder : public QObject
{
public:
    using QObject::QObject;
    KSyntaxHighlighting::Repository repository;
};

KSyntaxHighlighting::Repository &repository()
{
    static QPointer<RepositoryHolder> holder; // a weak reference only
    if (!holder)
        holder = new RepositoryHolder(QCoreApplication::instance());
    return holder->repository;
}
} // namespace
#endif

CodeViewer::CodeViewer(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
#ifdef RUNBENCH_HAVE_KSYNTAXHIGHLIGHTING
    m_highlighter = new KSyntaxHighlighting::SyntaxHighlighter(document());
    applyTheme();
#endif
}

QString CodeViewer::highlightingVersion()
{
#ifdef RUNBENCH_HAVE_KSYNTAXHIGHLIGHTING
    return QStringLiteral(SyntaxHighlighting_VERSION_STRING);
#else
    return QString();
#endif
}

void CodeViewer::applyTheme()
{
#ifdef RUNBENCH_HAVE_KSYNTAXHIGHLIGHTING
    const KSyntaxHighlighting::Theme theme = repository().themeForPalette(palette());
    m_highlighter->setTheme(theme);
    m_highlighter->rehighlight();
#endif
}

void CodeViewer::setDefinitionFor(const QString &fileName)
{
#ifdef RUNBENCH_HAVE_KSYNTAXHIGHLIGHTING
    m_highlighter->setDefinition(repository().definitionForFileName(fileName));
#else
    Q_UNUSED(fileName)
#endif
}

void CodeViewer::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    QPlainTextEdit::changeEvent(event);
}

void CodeViewer::showText(const QString &text, const QString &fileNameForSyntax)
{
    ++m_generation; // a file still loading must not replace this text
    m_path.clear();
    setDefinitionFor(fileNameForSyntax);
    setPlainText(text);
}

void CodeViewer::showFile(const QString &path, qint64 maxBytes, bool fromEnd)
{
    const int generation = ++m_generation;
    m_path = path;
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, generation, path] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // the user moved on
        setDefinitionFor(QFileInfo(path).fileName());
        setPlainText(watcher->result());
        if (property("followEnd").toBool())
            moveCursor(QTextCursor::End);
        Q_EMIT fileShown(path);
    });
    watcher->setFuture(QtConcurrent::run([path, maxBytes, fromEnd]() -> QString {
        QFile file;
        QString error;
        if (!RegularFile::open(file, path, RegularFile::Mode::ReadThroughLinks, &error))
            return QLatin1Char('(') + error + QLatin1Char(')');
        const qint64 size = file.size();
        QString notice;
        if (size > maxBytes) {
            if (fromEnd)
                file.seek(size - maxBytes);
            notice = tr("(showing %1 of %2 bytes)").arg(maxBytes).arg(size);
        }
        const QByteArray bytes = file.read(maxBytes);
        if (bytes.contains('\0'))
            return tr("(%1 is a binary file)").arg(QFileInfo(path).fileName());
        const QString text = QString::fromUtf8(bytes);
        if (notice.isEmpty())
            return text;
        return fromEnd ? notice + QLatin1Char('\n') + text : text + QLatin1Char('\n') + notice;
    }));
}
