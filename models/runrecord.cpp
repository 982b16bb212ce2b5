#include "runrecord.h"

#include <QCoreApplication>

#include <cmath>

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Queued: return QStringLiteral("Queued");
    case RunStatus::Preparing: return QStringLiteral("Preparing");
    case RunStatus::Running: return QStringLiteral("Running");
    case RunStatus::Completed: return QStringLiteral("Completed");
    case RunStatus::Failed: return QStringLiteral("Failed");
    case RunStatus::Canceled: return QStringLiteral("Canceled");
    case RunStatus::Lost: return QStringLiteral("Lost");
    }
    return QStringLiteral("Lost");
}

QString runStatusText(RunStatus status)
{
    static const char *const names[] = {
        QT_TRANSLATE_NOOP("RunStatus", "Queued"),  QT_TRANSLATE_NOOP("RunStatus", "Preparing"),
        QT_TRANSLATE_NOOP("RunStatus", "Running"), QT_TRANSLATE_NOOP("RunStatus", "Completed"),
        QT_TRANSLATE_NOOP("RunStatus", "Failed"),  QT_TRANSLATE_NOOP("RunStatus", "Canceled"),
        QT_TRANSLATE_NOOP("RunStatus", "Lost"),
    };
    return QCoreApplication::translate("RunStatus", names[int(status)]);
}

RunStatus runStatusFromName(const QString &name)
{
    static const RunStatus all[] = { RunStatus::Queued, RunStatus::Preparing, RunStatus::Running, RunStatus::Completed,
                                     RunStatus::Failed, RunStatus::Canceled,  RunStatus::Lost };
    for (RunStatus s : all)
        if (runStatusName(s) == name)
            return s;
    return RunStatus::Lost;
}

bool isFinished(RunStatus status)
{
    return status == RunStatus::Completed || status == RunStatus::Failed || status == RunStatus::Canceled
        || status == RunStatus::Lost;
}

QVariant MetricSummary::lastValue() const
{
    switch (kind) {
    case MetricKind::Text: return lastText;
    case MetricKind::Bool: return last != 0;
    case MetricKind::Number:
    case MetricKind::List: break;
    }
    return last;
}

QString encodeSkipReasons(const QMap<QString, int> &reasons)
{
    QStringList lines;
    for (auto it = reasons.cbegin(); it != reasons.cend(); ++it) {
        QString reason = it.key();
        reason.replace(QLatin1Char('\n'), QLatin1Char(' '));
        lines.append(QString::number(it.value()) + QLatin1Char('\t') + reason);
    }
    return lines.join(QLatin1Char('\n'));
}

QMap<QString, int> decodeSkipReasons(const QString &text)
{
    QMap<QString, int> reasons;
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const int tab = int(line.indexOf(QLatin1Char('\t')));
        bool ok = false;
        const int count = line.left(tab).toInt(&ok);
        if (tab > 0 && ok)
            reasons[line.mid(tab + 1)] += count;
    }
    return reasons;
}
