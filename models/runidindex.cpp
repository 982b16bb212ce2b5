#include "runidindex.h"

#include <utility>

void RunIdIndex::clear()
{
    m_slots.clear();
    m_mask = 0;
    m_size = 0;
}

void RunIdIndex::reserve(qsizetype count)
{
    size_t capacity = 16;
    while (capacity < size_t(count) * 2)
        capacity *= 2;
    if (capacity > m_slots.size())
        rehash(capacity);
}

void RunIdIndex::insert(const QString &runId, int row)
{
    if (size_t(m_size + 1) * 2 > m_slots.size())
        rehash(qMax<size_t>(16, m_slots.size() * 2));
    place(qHash(runId), row);
    ++m_size;
}

void RunIdIndex::place(size_t hash, int row)
{
    size_t i = hash & m_mask;
    while (m_slots[i].row >= 0)
        i = (i + 1) & m_mask;
    m_slots[i] = { hash, row };
}

void RunIdIndex::rehash(size_t capacity)
{
    std::vector<Slot> old = std::exchange(m_slots, std::vector<Slot>(capacity));
    m_mask = capacity - 1;
    for (const Slot &slot : old)
        if (slot.row >= 0)
            place(slot.hash, slot.row);
}
