#pragma once
// "Explain position" (the plan's context menu on a tag): why the station's engine placed a tag where
// it did. Non-modal; the question goes to the core thread (WardCore::explainTag), which keeps that
// tag's explanation while the window is open and answers with it; this window only shows the answer:
// per gateway the level heard, the level the model expects at the fix and the difference, the rooms
// weighed, the room decisions with their reasons, and the rooms the plan showed in the last minutes.
#include "core/explaintext.h"
#include "domain/site.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QGroupBox;
class QPushButton;
class QTableWidget;

namespace ww {

class WardCore;

class ExplainPositionWindow : public QDialog
{
    Q_OBJECT
public:
    static constexpr int Minutes = 5; // how far back the rooms shown go

    // subject: whose tag it is as the plan names them (a patient, staff member or asset).
    ExplainPositionWindow(const Site& site, WardCore* core, QString tagId, QString subject,
                          QWidget* parent = nullptr);
    ~ExplainPositionWindow() override;

    [[nodiscard]] const QString& tagId() const { return m_tagId; }
    // Asks the core again (Refresh); the answer replaces what is shown.
    void refresh();
    // What is shown (tests, Copy).
    [[nodiscard]] TagExplanation::Status status() const { return m_last.status; }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] QString summaryText() const;
    [[nodiscard]] QTableWidget* gatewayTable() const { return m_gateways; }
    [[nodiscard]] QTableWidget* roomTable() const { return m_rooms; }
    [[nodiscard]] QTableWidget* decisionTable() const { return m_decisions; }
    [[nodiscard]] QTableWidget* shownTable() const { return m_shown; }
    // The explanation as plain text, in the station's language (Copy as text).
    [[nodiscard]] QString text() const;

Q_SIGNALS:
    // An answer from the core is on screen.
    void explanationShown(ww::TagExplanation::Status status);

private:
    void retranslate();
    void showAnswer(const TagExplanation& e);
    [[nodiscard]] QString roomName(const QString& roomId) const;
    [[nodiscard]] static QString clock(double seconds);

    const Site& m_site;
    QPointer<WardCore> m_core;
    QString m_tagId, m_subject;
    QString m_request;
    int m_requests = 0;
    TagExplanation m_last;
    QLabel* m_title;
    QLabel* m_status;
    QLabel* m_summary;
    QGroupBox* m_gatewayBox;
    QGroupBox* m_roomBox;
    QGroupBox* m_decisionBox;
    QGroupBox* m_shownBox;
    QTableWidget* m_gateways;
    QTableWidget* m_rooms;
    QTableWidget* m_decisions;
    QTableWidget* m_shown;
    QLabel* m_decisionNote;
    QPushButton* m_refresh;
    QPushButton* m_copy;
    QPushButton* m_close;
};

} // namespace ww
