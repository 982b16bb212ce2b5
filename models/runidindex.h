#pragma once

#include <QHash>
#include <QString>

#include <vector>

// Which row holds a run id, for a model whose rows only ever grow (until it
// starts over with clear()). An open-addressing table of (the id's hash,
// row): a lookup compares hashes and reads a run id, through the owner's
// rows, only where they match. A QHash<QString, int> compared the
// id asked for with every id on its probe path, and a million new runs,
// each looked up and then inserted, waited on memory for most of it.
class RunIdIndex
{
public:
    void clear();
    void reserve(qsizetype count);
    qsizetype size() const { return m_size; }

    // The row of runId, or -1; idOfRow(row) gives the run id a row holds.
    template<typename IdOfRow>
    int find(const QString &runId, IdOfRow idOfRow) const
    {
        if (m_slots.empty())
            return -1;
        const size_t hash = qHash(runId);
        for (size_t i = hash & m_mask;; i = (i + 1) & m_mask) {
            const Slot &slot = m_slots[i];
            if (slot.row < 0)
                return -1;
            if (slot.hash == hash && idOfRow(slot.row) == runId)
                return slot.row;
        }
    }
    // Adds a run id that is not in the index yet.
    void insert(const QString &runId, int row);

private:
    struct Slot
    {
        size_t hash = 0;
        int row = -1; // -1: empty
    };
    void rehash(size_t capacity);
    void place(size_t hash, int row);

    std::vector<Slot> m_slots; // a power of two, at most half full
    size_t m_mask = 0;
    qsizetype m_size = 0;
};
