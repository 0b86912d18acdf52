#include "gui/plans/plans_page.h"

#include "app/screening/screening_service.h"
#include "domain/plans/plan_comparison.h"
#include "gui/plans/plan_proposal_dialog.h"
#include "gui/plans/plan_table_model.h"
#include "gui/portfolio/portfolio_text.h"
#include "gui/shared/error_text.h"
#include "gui/shared/message_box.h"
#include "gui/shared/page_refresher.h"
#include "gui/shared/qt_text.h"
#include "gui/shared/theme.h"
#include "report/plan_letter.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace doorstep::gui {

PlansPage::PlansPage(Workspace& workspace, QWidget* parent)
    : QWidget(parent), m_session(workspace.session), m_model(new PlanTableModel(this))
{
    auto* layout = new QVBoxLayout(this);
    auto* title = new QLabel(tr("Repayment plans"), this);
    title->setStyleSheet(Theme::pageTitleStyle());
    layout->addWidget(title);

    auto* filters = new QHBoxLayout;
    m_state = new QComboBox(this);
    m_state->setObjectName(QStringLiteral("planState"));
    m_state->addItem(tr("All states"), -1);
    for (const auto& [state, code] : kProposalStateCodes)
        m_state->addItem(proposalStateText(state), static_cast<int>(state));
    filters->addWidget(new QLabel(tr("State:"), this));
    filters->addWidget(m_state);
    filters->addStretch(1);
    layout->addLayout(filters);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("planTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_detail = new QLabel(split);
    m_detail->setObjectName(QStringLiteral("planDetail"));
    m_detail->setWordWrap(true);
    m_detail->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_detail->setTextFormat(Qt::RichText);
    m_detail->setMargin(8);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    auto* actions = new QHBoxLayout;
    const std::pair<ProposalMove, QString> moves[] = {
        {ProposalMove::Revise, tr("Re&vise…")},
        {ProposalMove::Submit, tr("&Submit")},
        {ProposalMove::Approve, tr("&Approve")},
        {ProposalMove::Return, tr("&Return for changes…")},
        {ProposalMove::RecordAcceptance, tr("Customer &accepted")},
        {ProposalMove::Activate, tr("Put into &force")},
        {ProposalMove::Withdraw, tr("&Withdraw…")},
    };
    for (const auto& [move, text] : moves) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QStringLiteral("plan_%1").arg(static_cast<int>(move)));
        b->setEnabled(false);
        if (move == ProposalMove::Revise) {
            connect(b, &QPushButton::clicked, this, &PlansPage::reviseSelected);
        } else {
            connect(b, &QPushButton::clicked, this, [this, m = move] { moveSelected(m); });
        }
        m_moveButtons[move] = b;
        actions->addWidget(b);
    }
    m_moveButtons[ProposalMove::Approve]->setObjectName(QStringLiteral("approvePlanButton"));
    m_moveButtons[ProposalMove::Revise]->setObjectName(QStringLiteral("revisePlanButton"));
    m_moveButtons[ProposalMove::Return]->setObjectName(QStringLiteral("returnPlanButton"));
    actions->addStretch(1);
    m_letterLanguage = new QComboBox(this);
    m_letterLanguage->setObjectName(QStringLiteral("letterLanguage"));
    m_letterLanguage->addItem(QStringLiteral("中文"), static_cast<int>(Language::Chinese));
    m_letterLanguage->addItem(QStringLiteral("English"), static_cast<int>(Language::English));
    m_print = new QPushButton(tr("&Print letter…"), this);
    m_print->setObjectName(QStringLiteral("printLetterButton"));
    m_print->setEnabled(false);
    actions->addWidget(m_letterLanguage);
    actions->addWidget(m_print);
    layout->addLayout(actions);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("planStatus"));
    layout->addWidget(m_status);

    connect(m_print, &QPushButton::clicked, this, &PlansPage::askAndPrint);
    connect(m_state, &QComboBox::currentIndexChanged, this, &PlansPage::reload);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &PlansPage::showDetail);
    auto* refresher = new PageRefresher(this, [this] { reload(); });
    // Adherence moves plans after an import or a recompute.
    for (auto signal : {&ChangeNotifier::plansChanged, &ChangeNotifier::portfolioChanged})
        connect(&workspace.changes, signal, refresher, &PageRefresher::dataChanged);
    reload();
}

void PlansPage::reload()
{
    const std::int64_t selected = selectedProposal();
    const int state = m_state->currentData().toInt();
    auto rows =
        app::PlanService(m_session).list(state < 0 ? std::nullopt : std::optional(static_cast<ProposalState>(state)));
    if (!rows) {
        m_status->setText(errorText(rows.error()));
        return;
    }
    std::vector<PlanTableModel::Row> shown;
    for (auto& p : *rows) {
        PlanTableModel::Row r;
        if (auto plan = app::planOf(p)) {
            r.kind = plan->kind;
            r.figures = planFigures(*plan);
        }
        r.proposal = std::move(p);
        shown.push_back(std::move(r));
    }
    m_names = app::ScreeningService(m_session).staffNames();
    m_model->setRows(std::move(shown), m_names);
    m_view->resizeColumnsToContents();
    m_status->setText(tr("%Ln proposal(s)", nullptr, m_model->rowCount()));
    if (selected == 0 || !selectProposal(selected)) showDetail();
}

bool PlansPage::selectProposal(std::int64_t proposalId)
{
    const int row = m_model->rowOf(proposalId);
    if (row < 0) return false;
    m_view->selectRow(row);
    showDetail();
    return true;
}

std::int64_t PlansPage::selectedProposal() const
{
    const auto rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty()) return 0;
    const auto* r = m_model->rowAt(rows.front().row());
    return r ? r->proposal.id : 0;
}

void PlansPage::showDetail()
{
    for (auto& [move, button] : m_moveButtons)
        button->setEnabled(false);
    m_print->setEnabled(false);
    const std::int64_t id = selectedProposal();
    if (id == 0) {
        m_detail->setText(tr("Choose a proposal to see its schedule and history."));
        return;
    }
    auto p = app::PlanService(m_session).proposal(id);
    if (!p) {
        m_detail->setText(errorText(p.error()));
        return;
    }
    for (ProposalMove move : app::PlanService(m_session).allowedMoves(p->row)) {
        if (auto it = m_moveButtons.find(move); it != m_moveButtons.end()) it->second->setEnabled(true);
    }
    // A draft is changed by its owner without a move (PlanService::revise).
    if (p->row.state == ProposalState::Draft && p->row.owner == m_session.user().username)
        m_moveButtons[ProposalMove::Revise]->setEnabled(true);
    const ProposalState s = p->row.state;
    m_print->setEnabled(s == ProposalState::Approved || s == ProposalState::Accepted || s == ProposalState::Active ||
                        s == ProposalState::Kept || s == ProposalState::Broken);
    const PlanFigures& f = p->summary.figures;
    const Affordability& a = p->summary.affordability;
    QString html = tr("<b>%1</b>, %Ln instalment(s) from %2: largest %3, total paid %4, waived %5, recovery %6.",
                      nullptr, f.months)
                       .arg(messageText(planKindName(p->plan.kind)))
                       .arg(p->plan.instalments.empty() ? QString()
                                                        : toQString(formatIsoDate(p->plan.instalments.front().dueDate)),
                            moneyText(f.largestInstalment.fen), moneyText(f.totalPaid.fen), moneyText(f.waived.fen),
                            toQString(formatBasisPoints(f.recoveryBasisPoints)));
    html += QStringLiteral("<br>");
    html += a.shareBasisPoints
                ? tr("The heaviest payment is %1 of the household's disposable income of %2%3.")
                      .arg(toQString(formatBasisPoints(*a.shareBasisPoints)), moneyText(a.disposable.fen),
                           a.affordable ? QString() : tr(", above the limit"))
                : tr("The household has no disposable income.");
    for (const PlanReason& r : p->approval.reasons)
        html += QStringLiteral("<br>") + messageText(r.id, r.args).toHtmlEscaped();
    if (!p->row.supervisorComment.empty())
        html += QStringLiteral("<br>") +
                tr("Supervisor's comment: %1").arg(toQString(p->row.supervisorComment).toHtmlEscaped());
    html += QStringLiteral("<br><br><b>%1</b>").arg(tr("History"));
    for (const auto& m : p->moves) {
        const QString who = m.actor == "doorstep" ? tr("Doorstep") : m_names(m.actor);
        html += QStringLiteral("<br>") + tr("%1 %2: %3 → %4", "when, who: from state → to state")
                                             .arg(timestampText(m.at).toHtmlEscaped(), who.toHtmlEscaped(),
                                                  proposalStateText(m.from), proposalStateText(m.to));
        if (!m.comment.empty())
            html +=
                QStringLiteral(" ") + tr("(%1)", "a comment after a move").arg(toQString(m.comment).toHtmlEscaped());
    }
    m_detail->setText(html);
}

bool PlansPage::moveSelected(ProposalMove move, std::optional<QString> comment)
{
    const std::int64_t id = selectedProposal();
    if (id == 0) return false;
    if (!comment && (move == ProposalMove::Return || move == ProposalMove::Withdraw)) {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(
            this, tr("Repayment plan"),
            move == ProposalMove::Return ? tr("What should the officer change?") : tr("Why is the plan withdrawn?"), {},
            &ok);
        if (!ok) return false;
        comment = text.trimmed();
    }
    const std::string note = toStd(comment.value_or(QString()));
    app::PlanService service(m_session);
    Result<void> done;
    switch (move) {
    case ProposalMove::Submit: {
        auto s = service.submit(id);
        done = s ? Result<void>{} : Result<void>(std::unexpect, s.error());
        break;
    }
    case ProposalMove::Approve: done = service.approve(id, note); break;
    case ProposalMove::Return: done = service.returnForChanges(id, note); break;
    case ProposalMove::RecordAcceptance: done = service.recordAcceptance(id); break;
    case ProposalMove::Activate: done = service.activate(id); break;
    case ProposalMove::Withdraw: done = service.withdraw(id, note); break;
    default: return false;
    }
    if (!done) {
        MessageBox::warning(this, tr("Repayment plan"), errorText(done.error()));
        return false;
    }
    m_status->setText(tr("Proposal no. %1: %2.").arg(id).arg(messageText(proposalMoveName(move))));
    reload();
    selectProposal(id);
    return true;
}

void PlansPage::reviseSelected()
{
    const std::int64_t id = selectedProposal();
    const auto* row = m_model->rowAt(m_model->rowOf(id));
    if (id == 0 || !row) return;
    PlanProposalDialog dialog(m_session, row->proposal, this);
    if (dialog.exec() == QDialog::Accepted) {
        reload();
        selectProposal(id);
    }
}

void PlansPage::askAndPrint()
{
    const std::int64_t id = selectedProposal();
    if (id == 0) return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Print the plan letter"),
                                                      QDir::home().filePath(QStringLiteral("plan-%1.pdf").arg(id)),
                                                      tr("PDF document (*.pdf)"));
    if (path.isEmpty()) return;
    if (printLetter(path, static_cast<Language>(m_letterLanguage->currentData().toInt())))
        MessageBox::information(this, tr("Repayment plan"), tr("The letter was saved as %1.").arg(path));
}

std::optional<report::PlanLetter> PlansPage::selectedLetter()
{
    const std::int64_t id = selectedProposal();
    if (id == 0) return std::nullopt;
    auto facts = app::PlanService(m_session).letterFacts(id);
    if (!facts) {
        MessageBox::warning(this, tr("Repayment plan"), errorText(facts.error()));
        return std::nullopt;
    }
    report::PlanLetter letter;
    letter.customerName = facts->customerName;
    letter.maskedIdNumber = facts->maskedIdNumber;
    letter.loanId = facts->proposal.row.loanBankId;
    letter.proposalId = id;
    letter.plan = facts->proposal.plan;
    letter.start = facts->proposal.row.terms.start;
    letter.brokenAfterDays = facts->brokenAfterDays;
    letter.observationMonths = facts->observationMonths;
    letter.officer = facts->printedBy;
    letter.printedOn = facts->printedOn;
    return letter;
}

bool PlansPage::printLetter(const QString& path, Language language)
{
    const auto letter = selectedLetter();
    if (!letter) return false;
    if (report::writePlanLetterPdf(path, *letter, language) == 0) {
        MessageBox::warning(this, tr("Repayment plan"), tr("The file could not be written. Choose another folder."));
        return false;
    }
    return true;
}

}  // namespace doorstep::gui
