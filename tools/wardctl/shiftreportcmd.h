#pragma once
// `wardctl shift-report`: the charge nurse's shift report (records/shiftreport.h) from a station's
// log file, as text on stdout and optionally JSON, CSV and PDF.
#include <QStringList>
#include <QTextStream>

namespace ww::offline {

struct ShiftReportCmdOptions
{
    QString log, from, to;          // from, to: ISO 8601 (UTC unless it says otherwise) or epoch seconds
    QString jsonOut, csvOut, pdfOut;
    int bedsThroughout = 0;         // --beds N: N beds occupied throughout when the census record has no entries
};

// The report of the options' period: Done, BadInput (an option or the log named with the reason) or
// Failure (an output could not be written). The PDF needs a QGuiApplication.
int shiftReport(const ShiftReportCmdOptions& options, QTextStream& out, QTextStream& err);

// Parses the command line after "shift-report" (args[0] is the program) and runs it.
int shiftReportCommand(const QStringList& args, QTextStream& err);

} // namespace ww::offline
