#include "gui/contacts/exceptions_dialog.h"

#include "app/contacts/contact_service.h"
#include "app/screening/screening_service.h"
#include "gui/contacts/contact_exception_model.h"
#include "gui/shared/error_text.h"
#include "gui/shared/theme.h"
#include "ui_exceptions_dialog.h"

#include <QHeaderView>

namespace doorstep::gui {

ExceptionsDialog::ExceptionsDialog(app::Session& session, QWidget* parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ExceptionsDialog>())
{
    m_ui->setupUi(this);
    m_model = new ContactExceptionModel(this);
    m_ui->exceptionTable->setModel(m_model);
    m_ui->exceptionTable->verticalHeader()->hide();
    m_ui->exceptionTable->horizontalHeader()->setStretchLastSection(true);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (auto rows = app::ContactService(session).exceptions()) {
        if (rows->empty())
            m_ui->introLabel->setText(m_ui->introLabel->text() + QLatin1Char(' ') + tr("There are none yet."));
        m_model->setRows(std::move(*rows), app::ScreeningService(session).staffNames());
    } else {
        m_ui->introLabel->setText(errorText(rows.error()));
        m_ui->introLabel->setStyleSheet(Theme::errorStyle());
    }
    m_ui->exceptionTable->resizeColumnsToContents();
}

ExceptionsDialog::~ExceptionsDialog() = default;

}  // namespace doorstep::gui
