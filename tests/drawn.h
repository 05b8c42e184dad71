#pragma once
// What a widget drew, for the offscreen UI tests: checks that fail when a view drew nothing.
#include <QColor>
#include <QImage>
#include <QSet>
#include <QTableView>
#include <QWidget>

namespace ww::test {

// How many colours an image has, counted up to `enough`: a widget that drew nothing is one flat
// colour; text, grid lines and plots bring dozens (anti-aliasing).
inline int colours(const QImage& image, int enough = 64)
{
    const QImage im = image.convertToFormat(QImage::Format_RGB32);
    QSet<QRgb> seen;
    for (int y = 0; y < im.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(im.constScanLine(y));
        for (int x = 0; x < im.width(); ++x) {
            if (x > 0 && line[x] == line[x - 1])
                continue; // flat runs cost no look-up
            seen.insert(line[x]);
            if (int(seen.size()) >= enough)
                return enough;
        }
    }
    return int(seen.size());
}

// What a tab's page drew: each table on it with rows drew them (text in its viewport), and the
// page as a whole is not one flat colour. Empty when it did; else what did not.
inline QString undrawn(QWidget* page)
{
    const QImage drawn = page->grab().toImage();
    QList<QTableView*> tables = page->findChildren<QTableView*>();
    if (auto* table = qobject_cast<QTableView*>(page))
        tables << table;
    for (QTableView* t : tables)
        if (t->isVisible() && t->model() && t->model()->rowCount() > 0) {
            const QRect rows(t->viewport()->mapTo(page, QPoint(0, 0)), t->viewport()->size());
            if (const int n = colours(drawn.copy(rows)); n < 16)
                return QStringLiteral("table %1: %2 colours").arg(t->objectName()).arg(n);
        }
    if (const int n = colours(drawn); n < 16)
        return QStringLiteral("page: %1 colours").arg(n);
    return {};
}

} // namespace ww::test
