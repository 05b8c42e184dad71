#pragma once
// The ward on its floor plans: every floor of the site, one above the other, with its rooms,
// walls and gateways; patients, staff and assets where the positioning engine puts them, each
// with the circle it is 68 % sure of; rooms with an open alarm outlined in the alarm's colour.
// Paints only: positions come from the row models (filled by the core thread in batches).
#include "domain/site.h"

#include <QWidget>

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

protected:
    void paintEvent(QPaintEvent* event) override;
    QSize sizeHint() const override { return {1200, 800}; }

private:
    struct Layout
    {
        double scale = 1;        // pixels per metre
        std::vector<QPointF> origin; // per floor (in m_site.floors order): widget point of site (0, 0)
    };
    [[nodiscard]] Layout layoutFor(QSize size) const;
    [[nodiscard]] int floorIndex(int level) const;

    const Site& m_site;
    WardModels& m_models;
    AlarmListModel* m_alarms;
};

} // namespace ww
