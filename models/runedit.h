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

    bool isEmpty() const
    {
        return !name && !description && !hidden && !tags && addTags.isEmpty() && removeTags.isEmpty();
    }
};
