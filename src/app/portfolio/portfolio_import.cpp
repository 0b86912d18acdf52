#include "app/portfolio/portfolio_import.h"

#include "app/plans/plan_adherence_run.h"
#include "app/shared/logging.h"
#include "storage/database/file_lock.h"
#include "storage/portfolio/import_log.h"
#include "storage/portfolio/portfolio_writer.h"

#include <fmt/core.h>

namespace doorstep::app {
namespace {

// Hands each record the reader accepted to the storage writer.
class WritingSink final : public io::ExtractSink {
public:
    explicit WritingSink(storage::PortfolioWriter& writer) : m_writer(writer) {}
    void borrower(const Borrower& b) override { m_writer.borrower(b); }
    void contact(const ContactPerson& c) override { m_writer.contact(c); }
    void creditRecord(const CreditRecord& r) override { m_writer.creditRecord(r); }
    void loan(const Loan& l) override { m_writer.loan(l); }
    void instalment(const Instalment& i) override { m_writer.instalment(i); }
    void payment(const Payment& p) override { m_writer.payment(p); }
    void contactAttempt(const ContactAttempt& a) override { m_writer.contactAttempt(a); }

private:
    storage::PortfolioWriter& m_writer;
};

std::function<bool(std::uint64_t, std::uint64_t)> byteProgress(const ImportOptions& options, ImportStage stage)
{
    if (!options.progress) return {};
    return [&options, stage](std::uint64_t done, std::uint64_t total) {
        const int perMille = total == 0 ? 1000 : static_cast<int>(done * 1000 / total);
        return options.progress(stage, perMille);
    };
}

// DOMAIN.md section 3: a payment id names one transaction of one loan for ever, and this extract gives stored
// ids to other loans. A third reading, told those ids, reports each on its line with both loans.
Result<ImportReport> refuseMovedPayments(const std::filesystem::path& folder, const ImportOptions& options,
                                         const std::vector<storage::PortfolioWriter::MovedPayment>& moved,
                                         ImportReport report)
{
    io::ExtractSink ignore;
    io::ExtractOptions check{options.encoding, 200, {}};
    for (const auto& m : moved)
        check.storedPaymentLoans.emplace(m.paymentId, m.storedLoan);
    auto named = io::readExtract(folder, ignore, check);
    if (!named) return std::unexpected(named.error());
    report.problems = std::move(named->problems);
    report.moreProblems = named->truncated;
    if (report.problems.empty()) {
        // The files changed since they were written: name the loans all the same, without a line (nor the id,
        // which passed no check of this reading).
        for (const auto& m : moved)
            report.problems.push_back(io::extractProblem(
                std::string(io::kExtractFiles[6]), 0, "payment_id", MessageId{"import.payment_moved"},
                {MessageArg::ref("value", MessageId{"import.the_value"}),
                 MessageArg::ref("stored", "import.quoted", {MessageArg::text("text", m.storedLoan)}),
                 MessageArg::ref("given", "import.quoted", {MessageArg::text("text", m.extractLoan)})}));
    }
    logger("app")->info("import refused: {} payment id(s) stored for other loans", moved.size());
    return report;
}

}  // namespace

Result<ImportReport> importExtract(Session& session, const std::filesystem::path& folder, const ImportOptions& options)
{
    if (auto r = session.require(Permission::ImportPortfolio); !r) return std::unexpected(r.error());
    ImportReport report;

    // Pass 1: read everything, write nothing.
    io::ExtractSink ignore;
    auto checked =
        io::readExtract(folder, ignore, {options.encoding, 200, byteProgress(options, ImportStage::Checking)});
    if (!checked) return std::unexpected(checked.error());
    report.counts = checked->counts;
    report.extractDate = checked->manifest.extractDate;
    report.warnings = std::move(checked->warnings);
    report.warningCount = checked->warningCount;
    if (checked->cancelled) {
        report.cancelled = true;
        return report;
    }
    if (!checked->problems.empty()) {
        report.problems = std::move(checked->problems);
        report.moreProblems = checked->truncated;
        logger("app")->info("import refused: {} problem(s) in the extract", report.problems.size());
        return report;
    }

    // Pass 2: the same files again, into the database, in one transaction with the recompute.
    const auto& db = session.database().connection();
    // SQLite would otherwise look up the parent row of each of the millions of instalments and payments
    // (23 % of the import's CPU). Nothing is lost: every reference the writer stores comes from the ids it
    // has just written or read (PortfolioWriter::loanRowId and borrowerRowId refuse an unknown one) after
    // pass 1 checked them all, and the import never deletes a loan or a borrower. Made before the
    // transaction (SQLite ignores the pragma inside one) and so it is switched on again after it, on every
    // path out.
    const storage::ForeignKeysOff unchecked(db);
    try {
        // Inside the try: another program's write lock held past the busy timeout is the busy answer.
        storage::Transaction tx(db);
        storage::PortfolioWriter writer(db);
        WritingSink sink(writer);
        auto written =
            io::readExtract(folder, sink, {options.encoding, 1, byteProgress(options, ImportStage::Writing)});
        if (!written) return std::unexpected(written.error());
        if (written->cancelled) {
            report.cancelled = true;
            return report;  // the transaction rolls back
        }
        if (!written->problems.empty()) {
            // The files changed between the two passes.
            report.problems = std::move(written->problems);
            return report;
        }
        writer.finish();
        if (auto moved = writer.movedPayments(); !moved.empty()) {
            // Refused: the transaction rolls back on the way out; the third reading writes nothing.
            return refuseMovedPayments(folder, options, moved, std::move(report));
        }
        report.rowsChanged = writer.rowsChanged();
        const auto book = writer.bookChanges();
        report.loansLeft = book.loansLeft;
        report.loansReturned = book.loansReturned;
        report.borrowersLeft = book.borrowersLeft;
        report.borrowersReturned = book.borrowersReturned;
        const std::int64_t loans = report.counts.loans;
        report.recompute =
            recomputeInTransaction(db, report.extractDate, loadDelinquencySettings(db), [&](std::int64_t done) {
                return !options.progress ||
                       options.progress(
                           ImportStage::Recomputing,
                           loans == 0 ? 1000 : static_cast<int>(std::min<std::int64_t>(1000, done * 1000 / loans)));
            });
        // Screening follows every import (issue 4), in the same transaction.
        (void)assessPlansInTransaction(session, report.extractDate);  // plans in force, before screening
        report.screening = screenInTransaction(db, report.extractDate);
        const std::int64_t importId =
            storage::recordImport(db, {session.now(), report.extractDate, checked->manifest.branchCode,
                                       writer.rowsRead(), report.rowsChanged});
        session.audit("portfolio.import", "import", std::to_string(importId));
        tx.commit();
    } catch (const RecomputeCancelled&) {
        report.cancelled = true;
        return report;
    } catch (const storage::DatabaseError& e) {
        logger("app")->error("import failed while writing: {}", e.what());
        if (e.busy()) return fail(ErrorCode::Conflict, storage::kBusyMessage);
        return fail(ErrorCode::Io, MessageId{"import.write_failed"});
    }
    report.imported = true;
    session.changes().notify({{Change::What::Portfolio}, {Change::What::Queue}});
    logger("app")->info("imported extract of {}: {} loans, {} rows changed; {} loans and {} borrowers left the book, "
                        "{} and {} came back; {} warning(s)",
                        formatIsoDate(report.extractDate), report.counts.loans, report.rowsChanged, report.loansLeft,
                        report.borrowersLeft, report.loansReturned, report.borrowersReturned, report.warningCount);
    return report;
}

}  // namespace doorstep::app
