#pragma once
// The ward on its floor plans: every floor of the site, one above the other, with its rooms,
// walls and gateways; patients, staff and assets where the positioning engine puts them, each
// with the circle it is 68 % sure of; rooms with an open alarm outlined in the alarm's colour.
// Paints only: positions come from the row models (filled by the core thread in batches).
#include "domain/site.h"

#include <QWidget>

#include <optional>
#include <vector>

namespace ww {

class WardModels;
class AlarmListModel;

class FloorPlanView : public QWidget
{
    Q_OBJECT
public:
    // alarms may be null (no outlines).
    FloorPlanView(const Site& site, WardModels& models, AlarmListModel* alarms = nullptr, QWidget* parent = nullptr);

    // Widget coordinates of a point of the site frame on a floor (for tests and tooltips).
    [[nodiscard]] QPointF toWidget(int floor, QPointF sitePoint) const;
    static QColor patientColour();
    static QColor staffColour();
    static QColor assetColour();

    // Places labels beside their marks, in the order given (the first wins): right, left, above,
    // below or diagonally, wherever a label overlaps no label placed before it, no mark and stays
    // inside bounds. A label with no free place is left out (its mark stays; the tooltip names it).
    [[nodiscard]] static std::vector<std::optional<QRectF>> placeLabels(const std::vector<QPointF>& marks,
                                                                        const std::vector<QSizeF>& sizes, const QRectF& bounds);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override; // tooltips: who is under the pointer
    QSize sizeHint() const override { return {1200, 800}; }

private:
    struct Layout
    {
        double scale = 1;        // pixels per metre
        std::vector<QPointF> origin; // per floor (in m_site.floors order): widget point of site (0, 0)
    };
    [[nodiscard]] Layout layoutFor(QSize size) const;
    [[nodiscard]] int floorIndex(int level) const;

    struct Mark
    {
        QPointF at;   // widget coordinates, as last painted
        QString text; // the tooltip's line
    };

    const Site& m_site;
    WardModels& m_models;
    AlarmListModel* m_alarms;
    std::vector<Mark> m_marks; // written by paintEvent, read by tooltips (GUI thread only)
};

} // namespace ww
