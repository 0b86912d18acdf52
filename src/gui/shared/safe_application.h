#pragma once
// The top of every user action: an exception escaping an event handler is a bug or a broken
// environment. It is logged (without personal data), the person is told plainly, and the
// application goes on instead of terminating with unsaved work.
#include <QApplication>

namespace doorstep::gui {

class SafeApplication final : public QApplication {
    Q_OBJECT
public:
    SafeApplication(int& argc, char** argv);
    bool notify(QObject* receiver, QEvent* event) override;
};

}  // namespace doorstep::gui
