#pragma once
// Base of the live item models: a fixed set of rows (from the site), replaced in coalesced batches
// with one ranged dataChanged per run of consecutive rows. Live data never resets the model.
#include "core/rows.h"

#include <QAbstractTableModel>

namespace ww {

template <typename Row> class LiveTableModel : public QAbstractTableModel
{
public:
    explicit LiveTableModel(std::vector<Row> rows, QObject* parent) : QAbstractTableModel(parent), m_rows(std::move(rows)) {}

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : int(m_rows.size()); }

    [[nodiscard]] const Row& rowAt(int r) const { return m_rows[size_t(r)]; }
    [[nodiscard]] const std::vector<Row>& rows() const { return m_rows; }

    // changes are sorted by row (the core sends them so).
    void apply(const RowChanges<Row>& changes)
    {
        const int lastColumn = columnCount() - 1;
        size_t i = 0;
        while (i < changes.size()) {
            const int first = changes[i].first;
            int last = first;
            m_rows[size_t(first)] = changes[i].second;
            while (i + 1 < changes.size() && changes[i + 1].first == last + 1) {
                ++i;
                last = changes[i].first;
                m_rows[size_t(last)] = changes[i].second;
            }
            ++i;
            Q_EMIT dataChanged(index(first, 0), index(last, lastColumn));
        }
    }

    // The language changed: headers and texts are asked for again (they are rendered when shown).
    void retranslate()
    {
        if (const int columns = columnCount(); columns > 0) {
            Q_EMIT headerDataChanged(Qt::Horizontal, 0, columns - 1);
            if (!m_rows.empty())
                Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columns - 1));
        }
    }

protected:
    std::vector<Row> m_rows;
};

} // namespace ww
