#pragma once
// The charge nurse's shift report on screen (records/shiftreport.h): the ward's alarm burden, time
// to acknowledge per priority, the most frequent conditions, likely nuisance alarms and a section
// per patient, with Save PDF… and Save CSV…. The PDF is the same HTML printed on A4.
#include "records/shiftreport.h"

#include <QWidget>

class QLabel;
class QTextBrowser;

namespace ww {

class ShiftReportView : public QWidget
{
    Q_OBJECT
public:
    explicit ShiftReportView(QWidget* parent = nullptr);
    void setReport(const ShiftReport& report);
    [[nodiscard]] const ShiftReport& report() const { return m_report; }
    // Builds the report of [fromMs, toMs] from the log file on a worker thread and shows it; loaded
    // says whether it could be read (the view shows why not).
    void load(const QString& logPath, qint64 fromMs, qint64 toMs, const ShiftReportOptions& options);

    // The report as HTML (what the view shows and the PDF prints).
    [[nodiscard]] static QString toHtml(const ShiftReport& report);
    // A4 PDF; needs a QGuiApplication (fonts). False with error naming the file when not written.
    static bool writePdf(const ShiftReport& report, const QString& path, QString* error = nullptr);
    static bool writeCsv(const ShiftReport& report, const QString& path, QString* error = nullptr);

Q_SIGNALS:
    void loaded(bool ok);

private:
    ShiftReport m_report;
    QLabel* m_status;
    QTextBrowser* m_text;
    int m_generation = 0;
    bool m_hasReport = false; // m_report is shown (not an error)
};

} // namespace ww
