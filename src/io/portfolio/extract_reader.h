#pragma once
// Reading and checking the core-banking extract (docs/data-formats.md, "The core-banking extract"):
// a folder of CSV files read in order, each record checked against every rule and handed to a sink.
// Memory stays bounded whatever the size: the reader keeps the ids of borrowers and loans (with a few
// facts about each: a borrower's number, a loan's borrower by that number) and the state of the current
// group of instalments, payments or contact attempts, never rows.
#include "domain/contacts/contact_history.h"
#include "domain/messages/error.h"
#include "domain/portfolio/portfolio.h"
#include "domain/shared/calendar.h"
#include "io/shared/text_encoding.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace doorstep::io {

// The files every extract has, in the order they are read; a record may refer only to files above it.
inline constexpr std::array<std::string_view, 7> kExtractFiles{"manifest.csv",       "borrowers.csv", "contacts.csv",
                                                               "credit_records.csv", "loans.csv",     "instalments.csv",
                                                               "payments.csv"};
// Files an extract may lack (older extracts were made before they existed), read after kExtractFiles
// in this order when present.
inline constexpr std::array<std::string_view, 1> kOptionalExtractFiles{"contact_history.csv"};

struct ExtractManifest {
    Date extractDate{};  // the business day the extract describes; no payment may be later
    std::string branchCode;
};

// One thing wrong in the extract. Messages quote the text of numeric, date, code and id columns so a
// person can find it, never the text of a personal datum (name, ID number, phone, address, location).
struct ExtractProblem {
    std::string file;       // "loans.csv"
    std::int64_t line = 0;  // physical line where the record starts (1 is the header row); 0 for the whole file
    std::string column;     // empty when the problem is about the whole row or file
    std::string message;    // English, for the log and tests: "'abc' is not a rate in percent (like 4.35)"
    std::string id{};       // the message id with its arguments: what people read, in their language
    MessageArgs args{};
    // "loans.csv line 1042, column interest_rate: 'abc' is not a rate in percent (like 4.35)", or in Chinese
    // "loans.csv 第 1042 行，interest_rate 列：'abc' 不是百分比形式的利率（如 4.35）"
    std::string text(Language language = Language::English) const;
};

// A problem by message id; its English message is formatted from the id.
ExtractProblem extractProblem(std::string file, std::int64_t line, std::string column, MessageId id,
                              MessageArgs args = {});

// Receives every record that passed all its checks, in file order. The default does nothing, so a
// validation pass can pass a plain ExtractSink.
class ExtractSink {
public:
    virtual ~ExtractSink() = default;
    virtual void manifest(const ExtractManifest&) {}
    virtual void borrower(const Borrower&) {}
    virtual void contact(const ContactPerson&) {}
    virtual void creditRecord(const CreditRecord&) {}
    virtual void loan(const Loan&) {}
    virtual void instalment(const Instalment&) {}
    virtual void payment(const Payment&) {}
    virtual void contactAttempt(const ContactAttempt&) {}
};

struct ExtractOptions {
    Encoding encoding = Encoding::Auto;  // for every file; Auto detects each file's own
    std::size_t maxProblems = 200;       // reading stops at the next problem after this many
    // Called after each block read (and at the start and the end); returning false cancels.
    std::function<bool(std::uint64_t bytesDone, std::uint64_t bytesTotal)> progress = {};
    // Payment ids the database already holds, each with the loan it holds it for (DOMAIN.md section 3: a
    // payment id names one transaction of one loan for ever). A payments.csv row giving one of them to another
    // loan is a problem. Empty for the first check; the import fills it when writing found such ids.
    std::unordered_map<std::string, std::string> storedPaymentLoans = {};
};

// Records that passed their checks and reached the sink.
struct ExtractCounts {
    std::int64_t borrowers = 0;
    std::int64_t contacts = 0;
    std::int64_t creditRecords = 0;
    std::int64_t loans = 0;
    std::int64_t instalments = 0;
    std::int64_t payments = 0;
    std::int64_t contactAttempts = 0;  // rows of contact_history.csv; 0 when the extract has no such file
};

struct ExtractResult {
    ExtractCounts counts;
    std::vector<ExtractProblem> problems;  // in file order; empty means the extract may be imported
    bool cancelled = false;                // progress returned false; the extract was not read to the end
    bool truncated = false;                // there were more than maxProblems problems; reading stopped
    // What a real extract should not say but which does not stop the import (docs/data-formats.md,
    // "Warnings"): the first maxProblems of them, in file order, and how many there were in all.
    std::vector<ExtractProblem> warnings;
    std::int64_t warningCount = 0;
    ExtractManifest manifest;
};

// Reads every file in order, checking every rule, and calls the sink for each good record. Problems in
// rows are collected (up to maxProblems) and reading goes on, so a person gets the whole list. Fails with
// FileMissing when the folder or one of kExtractFiles is missing (the sentence names them), and with
// FileUnreadable when a file cannot be read. A missing file of kOptionalExtractFiles is no problem.
Result<ExtractResult> readExtract(const std::filesystem::path& folder, ExtractSink& sink,
                                  const ExtractOptions& options = {});

}  // namespace doorstep::io
