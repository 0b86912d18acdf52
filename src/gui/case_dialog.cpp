#include "gui/case_dialog.h"

#include "app/delinquency_service.h"
#include "app/screening_service.h"
#include "domain/calendar.h"
#include "domain/masking.h"
#include "gui/contact_dialog.h"
#include "gui/error_text.h"
#include "gui/message_box.h"
#include "gui/plan_proposal_dialog.h"
#include "gui/portfolio_text.h"
#include "gui/qt_text.h"
#include "gui/theme.h"

#include <QCheckBox>
#include <QColor>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace doorstep::gui {
namespace {

QTableWidget* makeTable(const QStringList& headers, QWidget* parent, const QString& name)
{
    auto* table = new QTableWidget(0, static_cast<int>(headers.size()), parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels(headers);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setAlternatingRowColors(true);
    return table;
}

void addRow(QTableWidget* table, const QStringList& cells)
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size(); ++c)
        table->setItem(row, c, new QTableWidgetItem(cells[c]));
}

QString dateText(const Date& d)
{
    return toQString(formatIsoDate(d));
}

}  // namespace

CaseDialog::CaseDialog(app::Session& session, app::BorrowerCase borrowerCase, QWidget* parent)
    : QDialog(parent), m_session(session), m_case(std::move(borrowerCase))
{
    setObjectName(QStringLiteral("CaseDialog"));
    setWindowTitle(tr("Case: %1").arg(toQString(m_case.borrower.name)));
    resize(1180, 680);
    auto* layout = new QVBoxLayout(this);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("caseTabs"));
    tabs->addTab(borrowerTab(), tr("Borrower"));
    for (const app::LoanDetail& loan : m_case.loans)
        tabs->addTab(loanTab(loan), tr("Loan %1").arg(toQString(loan.loan.id)));
    tabs->addTab(contactsTab(), tr("Contact persons (%1)").arg(m_case.contacts.size()));
    layout->addWidget(tabs);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_session.can(Permission::WorkCases)) {  // issue 10: a call, an SMS or a visit attempt
        auto* log = buttons->addButton(tr("Log &contact…"), QDialogButtonBox::ActionRole);
        log->setObjectName(QStringLiteral("logContactButton"));
        connect(log, &QPushButton::clicked, this,
                [this] { ContactDialog(m_session, m_case.rowId, toQString(m_case.borrower.name), this).exec(); });
    }
    layout->addWidget(buttons);
}

QWidget* CaseDialog::borrowerTab()
{
    const Borrower& b = m_case.borrower;
    auto* page = new QWidget(this);
    auto* form = new QFormLayout(page);
    form->addRow(tr("Customer no.:"), new QLabel(toQString(b.id), page));
    if (m_case.leftBookAfter) {
        auto* left = new QLabel(m_case.leftBookAfter->empty()
                                    ? tr("No longer in the book: no later extract from core banking listed this "
                                         "customer.")
                                    : tr("No longer in the book: the last extract that listed this customer was of %1.")
                                          .arg(toQString(*m_case.leftBookAfter)),
                                page);
        left->setObjectName(QStringLiteral("borrowerLeftBook"));
        left->setWordWrap(true);
        form->addRow(left);
    }
    form->addRow(tr("Name:"), new QLabel(toQString(b.name), page));
    form->addRow(tr("ID number:"), new QLabel(toQString(maskIdNumber(b.idNumber)), page));
    QStringList phones;
    for (const auto& p : b.phones)
        phones << toQString(p);
    form->addRow(tr("Phone:"), new QLabel(phones.join(QStringLiteral(", ")), page));
    form->addRow(tr("Address:"), new QLabel(toQString(b.address), page));
    form->addRow(tr("District:"), new QLabel(toQString(b.district), page));
    form->addRow(tr("Employer:"), new QLabel(toQString(b.employer), page));
    form->addRow(tr("Monthly income (declared):"), new QLabel(moneyText(b.monthlyIncome.fen), page));
    form->addRow(tr("Monthly expenses (declared):"), new QLabel(moneyText(b.monthlyExpenses.fen), page));
    if (m_case.credit) {
        const CreditRecord& c = *m_case.credit;
        auto* credit = new QLabel(tr("Report of %1: %2 overdue account(s) at other lenders, worst %3 days past due "
                                     "in 24 months, total debt %4, %5 enquiries in 6 months.")
                                      .arg(dateText(c.reportDate))
                                      .arg(c.overdueAccountsElsewhere)
                                      .arg(c.worstDpd24Months)
                                      .arg(moneyText(c.totalDebt.fen))
                                      .arg(c.enquiriesLast6Months),
                                  page);
        credit->setWordWrap(true);
        credit->setObjectName(QStringLiteral("creditRecord"));
        form->addRow(tr("Credit record:"), credit);
    } else {
        form->addRow(tr("Credit record:"), new QLabel(tr("none in the extract"), page));
    }
    form->addRow(tr("Case flags:"), flagsBox(page));
    return page;
}

QWidget* CaseDialog::flagsBox(QWidget* parent)
{
    // Facts the extract does not carry; each keeps the customer out of the visit queue.
    auto* box = new QWidget(parent);
    auto* row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    app::ScreeningService service(m_session);
    const app::CaseFlags flags = service.caseFlags(m_case.rowId).value_or(app::CaseFlags{});
    const bool editable = m_session.can(Permission::ReviewWork);
    auto* litigation = new QCheckBox(tr("In litigation"), box);
    auto* dispute = new QCheckBox(tr("Disputed"), box);
    auto* deceased = new QCheckBox(tr("Deceased"), box);
    auto* plan = new QCheckBox(tr("Keeping a repayment plan"), box);
    litigation->setObjectName(QStringLiteral("flagLitigation"));
    litigation->setChecked(flags.litigation);
    dispute->setChecked(flags.dispute);
    deceased->setChecked(flags.deceased);
    plan->setChecked(flags.planBeingKept);
    for (QCheckBox* c : {litigation, dispute, deceased, plan}) {
        c->setEnabled(editable);
        row->addWidget(c);
        connect(c, &QCheckBox::toggled, this, [this, litigation, dispute, deceased, plan] {
            const app::CaseFlags changed{litigation->isChecked(), dispute->isChecked(), deceased->isChecked(),
                                         plan->isChecked()};
            if (auto r = app::ScreeningService(m_session).setCaseFlags(m_case.rowId, changed); !r)
                MessageBox::warning(this, tr("Case flags"), errorText(r.error()));
        });
    }
    row->addStretch(1);
    return box;
}

QWidget* CaseDialog::loanTab(const app::LoanDetail& detail)
{
    const Loan& l = detail.loan;
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* summary = new QLabel(
        tr("%1 · principal %2 · %3% a year · from %4 · %5 months · %6 · officer %7")
            .arg(productText(productName(l.product)), moneyText(l.principal.fen),
                 toQString(formatPercentRate(l.contractRate)), dateText(l.startDate))
            .arg(l.termMonths)
            .arg(methodText(repaymentMethodName(l.method)), l.officer.empty() ? tr("(none)") : toQString(l.officer)),
        page);
    summary->setWordWrap(true);
    layout->addWidget(summary);
    if (detail.leftBookAfter) {
        auto* left = new QLabel(leftBookText(*detail.leftBookAfter), page);
        left->setObjectName(QStringLiteral("loanLeftBook"));
        left->setWordWrap(true);
        left->setStyleSheet(QStringLiteral("font-weight: 600;"));
        layout->addWidget(left);
    }
    if (auto r = app::PlanService(m_session).restructuring(m_case.rowId, detail.rowId); r && *r) {
        auto* observed = new QLabel(tr("Restructured by repayment plan no. %1 from %2: under observation until %3 "
                                       "(%4 months); its five-category class is not upgraded before then.")
                                        .arg((*r)->proposalId)
                                        .arg(dateText((*r)->start), dateText((*r)->observationEnds))
                                        .arg((*r)->observationMonths),
                                    page);
        observed->setObjectName(QStringLiteral("observationPeriod"));
        observed->setWordWrap(true);
        layout->addWidget(observed);
    }
    if (m_session.can(Permission::WorkCases)) {  // a repayment-plan proposal for this loan (issue 12)
        auto* plan = new QPushButton(tr("Repayment plan…"), page);
        plan->setObjectName(QStringLiteral("planButton"));
        connect(plan, &QPushButton::clicked, this,
                [this, id = detail.rowId] { PlanProposalDialog(m_session, id, this).exec(); });
        layout->addWidget(plan, 0, Qt::AlignLeft);
    }
    if (detail.status) {
        const auto& s = *detail.status;
        auto* status =
            new QLabel(tr("As of %1: %2 days past due, bucket %3, class %4. Overdue principal %5 + overdue "
                          "interest %6 + penalty interest %7 + compound interest %8 = total overdue %9. "
                          "Outstanding principal %10.")
                           .arg(toQString(s.asOf))
                           .arg(s.dpd)
                           .arg(toQString(s.bucket), riskClassText(s.riskClass), moneyText(s.overduePrincipal.fen),
                                moneyText(s.overdueInterest.fen), moneyText(s.penalty.fen), moneyText(s.compound.fen),
                                moneyText(s.totalOverdue.fen), moneyText(s.outstandingPrincipal.fen)),
                       page);
        status->setObjectName(QStringLiteral("loanStatus"));
        status->setWordWrap(true);
        status->setStyleSheet(s.dpd > 0 ? Theme::errorStyle() : QString());
        layout->addWidget(status);
    }
    auto* split = new QHBoxLayout;
    // How the overdue amount was computed, instalment by instalment, as of the stored state's date.
    const Date asOf =
        detail.status ? parseIsoDate(detail.status->asOf).value_or(detail.loan.startDate) : detail.loan.startDate;
    const LoanDelinquency breakdown =
        app::explainLoan(m_session, detail.loan, detail.instalments, detail.payments, asOf);
    auto* schedule =
        makeTable({tr("No."), tr("Due"), tr("Principal due / paid"), tr("Interest due / paid"), tr("Days overdue"),
                   tr("Penalty accrued / paid"), tr("Compound accrued / paid"), tr("Settled on")},
                  page, QStringLiteral("scheduleTable"));
    // An explicit QString: with QStringBuilder, "auto" would keep references to dead temporaries.
    const auto pair = [](Money a, Money b) -> QString {
        return moneyText(a.fen) + QStringLiteral(" / ") + moneyText(b.fen);
    };
    for (const InstalmentDelinquency& i : breakdown.instalments) {
        addRow(schedule,
               {QString::number(i.sequence), dateText(i.dueDate), pair(i.principalDue, i.principalPaid),
                pair(i.interestDue, i.interestPaid), i.daysOverdue > 0 ? QString::number(i.daysOverdue) : QString(),
                pair(i.penaltyAccrued, i.penaltyPaid), pair(i.compoundAccrued, i.compoundPaid),
                i.paidInFullOn ? dateText(*i.paidInFullOn) : QString()});
        if (i.daysOverdue > 0) {
            for (int col = 0; col < schedule->columnCount(); ++col)
                schedule->item(schedule->rowCount() - 1, col)->setForeground(Theme::errorColor());
        }
    }
    schedule->resizeColumnsToContents();
    auto* payments = makeTable({tr("Paid on"), tr("Amount"), tr("Transaction")}, page, QStringLiteral("paymentsTable"));
    for (const Payment& p : detail.payments)
        addRow(payments, {dateText(p.paidOn), moneyText(p.amount.fen), toQString(p.id)});
    split->addWidget(schedule, 4);
    split->addWidget(payments, 1);
    layout->addLayout(split, 1);
    return page;
}

QWidget* CaseDialog::contactsTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* note = new QLabel(tr("Contact the borrower and guarantor. Others may be contacted only when the borrower "
                               "cannot be reached, and must not be told any detail of the debt."),
                            page);
    note->setWordWrap(true);
    layout->addWidget(note);
    auto* table = makeTable({tr("Name"), tr("Relation"), tr("Phone")}, page, QStringLiteral("contactsTable"));
    for (const ContactPerson& c : m_case.contacts)
        addRow(table, {toQString(c.name), relationText(relationName(c.relation)), toQString(c.phone)});
    layout->addWidget(table);
    return page;
}

}  // namespace doorstep::gui
