#include "gui/shared/message_box.h"

#include <QPushButton>

namespace doorstep::gui {

bool MessageBox::s_testMode = false;
std::optional<bool> MessageBox::s_nextAnswer;
QString MessageBox::s_lastText;

void MessageBox::setTestMode(bool enabled)
{
    s_testMode = enabled;
}

void MessageBox::setNextAnswer(bool accept)
{
    s_nextAnswer = accept;
}

QString MessageBox::lastText()
{
    return s_lastText;
}

bool MessageBox::confirm(QWidget* parent, const QString& title, const QString& text, const QString& acceptText)
{
    s_lastText = text;
    if (s_testMode) {
        const bool answer = s_nextAnswer.value_or(false);
        s_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    QPushButton* accept = box.addButton(acceptText, QMessageBox::AcceptRole);
    QPushButton* cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == accept;
}

void MessageBox::information(QWidget* parent, const QString& title, const QString& text)
{
    s_lastText = text;
    if (!s_testMode) QMessageBox::information(parent, title, text);
}

void MessageBox::warning(QWidget* parent, const QString& title, const QString& text)
{
    s_lastText = text;
    if (!s_testMode) QMessageBox::warning(parent, title, text);
}

}  // namespace doorstep::gui
