#pragma once
// Alarm views: the banner (always visible, the highest signalling priority, readable from 4 m),
// the open-alarm list with one-click acknowledge, operator sign-in, and the history of the log.
#include "records/alarmlog.h"
#include "models/alarmcontroller.h"

#include <QDialog>
#include <QLabel>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QDateTimeEdit;
class QLineEdit;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QVBoxLayout;

namespace ww {

// A label that never asks for more width than it gets: its text is elided at the right when the
// space is short (the whole text stays in text() and the tooltip).
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    using QLabel::QLabel;
    [[nodiscard]] QSize minimumSizeHint() const override;
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
};

class AlarmBanner : public QWidget
{
    Q_OBJECT
public:
    explicit AlarmBanner(AlarmController& alarms, QWidget* parent = nullptr);
    [[nodiscard]] QString text() const;
    [[nodiscard]] bool lit() const { return m_on; }
    [[nodiscard]] QString topAlarm() const { return m_topId; }
    // The banner's buttons (and the window's shortcuts F8, F9): acknowledge its alarm, pause audio.
    void acknowledgeTop();
    void pauseAudio();

Q_SIGNALS:
    void clicked(const QString& alarmId); // the nurse clicked the banner: show it on the plan

protected:
    void mousePressEvent(QMouseEvent* event) override;

private:
    void refresh();
    void blink();

    AlarmController& m_alarms;
    QLabel* m_symbol;
    ElidedLabel* m_text; // condition, who, where: elided on a narrow screen
    ElidedLabel* m_nearest; // who is nearest, smaller: for the nurse at the station, not across the room
    QLabel* m_more;      // "+N more": always shown
    QLabel* m_audio;
    QPushButton* m_ack;
    QPushButton* m_pause;
    bool m_on = true;
    std::optional<Priority> m_priority;
    QString m_topId;
    QString m_announced; // the top alarm a screen reader was last alerted to
};

class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    SignInDialog(AlarmController& alarms, QWidget* parent = nullptr);

private:
    AlarmController& m_alarms;
    QComboBox* m_staff;
    QLineEdit* m_pin;
    QLabel* m_result;
    QPushButton* m_ok;
};

class AlarmPanel : public QWidget
{
    Q_OBJECT
public:
    AlarmPanel(AlarmController& alarms, QWidget* parent = nullptr);
    [[nodiscard]] QTableView* view() const { return m_view; }               // clinical alarms
    [[nodiscard]] QTableView* technicalView() const { return m_technical; } // technical alarms
    [[nodiscard]] class AlarmFilterProxy* clinicalFilter() const { return m_clinicalProxy; }
    [[nodiscard]] class AlarmFilterProxy* technicalFilter() const { return m_technicalProxy; }
    // "Acknowledge selected" (and Shift+F8): the row picked in either list.
    void acknowledgeSelected();
    // The filter bar over the list: unacknowledged only, priority, kind, floor, my patients (the
    // station's filter, which also holds the scope).
    void addFilters(const Site& site, class StationFilter& station);

Q_SIGNALS:
    void selected(const QString& alarmId);   // the nurse picked a row
    void showOnPlan(const QString& alarmId); // "Show on plan"
    void patientActivated(const QString& patientId); // a double-click on an alarm of a patient

private:
    void refreshOperator();
    void refreshCount();
    // The columns share the list's width, so that it never scrolls sideways (large type on a
    // 1280-pixel screen, longer languages): the short columns (priority, times, step, one click)
    // as wide as their contents; who, where, nearest and state as wide as theirs while the width
    // allows, else shrunk towards their header's width (the cell elided, whole in its tooltip);
    // the condition takes the rest, at least its header and some words. Queued: one fit after a
    // burst of changes.
    void fitColumns(QTableView* view);
    void queueFit();
    bool eventFilter(QObject* watched, QEvent* event) override;
    bool m_fitQueued = false;
    AlarmController& m_alarms;
    QTableView* m_view;
    QTableView* m_technical = nullptr;
    class AlarmFilterProxy* m_clinicalProxy = nullptr;
    class AlarmFilterProxy* m_technicalProxy = nullptr;
    QVBoxLayout* m_layout = nullptr;
    QLabel* m_count = nullptr;
    QLabel* m_operator;
    QLabel* m_message;
    QPushButton* m_signIn;
    QPushButton* m_ack;
};

class HistoryView : public QWidget
{
    Q_OBJECT
public:
    HistoryView(AlarmController& alarms, QWidget* parent = nullptr);
    void refresh();                        // queries on a worker thread
    bool exportCsv(const QString& file);   // the rows currently shown
    [[nodiscard]] int rows() const;

Q_SIGNALS:
    void refreshed(int rows);

private:
    AlarmController& m_alarms;
    QDateTimeEdit* m_from;
    QDateTimeEdit* m_to;
    QComboBox* m_priority;
    QLineEdit* m_text;
    QTableView* m_view;
    QStandardItemModel* m_model;
    QLabel* m_status;
    std::vector<LogEntry> m_entries;
    int m_generation = 0;
};

} // namespace ww

namespace ww {

// Per-patient inputs a nurse makes at the station: NEWS2 observations no device gives, and
// vital-sign alarm limits. Both need a signed-in operator and are logged.
class PatientAlarmDialog : public QDialog
{
    Q_OBJECT
public:
    PatientAlarmDialog(AlarmController& alarms, const QString& patientId, const QString& patientName, QWidget* parent = nullptr);
    void apply();

private:
    AlarmController& m_alarms;
    QString m_patient;
    QComboBox* m_acvpu;
    QCheckBox* m_oxygen;
    QCheckBox* m_scale2;
    struct LimitEdit
    {
        QString rule;
        QDoubleSpinBox* below = nullptr;
        QDoubleSpinBox* above = nullptr;
        double initialBelow = 0, initialAbove = 0;
        bool temperature = false; // shown in the unit of the moment, kept in °C
    };
    std::vector<LimitEdit> m_limits;
};

} // namespace ww
