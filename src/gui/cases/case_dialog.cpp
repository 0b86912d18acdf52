#include "gui/cases/case_dialog.h"

#include "app/portfolio/delinquency_service.h"
#include "app/screening/screening_service.h"
#include "domain/shared/calendar.h"
#include "domain/shared/masking.h"
#include "gui/appointments/booking_dialog.h"
#include "gui/cases/case_timeline_text.h"
#include "gui/contacts/contact_dialog.h"
#include "gui/plans/plan_proposal_dialog.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/screening/screening_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"

#include <QCheckBox>
#include <QColor>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
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

void addRow(QTableWidget* table, const QStringList& cells, const QList<int>& rightAligned = {})
{
    const int row = table->rowCount();
    table->insertRow(row);
    for (int c = 0; c < cells.size(); ++c) {
        auto* item = new QTableWidgetItem(cells[c]);
        if (rightAligned.contains(c)) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        table->setItem(row, c, item);
    }
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
    m_staffNames = app::ScreeningService(m_session).staffNames();
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(summaryHeader());
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("caseTabs"));
    tabs->addTab(borrowerTab(), tr("Borrower"));
    tabs->addTab(timelineTab(), tr("Timeline"));
    for (const app::LoanDetail& loan : m_case.loans)
        tabs->addTab(loanTab(loan), tr("Loan %1").arg(toQString(loan.loan.id)));
    tabs->addTab(contactsTab(), tr("Contact persons (%L1)").arg(m_case.contacts.size()));
    layout->addWidget(tabs);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_session.can(Permission::WorkCases)) {  // a home visit for this customer (issue 10)
        auto* book = buttons->addButton(tr("Book visit…"), QDialogButtonBox::ActionRole);
        book->setObjectName(QStringLiteral("bookVisitButton"));
        connect(book, &QPushButton::clicked, this, [this] {
            BookingDialog(m_session,
                          BookingCustomer{m_case.rowId, toQString(m_case.borrower.id + " " + m_case.borrower.name)},
                          this)
                .exec();
        });
    }
    if (m_session.can(Permission::WorkCases)) {  // issue 10: a call, an SMS or a visit attempt
        auto* log = buttons->addButton(tr("Log &contact…"), QDialogButtonBox::ActionRole);
        log->setObjectName(QStringLiteral("logContactButton"));
        connect(log, &QPushButton::clicked, this,
                [this] { ContactDialog(m_session, m_case.rowId, toQString(m_case.borrower.name), this).exec(); });
    }
    layout->addWidget(buttons);
}

QWidget* CaseDialog::summaryHeader()
{
    // The customer at a glance: what the officer asks first, across every loan.
    auto* box = new QWidget(this);
    box->setObjectName(QStringLiteral("caseSummary"));
    auto* grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 4);
    grid->setHorizontalSpacing(24);
    const auto summary = app::CaseOverviewService(m_session).summary(m_case);
    const app::CaseSummary s = summary.value_or(app::CaseSummary{});
    QString queue = tr("not in the visit queue");
    if (s.queueScore && s.queueState) queue = tr("score %L1, %2").arg(*s.queueScore).arg(queueStateText(*s.queueState));
    const std::pair<QString, QString> cells[] = {
        {tr("Total overdue"), moneyText(s.totalOverdue.fen)},
        {tr("Worst DPD"), tr("%Ln day(s)", nullptr, s.worstDpd)},
        {tr("Bucket"), s.bucket.empty() ? tr("—") : toQString(s.bucket)},
        {tr("Class"), s.worstClass ? riskClassText(riskClassName(*s.worstClass)) : tr("—")},
        {tr("Officer"), s.officerName.empty() ? tr("(unassigned)") : toQString(s.officerName)},
        {tr("Visit queue"), queue},
    };
    const QStringList names = {QStringLiteral("summaryOverdue"), QStringLiteral("summaryDpd"),
                               QStringLiteral("summaryBucket"),  QStringLiteral("summaryClass"),
                               QStringLiteral("summaryOfficer"), QStringLiteral("summaryQueue")};
    int column = 0;
    for (const auto& [caption, value] : cells) {
        auto* captionLabel = new QLabel(caption, box);
        captionLabel->setStyleSheet(Theme::secondaryTextStyle());
        auto* valueLabel = new QLabel(value, box);
        valueLabel->setObjectName(names[column]);
        valueLabel->setStyleSheet(Theme::headlineStyle());
        valueLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        grid->addWidget(captionLabel, 0, column);
        grid->addWidget(valueLabel, 1, column);
        ++column;
    }
    if (s.worstDpd > 0) {
        box->findChild<QLabel*>(QStringLiteral("summaryDpd"))
            ->setStyleSheet(Theme::headlineStyle() + QStringLiteral(" color: %1;").arg(Theme::errorColor().name()));
    }
    grid->setColumnStretch(column, 1);
    return box;
}

QWidget* CaseDialog::timelineTab()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    auto* table = makeTable({tr("Date"), tr("Time"), tr("What"), tr("Details"), tr("Standing")}, page,
                            QStringLiteral("timelineTable"));
    const auto timeline = app::CaseOverviewService(m_session).timeline(m_case);
    if (!timeline) {
        auto* error = new QLabel(errorText(timeline.error()), page);
        error->setStyleSheet(Theme::errorStyle());
        layout->addWidget(error);
    } else {
        for (const TimelineEntry& e : *timeline) {
            addRow(table, {dateText(e.date), e.time ? toQString(formatClockTime(*e.time)) : QString(),
                           timelineKindText(e), timelineDetailText(e, m_staffNames), timelineStatusText(e)});
            if (timelineNeedsAttention(e)) {
                for (int col = 0; col < table->columnCount(); ++col)
                    table->item(table->rowCount() - 1, col)->setForeground(Theme::errorColor());
            }
        }
    }
    auto* note = new QLabel(tr("Newest first: contacts from the call centre and from Doorstep, promises to pay "
                               "(kept when the payments up to three days after the promised date reach the "
                               "amount), payments, the visit queue's decision and visits."),
                            page);
    note->setWordWrap(true);
    note->setStyleSheet(Theme::secondaryTextStyle());
    layout->addWidget(note);
    table->resizeColumnsToContents();
    layout->addWidget(table, 1);
    return page;
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
        auto* credit = new QLabel(tr("Report of %1: %L2 overdue account(s) at other lenders, worst %L3 days past due "
                                     "in 24 months, total debt %4, %L5 enquiries in 6 months.")
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
    const CaseFlags flags = service.caseFlags(m_case.rowId).value_or(CaseFlags{});
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
            const CaseFlags changed{litigation->isChecked(), dispute->isChecked(), deceased->isChecked(),
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
    auto* summary = new QLabel(tr("%1 · principal %2 · %3% a year · from %4 · %5 months · %6 · officer %7")
                                   .arg(productText(productName(l.product)), moneyText(l.principal.fen),
                                        toQString(formatPercentRate(l.contractRate)), dateText(l.startDate))
                                   .arg(l.termMonths)
                                   .arg(methodText(repaymentMethodName(l.method)),
                                        l.officer.empty()                  ? tr("(none)")
                                        : m_staffNames.contains(l.officer) ? toQString(m_staffNames.at(l.officer))
                                                                           : toQString(l.officer)),
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
    split->addWidget(scheduleView(detail, page), 5);
    // Payments newest first (the extract lists them oldest first).
    auto* payments = makeTable({tr("Paid on"), tr("Amount"), tr("Transaction")}, page, QStringLiteral("paymentsTable"));
    std::vector<Payment> newestFirst = detail.payments;
    std::ranges::stable_sort(newestFirst, [](const Payment& a, const Payment& b) { return b.paidOn < a.paidOn; });
    for (const Payment& p : newestFirst)
        addRow(payments, {dateText(p.paidOn), moneyText(p.amount.fen), toQString(p.id)}, {1});
    payments->resizeColumnsToContents();
    split->addWidget(payments, 2);
    layout->addLayout(split, 1);
    return page;
}

QWidget* CaseDialog::scheduleView(const app::LoanDetail& detail, QWidget* parent)
{
    // How the overdue amount was computed, instalment by instalment, as of the stored state's date. The table
    // opens at the first overdue instalment: the paid ones before it are collapsed (a tick shows them), and
    // the future ones can be collapsed too.
    auto* box = new QWidget(parent);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    const Date asOf =
        detail.status ? parseIsoDate(detail.status->asOf).value_or(detail.loan.startDate) : detail.loan.startDate;
    const LoanDelinquency breakdown =
        app::explainLoan(m_session, detail.loan, detail.instalments, detail.payments, asOf);
    auto* schedule =
        makeTable({tr("No."), tr("Due"), tr("Principal due / paid"), tr("Interest due / paid"), tr("Days overdue"),
                   tr("Penalty accrued / paid"), tr("Compound accrued / paid"), tr("Settled on")},
                  box, QStringLiteral("scheduleTable"));
    // An explicit QString: with QStringBuilder, "auto" would keep references to dead temporaries.
    const auto pair = [](Money a, Money b) -> QString {
        return moneyText(a.fen) + QStringLiteral(" / ") + moneyText(b.fen);
    };
    QList<int> paidRows;
    QList<int> futureRows;
    for (const InstalmentDelinquency& i : breakdown.instalments) {
        addRow(schedule,
               {QString::number(i.sequence), dateText(i.dueDate), pair(i.principalDue, i.principalPaid),
                pair(i.interestDue, i.interestPaid),
                i.daysOverdue > 0 ? QStringLiteral("%L1").arg(i.daysOverdue) : QString(),
                pair(i.penaltyAccrued, i.penaltyPaid), pair(i.compoundAccrued, i.compoundPaid),
                i.paidInFullOn ? dateText(*i.paidInFullOn) : QString()},
               {0, 2, 3, 4, 5, 6});
        const int row = schedule->rowCount() - 1;
        switch (app::instalmentPhase(i)) {
        case app::InstalmentPhase::Paid: paidRows << row; break;
        case app::InstalmentPhase::Future: futureRows << row; break;
        case app::InstalmentPhase::Overdue:
            for (int col = 0; col < schedule->columnCount(); ++col)
                schedule->item(row, col)->setForeground(Theme::errorColor());
            break;
        }
    }
    schedule->resizeColumnsToContents();
    auto* toggles = new QHBoxLayout;
    auto* showPaid =
        new QCheckBox(tr("Show the %Ln paid instalment(s)", nullptr, static_cast<int>(paidRows.size())), box);
    showPaid->setObjectName(QStringLiteral("showPaidInstalments"));
    auto* showFuture = new QCheckBox(
        tr("Show the %Ln instalment(s) not yet overdue", nullptr, static_cast<int>(futureRows.size())), box);
    showFuture->setObjectName(QStringLiteral("showFutureInstalments"));
    const auto showRows = [schedule](const QList<int>& rows, bool shown) {
        for (int row : rows)
            schedule->setRowHidden(row, !shown);
    };
    connect(showPaid, &QCheckBox::toggled, schedule, [=](bool on) { showRows(paidRows, on); });
    connect(showFuture, &QCheckBox::toggled, schedule, [=](bool on) { showRows(futureRows, on); });
    // Paid instalments start collapsed while anything is still to pay, so the first row is the first overdue one.
    const bool somethingOpen = paidRows.size() < schedule->rowCount();
    showPaid->setChecked(!somethingOpen);
    showRows(paidRows, !somethingOpen);
    showFuture->setChecked(true);
    showPaid->setEnabled(!paidRows.isEmpty());
    showFuture->setEnabled(!futureRows.isEmpty());
    toggles->addWidget(showPaid);
    toggles->addWidget(showFuture);
    toggles->addStretch(1);
    layout->addLayout(toggles);
    layout->addWidget(schedule, 1);
    return box;
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
