#include "metricline.h"

#include <QByteArray>
#include <QCoreApplication>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

namespace {

QString tr(const char *text) { return QCoreApplication::translate("MetricLineReader", text); }

// A nested run's status as stored ("Completed"), from ours or MLflow's
// names, any case; "" for anything else.
QString runEventStatus(const QString &status)
{
    const QString s = status.toLower();
    if (s == QLatin1String("running"))
        return QStringLiteral("Running");
    if (s == QLatin1String("completed") || s == QLatin1String("finished"))
        return QStringLiteral("Completed");
    if (s == QLatin1String("failed"))
        return QStringLiteral("Failed");
    if (s == QLatin1String("canceled") || s == QLatin1String("killed"))
        return QStringLiteral("Canceled");
    return QString();
}

// A small strict JSON reader for exactly one object per line. It accepts the
// non-standard NaN/Infinity literals Python writes, refuses everything else
// that is not JSON, and never recurses deeper than MetricLine::MaxDepth.
class MetricLineReader
{
public:
    MetricLineReader(const char *data, qsizetype size)
        : m_p(data)
        , m_end(data + size)
    { }

    bool parseRecord(MetricRecord *out, QString *error)
    {
        bool haveName = false;
        bool haveValue = false;
        skipSpace();
        if (!consume('{'))
            return fail(error, tr("The line is not a JSON object."));
        skipSpace();
        if (consume('}'))
            return fail(error, tr("The line has no \"name\" and \"value\"."));
        for (;;) {
            skipSpace();
            QString key;
            if (!parseString(&key, MetricLine::MaxTextLength))
                return fail(error, m_error.isEmpty() ? tr("A key is not a string.") : m_error);
            skipSpace();
            if (!consume(':'))
                return fail(error, tr("A ':' is missing after a key."));
            skipSpace();
            if (key == QLatin1String("name")) {
                if (!parseString(&out->name, MetricLine::MaxNameLength))
                    return fail(error, m_error.isEmpty() ? tr("\"name\" is not a string.") : m_error);
                haveName = true;
            } else if (key == QLatin1String("value")) {
                if (!parseValue(out))
                    return fail(error, m_error);
                haveValue = true;
            } else if (key == QLatin1String("step")) {
                double step = 0;
                if (!parseNumber(&step) || !std::isfinite(step) || step != std::floor(step)
                    || std::fabs(step) > double(MetricLine::MaxStep))
                    return fail(error, tr("\"step\" is not an integer."));
                out->step = qint64(step);
                out->hasStep = true;
            } else if (key == QLatin1String("kind")) {
                QString kind;
                if (!parseString(&kind, 16))
                    return fail(error, tr("\"kind\" must be \"metric\", \"param\", \"tag\" or \"property\"."));
                if (kind == QLatin1String("metric"))
                    out->role = ValueRole::Metric;
                else if (kind == QLatin1String("param"))
                    out->role = ValueRole::Param;
                else if (kind == QLatin1String("tag"))
                    out->role = ValueRole::Tag;
                else if (kind == QLatin1String("property"))
                    out->isProperty = true;
                else
                    return fail(error, tr("\"kind\" must be \"metric\", \"param\", \"tag\" or \"property\"."));
            } else if (key == QLatin1String("run")) {
                if (!parseString(&out->run, MetricLine::MaxRunLabelLength) || out->run.trimmed().isEmpty())
                    return fail(error,
                                tr("\"run\" must name a nested run in at most %1 characters.")
                                    .arg(MetricLine::MaxRunLabelLength));
            } else if (key == QLatin1String("status")) {
                QString status;
                if (!parseString(&status, 32) || (out->runStatus = runEventStatus(status)).isEmpty())
                    return fail(error, tr("\"status\" must be Running, Completed, Failed or Canceled."));
            } else if (key == QLatin1String("time")) {
                double t = 0;
                if (!parseNumber(&t) || !std::isfinite(t))
                    return fail(error, tr("\"time\" is not a finite number."));
                out->time = t;
            } else if (!skipValue(1)) {
                return fail(error, m_error.isEmpty() ? tr("A value is not valid JSON.") : m_error);
            }
            skipSpace();
            if (consume(','))
                continue;
            if (consume('}'))
                break;
            return fail(error, tr("A ',' or '}' is missing (the line may be cut short)."));
        }
        skipSpace();
        if (m_p != m_end)
            return fail(error, tr("There is text after the JSON object."));
        if (!out->runStatus.isEmpty()) {
            if (out->run.isEmpty())
                return fail(error, tr("A line with \"status\" must name its nested run in \"run\"."));
            if (haveValue)
                return fail(error, tr("A nested run's event has no \"value\"."));
            return true;
        }
        if (!haveName || out->name.trimmed().isEmpty())
            return fail(error, tr("The line has no metric name."));
        if (!haveValue)
            return fail(error, tr("The line has no \"value\"."));
        if (out->isProperty && out->kind == MetricKind::List)
            return fail(error, tr("A property is a single value, not a list."));
        return true;
    }

private:
    bool fail(QString *error, const QString &message)
    {
        if (error)
            *error = message;
        return false;
    }

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r' || *m_p == '\n'))
            ++m_p;
    }

    bool consume(char c)
    {
        if (m_p < m_end && *m_p == c) {
            ++m_p;
            return true;
        }
        return false;
    }

    bool consumeWord(const char *word)
    {
        const auto n = qsizetype(std::strlen(word));
        if (m_end - m_p >= n && std::memcmp(m_p, word, size_t(n)) == 0) {
            m_p += n;
            return true;
        }
        return false;
    }

    bool parseValue(MetricRecord *out)
    {
        if (m_p >= m_end) {
            m_error = tr("\"value\" is missing.");
            return false;
        }
        const char c = *m_p;
        if (c == '"') {
            out->kind = MetricKind::Text;
            if (!parseString(&out->text, MetricLine::MaxTextLength)) {
                if (m_error.isEmpty())
                    m_error = tr("\"value\" is not a valid string.");
                return false;
            }
            return true;
        }
        if (consumeWord("true")) {
            out->kind = MetricKind::Bool;
            out->numbers = { 1.0 };
            return true;
        }
        if (consumeWord("false")) {
            out->kind = MetricKind::Bool;
            out->numbers = { 0.0 };
            return true;
        }
        if (c == '[') {
            ++m_p;
            out->kind = MetricKind::List;
            out->numbers.clear();
            skipSpace();
            if (consume(']'))
                return true;
            for (;;) {
                skipSpace();
                double v = 0;
                if (!parseNumber(&v)) {
                    m_error = tr("A list may only hold numbers.");
                    return false;
                }
                out->numbers.append(v);
                skipSpace();
                if (consume(','))
                    continue;
                if (consume(']'))
                    return true;
                m_error = tr("A list is not closed with ']'.");
                return false;
            }
        }
        double v = 0;
        if (parseNumber(&v)) {
            out->kind = MetricKind::Number;
            out->numbers = { v };
            return true;
        }
        m_error = c == '{' || c == 'n' ? tr("\"value\" must be a number, true/false, a string or a list of numbers.")
                                       : tr("\"value\" is not valid JSON.");
        return false;
    }

    bool parseNumber(double *out)
    {
        if (consumeWord("NaN")) {
            *out = std::numeric_limits<double>::quiet_NaN();
            return true;
        }
        if (consumeWord("Infinity")) {
            *out = std::numeric_limits<double>::infinity();
            return true;
        }
        if (consumeWord("-Infinity")) {
            *out = -std::numeric_limits<double>::infinity();
            return true;
        }
        const char *start = m_p;
        const char *p = m_p;
        if (p < m_end && *p == '-')
            ++p;
        if (p >= m_end || !(*p >= '0' && *p <= '9'))
            return false;
        if (*p == '0')
            ++p;
        else
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
        if (p < m_end && *p == '.') {
            ++p;
            if (p >= m_end || !(*p >= '0' && *p <= '9'))
                return false;
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
        }
        if (p < m_end && (*p == 'e' || *p == 'E')) {
            ++p;
            if (p < m_end && (*p == '+' || *p == '-'))
                ++p;
            if (p >= m_end || !(*p >= '0' && *p <= '9'))
                return false;
            while (p < m_end && *p >= '0' && *p <= '9')
                ++p;
        }
        // from_chars never looks at the locale: the C library's own
        // conversion follows LC_NUMERIC (which Qt sets from the environment),
        // and on a de_DE desktop it stopped at the '.', every value read 0.
        const std::from_chars_result r = std::from_chars(start, p, *out);
        if (r.ec == std::errc::result_out_of_range)
            *out = outOfRange(start, p);
        else if (r.ec != std::errc() || r.ptr != p)
            return false;
        m_p = p;
        return true;
    }

    // What a number past double's range reads as: ±infinity when
    // it is too large, ±0 when too small (its first digit's power of ten
    // tells which).
    static double outOfRange(const char *start, const char *end)
    {
        const bool negative = *start == '-';
        const char *digits = negative ? start + 1 : start;
        const char *mantissaEnd = std::find_if(digits, end, [](char c) { return c == 'e' || c == 'E'; });
        const char *point = std::find(digits, mantissaEnd, '.');
        const char *first = std::find_if(digits, mantissaEnd, [](char c) { return c >= '1' && c <= '9'; });
        long long power = first < point ? point - first - 1 : -(first - point);
        if (mantissaEnd < end) {
            const char *p = mantissaEnd + 1;
            const bool negativeExponent = *p == '-';
            if (*p == '+' || *p == '-')
                ++p;
            long long exponent = 0;
            for (; p < end && exponent < 1000000; ++p)
                exponent = exponent * 10 + (*p - '0');
            power += negativeExponent ? -exponent : exponent;
        }
        const double magnitude = first < mantissaEnd && power > 0 ? std::numeric_limits<double>::infinity() : 0.0;
        return negative ? -magnitude : magnitude;
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool parseHex4(char16_t *out)
    {
        if (m_end - m_p < 4)
            return false;
        int v = 0;
        for (int i = 0; i < 4; ++i) {
            const int h = hexValue(m_p[i]);
            if (h < 0)
                return false;
            v = v * 16 + h;
        }
        m_p += 4;
        *out = char16_t(v);
        return true;
    }

    bool parseString(QString *out, int maxLength)
    {
        m_error.clear();
        if (!consume('"'))
            return false;
        const char *start = m_p;
        // Fast path: no escapes.
        const char *p = m_p;
        while (p < m_end && *p != '"' && *p != '\\' && static_cast<unsigned char>(*p) >= 0x20)
            ++p;
        if (p < m_end && *p == '"') {
            *out = QString::fromUtf8(start, int(p - start));
            m_p = p + 1;
            return checkLength(*out, maxLength);
        }
        QString s = QString::fromUtf8(start, int(p - start));
        m_p = p;
        QByteArray pending; // raw UTF-8 bytes between escapes
        while (m_p < m_end) {
            const char c = *m_p++;
            if (c == '"') {
                s += QString::fromUtf8(pending);
                *out = s;
                return checkLength(*out, maxLength);
            }
            if (static_cast<unsigned char>(c) < 0x20) {
                m_error = tr("A string holds a raw control character.");
                return false;
            }
            if (c != '\\') {
                pending.append(c);
                continue;
            }
            s += QString::fromUtf8(pending);
            pending.clear();
            if (m_p >= m_end)
                break;
            const char e = *m_p++;
            switch (e) {
            case '"': s += QLatin1Char('"'); break;
            case '\\': s += QLatin1Char('\\'); break;
            case '/': s += QLatin1Char('/'); break;
            case 'b': s += QLatin1Char('\b'); break;
            case 'f': s += QLatin1Char('\f'); break;
            case 'n': s += QLatin1Char('\n'); break;
            case 'r': s += QLatin1Char('\r'); break;
            case 't': s += QLatin1Char('\t'); break;
            case 'u': {
                char16_t u = 0;
                if (!parseHex4(&u)) {
                    m_error = tr("A string has a bad \\u escape.");
                    return false;
                }
                s += QChar(u);
                break;
            }
            default: m_error = tr("A string has an unknown escape."); return false;
            }
            if (s.size() > maxLength)
                return checkLength(s, maxLength);
        }
        m_error = tr("A string is not closed (the line may be cut short).");
        return false;
    }

    bool checkLength(const QString &s, int maxLength)
    {
        if (s.size() > maxLength) {
            m_error = tr("A string is longer than %1 characters.").arg(maxLength);
            return false;
        }
        if (s.contains(QChar(0))) {
            m_error = tr("A string holds a NUL character.");
            return false;
        }
        return true;
    }

    // Skips any JSON value (of a key we do not know), iteratively bounded.
    bool skipValue(int depth)
    {
        if (depth > MetricLine::MaxDepth) {
            m_error = tr("The line is nested deeper than %1 levels.").arg(MetricLine::MaxDepth);
            return false;
        }
        skipSpace();
        if (m_p >= m_end)
            return false;
        const char c = *m_p;
        if (c == '"') {
            QString ignored;
            return parseString(&ignored, MetricLine::MaxTextLength);
        }
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_p;
            skipSpace();
            if (consume(close))
                return true;
            for (;;) {
                skipSpace();
                if (c == '{') {
                    QString ignored;
                    if (!parseString(&ignored, MetricLine::MaxTextLength))
                        return false;
                    skipSpace();
                    if (!consume(':'))
                        return false;
                }
                if (!skipValue(depth + 1))
                    return false;
                skipSpace();
                if (consume(','))
                    continue;
                return consume(close);
            }
        }
        if (consumeWord("true") || consumeWord("false") || consumeWord("null"))
            return true;
        double ignored = 0;
        return parseNumber(&ignored);
    }

    const char *m_p;
    const char *m_end;
    QString m_error;
};

} // namespace

bool MetricLine::parse(const char *data, qsizetype size, MetricRecord *out, QString *error)
{
    *out = MetricRecord();
    MetricLineReader reader(data, size);
    return reader.parseRecord(out, error);
}

bool MetricLine::parse(const QByteArray &line, MetricRecord *out, QString *error)
{
    return parse(line.constData(), line.size(), out, error);
}
