// libFuzzer target: the dashboard's filter box. Any text either parses or
// gives an error sentence, and a parsed filter can be applied to a run.
#include "runfilter.h"

#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const RunFilter filter = RunFilter::parse(
        text, { QStringLiteral("Accuracy"), QStringLiteral("Regularization Rate"), QStringLiteral("정확도") });
    if (!filter.isValid()) {
        if (filter.errorString().isEmpty())
            std::abort();
        return 0;
    }
    RunRecord run;
    run.runId = QStringLiteral("Fuzz_1");
    run.number = 3;
    run.script = QStringLiteral("iris_sklearn.py");
    run.arguments = { QStringLiteral("0.01") };
    run.status = RunStatus::Completed;
    run.startUs = 1;
    run.endUs = 2000001;
    run.exitCode = 0;
    run.tags = { QStringLiteral("tuned") };
    filter.matches(run, [](const QString &key) -> std::optional<QVariant> {
        if (key == QLatin1String("Accuracy"))
            return QVariant(0.97);
        if (key == QLatin1String("정확도"))
            return QVariant(QStringLiteral("high"));
        return std::nullopt;
    });
    return 0;
}
