#pragma once
// A room's or a floor's climate compliance over a period (records/climatereport.h), from the
// station's climate record and, for who acknowledged, its alarm log: on screen, saved as PDF and
// CSV for facilities to sign. Readings come from the finest tier that still covers the period
// (raw, then minute, then hour means); built on a worker.
#include "records/climatereport.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;

namespace ww {

struct Site;

class ClimateReportDialog : public QDialog
{
    Q_OBJECT
public:
    ClimateReportDialog(const Site& site, QString climatePath, QString logPath, QStringList roomIds, qint64 fromMs, qint64 toMs,
                        qint64 nowMs, QWidget* parent = nullptr);
    [[nodiscard]] const std::vector<ClimateReport>& reports() const { return m_reports; }
    [[nodiscard]] QString text() const;
    bool savePdf(const QString& file) const;
    bool saveCsv(const QString& file) const;

Q_SIGNALS:
    void loaded(int rooms);

private:
    QPlainTextEdit* m_text;
    QLabel* m_status;
    std::vector<ClimateReport> m_reports;
    QString m_logError; // the alarm log could not be read: who acknowledged is unknown
};

} // namespace ww
