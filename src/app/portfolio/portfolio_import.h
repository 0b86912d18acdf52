#pragma once
// Importing the core-banking extract: the whole extract is checked first and nothing is written
// when any row is wrong; then it is written in one transaction together with the recomputed
// delinquency as of the extract date. A crash or a cancel leaves the database as it was.
#include "app/portfolio/delinquency_service.h"
#include "app/screening/screening_service.h"
#include "app/users/session.h"
#include "domain/messages/error.h"
#include "io/portfolio/extract_reader.h"

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace doorstep::app {

enum class ImportStage { Checking, Writing, Recomputing };

struct ImportOptions {
    io::Encoding encoding = io::Encoding::Auto;
    // Called often with the stage and its share done (0–1000); return false to cancel.
    std::function<bool(ImportStage stage, int perMille)> progress;
};

struct ImportReport {
    bool imported = false;  // false: problems found (nothing written) or cancelled
    bool cancelled = false;
    std::vector<io::ExtractProblem> problems;
    bool moreProblems = false;  // the list stops at the first 200
    // Imported all the same, but worth a look (docs/data-formats.md, "Warnings"): the first 200, and how many.
    std::vector<io::ExtractProblem> warnings;
    std::int64_t warningCount = 0;
    io::ExtractCounts counts;
    Date extractDate{};
    std::int64_t rowsChanged = 0;
    // The extract is a snapshot of the book (DOMAIN.md section 3): loans and borrowers it no longer holds left
    // the book with it; those it holds again after they had left came back.
    std::int64_t loansLeft = 0;
    std::int64_t loansReturned = 0;
    std::int64_t borrowersLeft = 0;
    std::int64_t borrowersReturned = 0;
    RecomputeSummary recompute;
    ScreeningSummary screening;
};

Result<ImportReport> importExtract(Session& session, const std::filesystem::path& folder, const ImportOptions& options);

}  // namespace doorstep::app
