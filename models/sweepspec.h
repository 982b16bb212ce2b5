#pragma once

#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

// A sweep's arguments: the script's arguments where value sets in braces
// stand for several values each. Read only where the user asks for a sweep
// (`runbench sweep`, the Sweep dialog); everywhere else braces are literal.
//   {0.01,0.1,1}         a list
//   {1..5}               the integers 1 to 5
//   {0.001..1:7}         7 values evenly spaced from 0.001 to 1
//   {0.001..1:7:log}     7 values spaced evenly on a log scale
//   \{                   a literal brace inside a sweep
// A set may sit inside an argument (--lr={0.1,1}, lr={1..3}); several sets
// make a grid of every combination, the last set changing fastest.
namespace SweepSpec {

struct Axis
{
    int argument = 0; // which argument holds the set
    QString label; // the set as written: "{0.01,0.1,1}"
    QStringList values;
};

struct Child
{
    int index = 0; // 0, 1, 2 … in the order the children run (RUNBENCH_SWEEP_INDEX)
    int repeat = 0; // 0 … K-1 (RUNBENCH_REPEAT)
    QStringList arguments;
    QVector<int> choice; // the value taken from each axis
};

struct Options
{
    int random = 0; // > 0: that many combinations drawn from the grid, without repeats
    quint32 seed = 0; // the same seed draws the same combinations
    int repeat = 1; // each combination this many times
};

// Most children one sweep may have.
constexpr qint64 MaxChildren = 100000;

struct Plan
{
    QVector<Axis> axes;
    qint64 combinations = 0; // of the grid
    QVector<Child> children;
    QString error; // a sentence; children is empty then
};

Plan expand(const QStringList &arguments, const Options &options = {});

// How a sweep's children ended, and so how its parent ends: Canceled when
// canceled with runs left, Failed when one failed, else Completed.
struct Outcome
{
    int total = 0;
    int completed = 0;
    int failed = 0;
    int canceled = 0;
    int ended = 0; // of the children started (or refused)
    bool canceling = false;

    void count(int status); // a RunStatus
    int notStarted() const { return total - ended; }
    int status() const; // a RunStatus
    int exitCode() const; // 0, 1, or 130 when canceled
    QString summary() const; // "6 of 8 runs completed, 2 failed."
};

// The values of one set written without its braces ("0.01,0.1,1",
// "1..5", "0.001..1:7:log"); nullopt and a sentence for anything else.
std::optional<QStringList> values(const QString &set, QString *error);

} // namespace SweepSpec

// Arguments read as named parameters: "--lr 0.1", "--lr=0.1" and "lr=0.1"
// are lr = 0.1; an option followed by another option or nothing is a flag
// ("true"); other arguments are arg1, arg2 … in order.
namespace NamedParameters {
QVector<QPair<QString, QString>> fromArguments(const QStringList &arguments);
// A child's arguments as lines of the logging contract (kind "param") at the
// end of its metrics file: stored like anything the script logs.
bool appendToMetricsFile(const QString &metricsFile, const QStringList &arguments, QString *error);
} // namespace NamedParameters
