#include "plotaxis.h"

#include <QLocale>

#include <cmath>
#include <limits>

void PlotAxis::setRange(double min, double max, bool log)
{
    m_categorical = false;
    m_log = log && min > 0 && max > 0;
    m_min = m_log ? std::log10(min) : min;
    m_max = m_log ? std::log10(max) : max;
    if (m_max <= m_min) { // one value: put it in the middle
        const double pad = m_log ? 0.5 : (m_min == 0 ? 1 : std::abs(m_min) * 0.1);
        m_min -= pad;
        m_max += pad;
    }
}

void PlotAxis::setCategories(const QStringList &categories)
{
    m_categorical = true;
    m_log = false;
    m_categories = categories;
    m_min = -0.5;
    m_max = qMax(0.5, double(categories.size()) - 0.5);
}

double PlotAxis::toUnit(double value) const
{
    if (!std::isfinite(value) || (m_log && value <= 0))
        return std::numeric_limits<double>::quiet_NaN();
    const double v = m_log ? std::log10(value) : value;
    return (v - m_min) / (m_max - m_min);
}

double PlotAxis::fromUnit(double unit) const
{
    const double v = m_min + unit * (m_max - m_min);
    return m_log ? std::pow(10.0, v) : v;
}

QString PlotAxis::label(double value) const
{
    if (m_categorical) {
        const int i = int(std::lround(value));
        return m_categories.value(i);
    }
    return QLocale().toString(value, 'g', 4);
}

QVector<QPair<double, QString>> PlotAxis::ticks(int most) const
{
    QVector<QPair<double, QString>> out;
    if (m_categorical) {
        const int n = int(m_categories.size());
        const int step = qMax(1, (n + most - 1) / qMax(1, most));
        for (int i = 0; i < n; i += step)
            out.append({ toUnit(i), m_categories.at(i) });
        return out;
    }
    if (m_log) {
        // powers of ten, with 2 and 5 between them over a short range
        const int first = int(std::floor(m_min));
        const int last = int(std::ceil(m_max));
        const bool fine = last - first <= 2;
        for (int e = first; e <= last; ++e) {
            for (double m : { 1.0, 2.0, 5.0 }) {
                if (m != 1.0 && !fine)
                    continue;
                const double v = m * std::pow(10.0, e);
                const double u = toUnit(v);
                if (u >= -1e-9 && u <= 1 + 1e-9)
                    out.append({ u, label(v) });
            }
        }
        return out;
    }
    const double span = m_max - m_min;
    const double raw = span / qMax(1, most);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : { 1.0, 2.0, 2.5, 5.0, 10.0 }) {
        step = m * magnitude;
        if (span / step <= most)
            break;
    }
    for (double v = std::ceil(m_min / step) * step; v <= m_max + step * 1e-9; v += step)
        out.append({ toUnit(v), label(std::abs(v) < step * 1e-9 ? 0 : v) });
    return out;
}

QColor PlotAxis::colorAt(double unit)
{
    // a few stops of matplotlib's viridis, linearly between them
    static const QColor stops[] = { QColor(68, 1, 84), QColor(59, 82, 139), QColor(33, 145, 140),
                                    QColor(94, 201, 98), QColor(253, 231, 37) };
    if (!std::isfinite(unit))
        return QColor(150, 150, 150);
    const double t = qBound(0.0, unit, 1.0) * 4;
    const int i = qMin(3, int(t));
    const double f = t - i;
    const QColor &a = stops[i];
    const QColor &b = stops[i + 1];
    return QColor::fromRgbF(float(a.redF() + (b.redF() - a.redF()) * f), float(a.greenF() + (b.greenF() - a.greenF()) * f),
                            float(a.blueF() + (b.blueF() - a.blueF()) * f));
}
