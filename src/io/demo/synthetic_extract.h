#pragma once
// A synthetic core-banking extract (docs/data-formats.md, "The core-banking extract") for demonstrations,
// tests and measurements: made-up borrowers in Shanghai's districts with realistic loans, schedules and
// payment histories — most loans current, a tail in every arrears bucket — and the call centre's contact
// history of the last 60 days (synthetic_contacts.h). Never real people.
//
// The same options give byte-identical files on every run and machine (our own PRNG and range mapping).
// Rows are streamed borrower by borrower into all eight files at once (a borrower's contact attempts are
// generated with the borrower), so memory stays bounded whatever the number of loans.
#include "domain/messages/error.h"
#include "domain/shared/calendar.h"
#include "io/portfolio/extract_reader.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace doorstep::io {

struct SyntheticOptions {
    std::int64_t loans = 5000;  // exactly this many loans, about 1.2 per borrower; 1 … 100,000,000
    std::uint64_t seed = 1;
    Date extractDate{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};
    // User names of officers; each borrower's loans go to one of them, drawn at random. Empty: unassigned.
    std::vector<std::string> officers;
    // Called at the start, after about every 1,000 loans, and at the end; returning false cancels.
    std::function<bool(std::int64_t done, std::int64_t total)> progress;
};

// The rows written, counted as the reader counts what it reads (an import of the extract finds the same).
struct SyntheticSummary : ExtractCounts {
    std::uint64_t bytes = 0;  // of all eight files
    bool cancelled = false;   // progress returned false; no file was left behind
};

// Writes manifest.csv, borrowers.csv, contacts.csv, credit_records.csv, loans.csv, instalments.csv,
// payments.csv and contact_history.csv (UTF-8 without a byte-order mark, RFC 4180, CRLF) into `folder`, creating it if
// needed and replacing files of those names. The files are written under temporary names and renamed only when all are
// complete, so a failure or a cancel leaves whatever was there before. InvalidInput for options out of range, Io when a
// file cannot be written.
Result<SyntheticSummary> writeSyntheticExtract(const std::filesystem::path& folder, const SyntheticOptions& options);

}  // namespace doorstep::io
