#pragma once
// For tests of the loan ledger (storage/portfolio/loan_ledger.h): does every loan's ledger row hold exactly its rows
// in the instalments and payments tables, and what do the ledger rows hold right now.
#include "storage/portfolio/loan_ledger.h"
#include "storage/portfolio/loan_status_repository.h"

#include <cstdint>
#include <fmt/core.h>
#include <map>
#include <string>
#include <vector>

namespace doorstep::test {

// Empty when every loan's ledger decodes to exactly the loan's table rows in the tables' order (a loan
// without rows may have no ledger row) and no ledger row belongs to a loan that does not exist; otherwise
// what differs first, by row id.
inline std::string ledgerMismatch(const storage::Connection& db)
{
    std::string problem;
    std::int64_t loans = 0;
    auto find = db.prepare("SELECT instalments, payments FROM loan_ledger WHERE loan_id = ?");
    std::vector<Instalment> schedule;
    std::vector<Payment> paid;
    storage::LoanStatusRepository(db).forEachLoan(
        [&](std::int64_t id, const Loan&, std::span<const Instalment> is, std::span<const Payment> ps) {
            ++loans;
            if (!problem.empty()) return;
            find.reset();
            find.bind(1, id);
            if (find.step()) {
                storage::decodeInstalments(find.columnBlob(0), schedule);
                storage::decodePayments(find.columnBlob(1), paid);
            } else {
                schedule.clear();
                paid.clear();
            }
            find.reset();
            bool same = schedule.size() == is.size() && paid.size() == ps.size();
            for (std::size_t i = 0; same && i < is.size(); ++i)
                same = schedule[i].sequence == is[i].sequence && schedule[i].dueDate == is[i].dueDate &&
                       schedule[i].principalDue == is[i].principalDue && schedule[i].interestDue == is[i].interestDue;
            for (std::size_t i = 0; same && i < ps.size(); ++i)
                same = paid[i].paidOn == ps[i].paidOn && paid[i].amount == ps[i].amount;
            if (!same)
                problem = fmt::format("loan row {}: ledger {} instalments, {} payments; tables {} and {}", id,
                                      schedule.size(), paid.size(), is.size(), ps.size());
        });
    if (!problem.empty()) return problem;
    auto orphans = db.prepare("SELECT count(*) FROM loan_ledger WHERE loan_id NOT IN (SELECT id FROM loans)");
    orphans.step();
    if (orphans.columnInt(0) != 0) return fmt::format("{} ledger rows of no loan", orphans.columnInt(0));
    if (loans == 0) return "no loans to compare";
    return {};
}

// Every ledger row's two blobs, by loan row id.
inline std::map<std::int64_t, std::string> ledgerRows(const storage::Connection& db)
{
    std::map<std::int64_t, std::string> rows;
    auto s = db.prepare("SELECT loan_id, instalments, payments FROM loan_ledger");
    while (s.step())
        rows[s.columnInt(0)] = std::string(s.columnBlob(1)) + "|" + std::string(s.columnBlob(2));
    return rows;
}

}  // namespace doorstep::test
