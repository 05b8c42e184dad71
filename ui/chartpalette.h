#pragma once
// Charts drawn in the window's palette (base as background, text for axes and labels), now and at
// every change of theme: a white chart in the dark theme would glare at night.
class QChart;
class QCustomPlot;

namespace ww {

void followPalette(QCustomPlot* plot);
void followPalette(QChart* chart);

} // namespace ww
