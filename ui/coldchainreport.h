#pragma once
// A fridge's compliance report: the cold-chain record (domain/coldchain.h) of a chosen period from
// the station database, queried and computed on a worker thread, drawn and saved as PDF or JSON.
#include "domain/coldchain.h"
#include "domain/site.h"

#include <QDialog>

class QChartView;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPlainTextEdit;

namespace ww {

class TemperatureChart;

// A fridge's cold-chain record over a chosen period, from the station database.
class ColdChainReportDialog : public QDialog
{
    Q_OBJECT
public:
    ColdChainReportDialog(const Fridge& fridge, QString recordPath, QWidget* parent = nullptr);
    void setPeriod(qint64 fromMs, qint64 toMs); // and loads it
    [[nodiscard]] QString text() const;
    [[nodiscard]] const coldchain::Report& report() const { return m_report; }
    [[nodiscard]] int chartPoints() const;
    bool savePdf(const QString& file) const;
    bool saveJson(const QString& file) const;

Q_SIGNALS:
    void loaded(bool ok);

private:
    void showPeriod(qint64 fromMs, qint64 toMs);
    void load();
    Fridge m_fridge;
    QString m_path;
    QComboBox* m_period;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QChartView* m_chartView;
    TemperatureChart* m_chart;
    QPlainTextEdit* m_text;
    QLabel* m_status;
    coldchain::Report m_report;
    int m_generation = 0;
};

} // namespace ww
