#include "storage/plans/plan_repository.h"

#include "domain/shared/calendar.h"

#include <array>
#include <utility>

namespace doorstep::storage {
namespace {

constexpr CodeTable<ProposalMove, 9> kMoveCodes{{
    {ProposalMove::Submit, "submit"},
    {ProposalMove::Approve, "approve"},
    {ProposalMove::Return, "return"},
    {ProposalMove::Revise, "revise"},
    {ProposalMove::RecordAcceptance, "record_acceptance"},
    {ProposalMove::Activate, "activate"},
    {ProposalMove::MarkKept, "mark_kept"},
    {ProposalMove::MarkBroken, "mark_broken"},
    {ProposalMove::Withdraw, "withdraw"},
}};
constexpr CodeTable<AdherenceStatus, 4> kAdherenceCodes{{
    {AdherenceStatus::OnTrack, "on_track"},
    {AdherenceStatus::Late, "late"},
    {AdherenceStatus::Broken, "broken"},
    {AdherenceStatus::Kept, "kept"},
}};
constexpr CodeTable<GraceMode, 2> kGraceModeCodes{{
    {GraceMode::NoPayment, "no_payment"},
    {GraceMode::InterestOnly, "interest_only"},
}};
constexpr CodeTable<GraceInterest, 2> kGraceInterestCodes{{
    {GraceInterest::Capitalise, "capitalise"},
    {GraceInterest::Defer, "defer"},
}};

template <typename E, std::size_t N> E decode(const CodeTable<E, N>& table, const std::string& text, const char* what)
{
    const auto value = codeLookup(table, text);
    if (!value) throw DatabaseError(0, std::string("a plan proposal has an unknown ") + what);
    return *value;
}

Date dateOf(const std::string& text)
{
    const auto d = parseIsoDate(text);
    if (!d) throw DatabaseError(0, "a plan proposal has a date that cannot be read");
    return *d;
}

constexpr const char* kColumns =
    "p.id, p.borrower_id, p.loan_id, p.owner, p.state, p.debt_principal_fen, p.debt_interest_fen, "
    "p.debt_penalty_fen, p.debt_compound_fen, p.start_date, p.waive_penalty_fen, p.waive_compound_fen, p.shape, "
    "p.method, p.rate_micros, p.term_months, p.grace_months, p.grace_mode, p.grace_interest, p.remaining_months, "
    "p.extension_months, p.discount_fen, p.settlement_instalments, p.income_fen, p.expenses_fen, p.lump_sum_fen, "
    "p.supervisor_needed, p.supervisor_comment, p.created_at, p.updated_at, p.adherence, p.days_late, "
    "p.assessed_on, l.bank_id, b.bank_id, b.name";

// The stored terms: one set of columns for the three shapes, unused ones 0.
struct StoredTerms {
    std::string shape = "reamortisation";
    RepaymentMethod method = RepaymentMethod::EqualInstalment;
    std::int64_t rateMicros = 0;
    int termMonths = 0;
    int graceMonths = 0;
    GraceMode graceMode = GraceMode::NoPayment;
    GraceInterest graceInterest = GraceInterest::Capitalise;
    int remainingMonths = 0;
    int extensionMonths = 0;
    Money discount;
    int settlementInstalments = 0;
};

StoredTerms storedTerms(const PlanTerms& terms)
{
    StoredTerms t;
    if (const auto* r = std::get_if<Reamortisation>(&terms.shape)) {
        t.method = r->method;
        t.rateMicros = r->rate.micros;
        t.termMonths = r->termMonths;
        t.graceMonths = r->graceMonths;
        t.graceMode = r->graceMode;
        t.graceInterest = r->graceInterest;
    } else if (const auto* e = std::get_if<TermExtension>(&terms.shape)) {
        t.shape = "extension";
        t.method = e->method;
        t.rateMicros = e->rate.micros;
        t.remainingMonths = e->remainingMonths;
        t.extensionMonths = e->extensionMonths;
    } else {
        const auto& s = std::get<Settlement>(terms.shape);
        t.shape = "settlement";
        t.discount = s.discount;
        t.settlementInstalments = s.instalments;
    }
    return t;
}

// Columns 3 … 32 of insert and update, in kColumns order from p.state on.
int bindStored(Statement& s, int i, const ProposalRow& r)
{
    const StoredTerms t = storedTerms(r.terms);
    s.bind(i++, codeOf(kProposalStateCodes, r.state));
    s.bind(i++, r.debt.principal.fen);
    s.bind(i++, r.debt.interest.fen);
    s.bind(i++, r.debt.penalty.fen);
    s.bind(i++, r.debt.compound.fen);
    s.bind(i++, formatIsoDate(r.terms.start));
    s.bind(i++, r.terms.waiver.penalty.fen);
    s.bind(i++, r.terms.waiver.compound.fen);
    s.bind(i++, t.shape);
    s.bind(i++, repaymentMethodName(t.method));
    s.bind(i++, t.rateMicros);
    s.bind(i++, std::int64_t{t.termMonths});
    s.bind(i++, std::int64_t{t.graceMonths});
    s.bind(i++, codeOf(kGraceModeCodes, t.graceMode));
    s.bind(i++, codeOf(kGraceInterestCodes, t.graceInterest));
    s.bind(i++, std::int64_t{t.remainingMonths});
    s.bind(i++, std::int64_t{t.extensionMonths});
    s.bind(i++, t.discount.fen);
    s.bind(i++, std::int64_t{t.settlementInstalments});
    s.bind(i++, r.monthlyIncome.fen);
    s.bind(i++, r.monthlyExpenses.fen);
    s.bind(i++, r.lumpSum.fen);
    s.bindBool(i++, r.supervisorNeeded);
    s.bind(i++, r.supervisorComment);
    s.bind(i++, r.updatedAt);
    s.bind(i++, std::string(r.adherence ? codeOf(kAdherenceCodes, *r.adherence) : std::string_view{""}));
    s.bind(i++, std::int64_t{r.daysLate});
    s.bind(i++, r.assessedOn);
    return i;
}

ProposalRow readRow(const Statement& s)
{
    ProposalRow r;
    r.id = s.columnInt(0);
    r.borrowerRowId = s.columnInt(1);
    r.loanRowId = s.columnInt(2);
    r.owner = s.columnText(3);
    r.state = decode(kProposalStateCodes, s.columnText(4), "state");
    r.debt =
        OutstandingDebt{Money{s.columnInt(5)}, Money{s.columnInt(6)}, Money{s.columnInt(7)}, Money{s.columnInt(8)}};
    r.terms.start = dateOf(s.columnText(9));
    r.terms.waiver = Waiver{Money{s.columnInt(10)}, Money{s.columnInt(11)}};
    const std::string shape = s.columnText(12);
    const auto method = parseRepaymentMethod(s.columnText(13));
    if (!method) throw DatabaseError(0, "a plan proposal has an unknown repayment method");
    const AnnualRate rate{s.columnInt(14)};
    const int termMonths = static_cast<int>(s.columnInt(15));
    const int graceMonths = static_cast<int>(s.columnInt(16));
    const GraceMode graceMode = decode(kGraceModeCodes, s.columnText(17), "grace mode");
    const GraceInterest graceInterest = decode(kGraceInterestCodes, s.columnText(18), "grace interest");
    if (shape == "reamortisation") {
        r.terms.shape = Reamortisation{*method, rate, termMonths, graceMonths, graceMode, graceInterest};
    } else if (shape == "extension") {
        r.terms.shape =
            TermExtension{*method, rate, static_cast<int>(s.columnInt(19)), static_cast<int>(s.columnInt(20))};
    } else if (shape == "settlement") {
        r.terms.shape = Settlement{Money{s.columnInt(21)}, static_cast<int>(s.columnInt(22))};
    } else {
        throw DatabaseError(0, "a plan proposal has an unknown shape");
    }
    r.monthlyIncome = Money{s.columnInt(23)};
    r.monthlyExpenses = Money{s.columnInt(24)};
    r.lumpSum = Money{s.columnInt(25)};
    r.supervisorNeeded = s.columnInt(26) != 0;
    r.supervisorComment = s.columnText(27);
    r.createdAt = s.columnText(28);
    r.updatedAt = s.columnText(29);
    if (const std::string a = s.columnText(30); !a.empty()) r.adherence = decode(kAdherenceCodes, a, "adherence");
    r.daysLate = static_cast<int>(s.columnInt(31));
    r.assessedOn = s.columnText(32);
    r.loanBankId = s.columnText(33);
    r.borrowerBankId = s.columnText(34);
    r.borrowerName = s.columnText(35);
    return r;
}

const std::string kSelect = std::string("SELECT ") + kColumns +
                            " FROM plan_proposals p JOIN loans l ON l.id = p.loan_id JOIN borrowers b ON b.id = "
                            "p.borrower_id";

}  // namespace

std::int64_t PlanRepository::insert(const ProposalRow& row)
{
    auto s = m_db.prepare(
        "INSERT INTO plan_proposals (borrower_id, loan_id, owner, state, debt_principal_fen, debt_interest_fen, "
        "debt_penalty_fen, debt_compound_fen, start_date, waive_penalty_fen, waive_compound_fen, shape, method, "
        "rate_micros, term_months, grace_months, grace_mode, grace_interest, remaining_months, extension_months, "
        "discount_fen, settlement_instalments, income_fen, expenses_fen, lump_sum_fen, supervisor_needed, "
        "supervisor_comment, updated_at, adherence, days_late, assessed_on, created_at) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    s.bind(1, row.borrowerRowId).bind(2, row.loanRowId).bind(3, row.owner);
    const int next = bindStored(s, 4, row);
    s.bind(next, row.createdAt);
    s.run();
    return m_db.lastInsertId();
}

void PlanRepository::update(const ProposalRow& row)
{
    auto s = m_db.prepare(
        "UPDATE plan_proposals SET state=?, debt_principal_fen=?, debt_interest_fen=?, debt_penalty_fen=?, "
        "debt_compound_fen=?, start_date=?, waive_penalty_fen=?, waive_compound_fen=?, shape=?, method=?, "
        "rate_micros=?, term_months=?, grace_months=?, grace_mode=?, grace_interest=?, remaining_months=?, "
        "extension_months=?, discount_fen=?, settlement_instalments=?, income_fen=?, expenses_fen=?, "
        "lump_sum_fen=?, supervisor_needed=?, supervisor_comment=?, updated_at=?, adherence=?, days_late=?, "
        "assessed_on=? WHERE id=?");
    const int next = bindStored(s, 1, row);
    s.bind(next, row.id);
    s.run();
}

std::optional<ProposalRow> PlanRepository::find(std::int64_t id) const
{
    auto s = m_db.prepare(kSelect + " WHERE p.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readRow(s);
}

std::vector<ProposalRow> PlanRepository::list(const ProposalQuery& query) const
{
    auto s = m_db.prepare(kSelect + " WHERE (?1 = '' OR p.state = ?1) AND (?2 = '' OR p.owner = ?2) AND (?3 IS NULL OR "
                                    "p.borrower_id = ?3) ORDER BY p.id DESC");
    s.bind(1, std::string(query.state ? codeOf(kProposalStateCodes, *query.state) : std::string_view{""}));
    s.bind(2, query.owner);
    if (query.borrowerRowId) {
        s.bind(3, *query.borrowerRowId);
    } else {
        s.bind(3, std::nullopt);
    }
    std::vector<ProposalRow> rows;
    while (s.step())
        rows.push_back(readRow(s));
    return rows;
}

void PlanRepository::addMove(const ProposalMoveRow& m)
{
    m_db.prepare("INSERT INTO plan_proposal_moves (proposal_id, move, from_state, to_state, actor, at, comment) "
                 "VALUES (?,?,?,?,?,?,?)")
        .bind(1, m.proposalId)
        .bind(2, codeOf(kMoveCodes, m.move))
        .bind(3, codeOf(kProposalStateCodes, m.from))
        .bind(4, codeOf(kProposalStateCodes, m.to))
        .bind(5, m.actor)
        .bind(6, m.at)
        .bind(7, m.comment)
        .run();
}

std::vector<ProposalMoveRow> PlanRepository::moves(std::int64_t proposalId) const
{
    auto s = m_db.prepare("SELECT proposal_id, move, from_state, to_state, actor, at, comment FROM "
                          "plan_proposal_moves WHERE proposal_id = ? ORDER BY id");
    s.bind(1, proposalId);
    std::vector<ProposalMoveRow> out;
    while (s.step()) {
        out.push_back(ProposalMoveRow{s.columnInt(0), decode(kMoveCodes, s.columnText(1), "move"),
                                      decode(kProposalStateCodes, s.columnText(2), "state"),
                                      decode(kProposalStateCodes, s.columnText(3), "state"), s.columnText(4),
                                      s.columnText(5), s.columnText(6)});
    }
    return out;
}

std::optional<PlanLoanRow> PlanRepository::loan(std::int64_t loanRowId) const
{
    auto s = m_db.prepare(
        "SELECT l.id, l.borrower_id, l.bank_id, l.officer, l.rate_micros, l.method, b.monthly_income_fen, "
        "b.monthly_expenses_fen, st.as_of, st.outstanding_principal_fen, st.overdue_interest_fen, st.penalty_fen, "
        "st.compound_fen, (SELECT count(*) FROM instalments i WHERE i.loan_id = l.id AND i.due_date > st.as_of) "
        "FROM loans l JOIN borrowers b ON b.id = l.borrower_id LEFT JOIN loan_status st ON st.loan_id = l.id "
        "WHERE l.id = ?");
    s.bind(1, loanRowId);
    if (!s.step()) return std::nullopt;
    PlanLoanRow r;
    r.loanRowId = s.columnInt(0);
    r.borrowerRowId = s.columnInt(1);
    r.loanBankId = s.columnText(2);
    r.officer = s.columnText(3);
    r.rate = AnnualRate{s.columnInt(4)};
    r.method = parseRepaymentMethod(s.columnText(5)).value_or(RepaymentMethod::EqualInstalment);
    r.monthlyIncome = Money{s.columnInt(6)};
    r.monthlyExpenses = Money{s.columnInt(7)};
    r.hasStatus = !s.columnIsNull(8);
    if (r.hasStatus) {
        r.asOf = s.columnText(8);
        r.debt = OutstandingDebt{Money{s.columnInt(9)}, Money{s.columnInt(10)}, Money{s.columnInt(11)},
                                 Money{s.columnInt(12)}};
        r.instalmentsAfterAsOf = static_cast<int>(s.columnInt(13));
    }
    return r;
}

std::optional<std::pair<std::string, std::string>> PlanRepository::identity(std::int64_t borrowerRowId) const
{
    auto s = m_db.prepare("SELECT name, id_number FROM borrowers WHERE id = ?");
    s.bind(1, borrowerRowId);
    if (!s.step()) return std::nullopt;
    return std::make_pair(s.columnText(0), s.columnText(1));
}

std::vector<Payment> PlanRepository::payments(std::int64_t loanRowId) const
{
    auto s = m_db.prepare("SELECT paid_date, amount_fen FROM payments WHERE loan_id = ? ORDER BY paid_date, id");
    s.bind(1, loanRowId);
    std::vector<Payment> out;
    while (s.step()) {
        Payment p;
        p.paidOn = dateOf(s.columnText(0));
        p.amount = Money{s.columnInt(1)};
        out.push_back(std::move(p));
    }
    return out;
}

std::vector<Instalment> PlanRepository::instalments(std::int64_t loanRowId) const
{
    auto s = m_db.prepare("SELECT seq, due_date, principal_fen, interest_fen FROM instalments "
                          "WHERE loan_id = ? ORDER BY seq");
    s.bind(1, loanRowId);
    std::vector<Instalment> out;
    while (s.step()) {
        Instalment i;
        i.sequence = static_cast<int>(s.columnInt(0));
        i.dueDate = dateOf(s.columnText(1));
        i.principalDue = Money{s.columnInt(2)};
        i.interestDue = Money{s.columnInt(3)};
        out.push_back(std::move(i));
    }
    return out;
}

}  // namespace doorstep::storage
