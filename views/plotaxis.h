#pragma once

#include <QColor>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

// One axis of the sweep charts: maps values onto 0…1, linear or log, or
// categories onto evenly spaced places, and names its ticks.
class PlotAxis
{
public:
    void setRange(double min, double max, bool log);
    void setCategories(const QStringList &categories);
    bool isLog() const { return m_log; }
    bool isCategorical() const { return m_categorical; }

    // NaN for a value the axis cannot show (none, or not positive on a log axis).
    double toUnit(double value) const;
    double fromUnit(double unit) const;
    // Where ticks go (0…1) and what they say.
    QVector<QPair<double, QString>> ticks(int most) const;
    QString label(double value) const;

    // A colour for 0…1 (dark blue through green to yellow, readable on light
    // and dark backgrounds).
    static QColor colorAt(double unit);

private:
    double m_min = 0;
    double m_max = 1;
    bool m_log = false;
    bool m_categorical = false;
    QStringList m_categories;
};
