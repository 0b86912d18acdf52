#include "gui/screening/dismiss_dialog.h"

#include "gui/screening/screening_text.h"
#include "gui/shared/theme.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>

namespace doorstep::gui {

DismissDialog::DismissDialog(const QString& customer, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("DismissDialog"));
    setWindowTitle(tr("Dismiss from the visit queue"));
    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(tr("%1 will leave the queue until the facts of the case change.").arg(customer), this);
    intro->setWordWrap(true);
    form->addRow(intro);
    m_reason = new QComboBox(this);
    m_reason->setObjectName(QStringLiteral("dismissReason"));
    // No reason is chosen for the officer: they pick the one that is true.
    m_reason->addItem(tr("Choose a reason…"), -1);
    for (auto r :
         {app::DismissReason::PromisedToPay, app::DismissReason::PaidMeanwhile, app::DismissReason::ReachedByPhone,
          app::DismissReason::NotAtAddress, app::DismissReason::VisitNotNeeded, app::DismissReason::Other})
        m_reason->addItem(dismissReasonText(r), static_cast<int>(r));
    form->addRow(tr("&Reason:"), m_reason);
    m_note = new QPlainTextEdit(this);
    m_note->setObjectName(QStringLiteral("dismissNote"));
    m_note->setPlaceholderText(tr("What you learned, without details of the debt"));
    m_note->setTabChangesFocus(true);
    form->addRow(tr("&Note:"), m_note);
    m_error = new QLabel(this);
    m_error->setStyleSheet(Theme::errorStyle());
    m_error->hide();
    form->addRow(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Dismiss"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_reason->currentData().toInt() < 0) {
            showError(tr("Choose the reason the case needs no visit."));
            m_reason->setFocus();
            return;
        }
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
    resize(480, 280);
}

app::DismissReason DismissDialog::reason() const
{
    return static_cast<app::DismissReason>(m_reason->currentData().toInt());
}

QString DismissDialog::note() const
{
    return m_note->toPlainText().trimmed();
}

void DismissDialog::showError(const QString& text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
}

}  // namespace doorstep::gui
