#pragma once

#include <QString>
#include <QStringList>

// The options of the [slurm] group of project.ini.
struct SlurmSettings
{
    QString partition; // --partition; "" for the cluster's default
    QString timeLimit; // --time, as Slurm reads it ("30", "2:00:00", "1-0")
    int cpusPerTask = 0; // --cpus-per-task; 0 leaves it to Slurm
    QString memory; // --mem ("4G")
    QString gres; // --gres ("gpu:1")
    QStringList extraOptions; // more sbatch options, one argument each ("--qos=high")
    QStringList setupLines; // shell lines run on the node before the script ("module load python/3.11")
    double pollSeconds = 2; // how often the scheduler is asked about the project's jobs

    bool operator==(const SlurmSettings &other) const;
    // The non-empty lines of a multi-line setting, trimmed.
    static QStringList lines(const QString &text)
    {
        QStringList result;
        for (const QString &line : text.split(QLatin1Char('\n')))
            if (!line.trimmed().isEmpty())
                result.append(line.trimmed());
        return result;
    }
};
