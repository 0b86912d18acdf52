#pragma once
// Fires once after the user has not touched keyboard or mouse for the set time. An application-wide
// event filter restarts a single-shot timer on every input event.
#include <QObject>
#include <QTimer>

namespace doorstep::gui {

class InactivityTimer final : public QObject {
    Q_OBJECT
public:
    explicit InactivityTimer(QObject* parent = nullptr);
    ~InactivityTimer() override;

    void start(int timeoutMs);
    void stop();
    bool isActive() const { return m_timer.isActive(); }
    int interval() const { return m_timer.interval(); }

Q_SIGNALS:
    void inactive();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QTimer m_timer;
    bool m_filtering = false;
};

}  // namespace doorstep::gui
