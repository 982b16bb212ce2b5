#pragma once

#include <QString>
#include <QStringList>

#include <optional>

// What a user changes about a run: its name, description, tags, whether it
// is hidden. Fields left empty are kept as they are. Applied in one
// transaction by RunStore::editRun(), from the window through
// RunHistoryLoader::editRun() and from `runbench history edit`.
struct RunEdit
{
    std::optional<QString> name;
    std::optional<QString> description;
    std::optional<bool> hidden;
    std::optional<QStringList> tags; // replaces every tag
    QStringList addTags; // then these are added
    QStringList removeTags; // and these removed

    // Tags as stored: trimmed, without empty ones or repeats, in order.
    static QStringList cleanTags(const QStringList &tags)
    {
        QStringList clean;
        for (const QString &tag : tags)
            if (!tag.trimmed().isEmpty() && !clean.contains(tag.trimmed()))
                clean.append(tag.trimmed());
        return clean;
    }

    bool isEmpty() const
    {
        return !name && !description && !hidden && !tags && addTags.isEmpty() && removeTags.isEmpty();
    }
};
