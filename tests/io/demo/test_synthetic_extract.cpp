#include "io/demo/synthetic_extract.h"

#include "io/portfolio/extract_reader.h"

#include "domain/shared/calendar.h"
#include "domain/shared/money.h"
#include "domain/shared/rate.h"
#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <algorithm>
#include <array>
#include <catch2/catch_test_macros.hpp>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using namespace doorstep;
using doorstep::test::TempDir;
namespace fs = std::filesystem;

namespace {

constexpr std::array<std::string_view, 8> kFiles{"manifest.csv",       "borrowers.csv",      "contacts.csv",
                                                 "credit_records.csv", "loans.csv",          "instalments.csv",
                                                 "payments.csv",       "contact_history.csv"};

// A strict RFC 4180 reader, independent of the one in io/: CRLF after every record, quotes only around
// whole fields, a quote inside doubled. Anything else fails the test.
struct Table {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    std::size_t column(std::string_view name) const
    {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) return i;
        }
        FAIL("no column " << name);
        return 0;
    }
};

// Empty when the text is well formed, else what is wrong first.
std::string parseCsvInto(const std::string& text, std::vector<std::vector<std::string>>& records)
{
    std::vector<std::string> record;
    std::string field;
    std::size_t i = 0;
    if (text.starts_with("\xEF\xBB\xBF")) return "a byte-order mark";
    while (i < text.size()) {
        if (text[i] == '"') {
            for (++i;; ++i) {
                if (i >= text.size()) return "a quoted field never closed";
                if (text[i] != '"') {
                    field += text[i];
                } else if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    ++i;
                    break;
                }
            }
            if (i >= text.size() || (text[i] != ',' && text[i] != '\r')) return "text after a closing quote";
        } else {
            for (; i < text.size() && text[i] != ',' && text[i] != '\r'; ++i) {
                if (text[i] == '"' || text[i] == '\n') return "a quote or line feed in an unquoted field";
                field += text[i];
            }
            if (i >= text.size()) return "a last record without CRLF";
        }
        record.push_back(std::move(field));
        field.clear();
        if (text[i] == ',') {
            ++i;
            continue;
        }
        if (text.compare(i, 2, "\r\n") != 0) return "a CR without LF";
        i += 2;
        records.push_back(std::move(record));
        record.clear();
    }
    if (records.empty()) return "no header row";
    for (const auto& r : records) {
        if (r.size() != records.front().size()) return "a record with a different number of fields";
    }
    return {};
}

Table parseCsv(const std::string& text)
{
    std::vector<std::vector<std::string>> records;
    const std::string problem = parseCsvInto(text, records);
    INFO(problem);
    REQUIRE(problem.empty());
    Table table;
    table.header = std::move(records.front());
    table.rows.assign(std::make_move_iterator(records.begin() + 1), std::make_move_iterator(records.end()));
    return table;
}

Table readTable(const fs::path& folder, std::string_view name)
{
    return parseCsv(test::readBytes(folder / name));
}

Date date(std::string_view text)
{
    const auto d = parseIsoDate(text);
    REQUIRE(d);
    return *d;
}

Money yuan(std::string_view text)
{
    const auto m = parseYuan(text);
    REQUIRE(m);
    return *m;
}

// GB 11643: the check character for weights 2^(17−i) mod 11, written out independently of the generator.
bool checkDigitHolds(std::string_view id)
{
    if (id.size() != 18) return false;
    int sum = 0;
    int weight = 1;
    for (int i = 16; i >= 0; --i) {
        weight = weight * 2 % 11;
        const char c = id[static_cast<std::size_t>(i)];
        if (c < '0' || c > '9') return false;
        sum += (c - '0') * weight;
    }
    const int value = (12 - sum % 11) % 11;  // the value the check character stands for
    return id[17] == (value == 10 ? 'X' : static_cast<char>('0' + value));
}

std::uint64_t fnv1a(const std::string& bytes)
{
    std::uint64_t h = 14695981039346656037ULL;
    for (const unsigned char c : bytes)
        h = (h ^ c) * 1099511628211ULL;
    return h;
}

io::SyntheticOptions optionsFor(std::int64_t loans, std::uint64_t seed)
{
    io::SyntheticOptions o;
    o.loans = loans;
    o.seed = seed;
    return o;
}

// One 5,000-loan extract shared by the test cases that only read it.
const fs::path& standardExtract()
{
    static TempDir dir;
    static const bool written = [] {
        auto options = optionsFor(5000, 1);
        options.officers = {"officer1", "officer2", "张 三, 组长"};
        const auto summary = io::writeSyntheticExtract(dir.path(), options);
        REQUIRE(summary);
        return true;
    }();
    (void)written;
    return dir.path();
}

const Date kExtractDate{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};

}  // namespace

TEST_CASE("every file has the header row of the format, and parses as RFC 4180", "[synthetic]")
{
    const std::map<std::string_view, std::vector<std::string>> headers{
        {"manifest.csv", {"extract_date", "branch_code"}},
        {"borrowers.csv",
         {"borrower_id", "name", "id_number", "phone", "phone2", "address", "district", "latitude", "longitude",
          "employer", "monthly_income", "monthly_expenses"}},
        {"contacts.csv", {"borrower_id", "name", "relation", "phone"}},
        {"credit_records.csv",
         {"borrower_id", "report_date", "overdue_accounts_elsewhere", "worst_dpd_24m", "total_debt", "enquiries_6m"}},
        {"loans.csv",
         {"loan_id", "borrower_id", "product", "principal", "interest_rate", "start_date", "term_months",
          "repayment_method", "officer"}},
        {"instalments.csv", {"loan_id", "seq", "due_date", "principal_due", "interest_due"}},
        {"payments.csv", {"payment_id", "loan_id", "paid_date", "amount"}},
        {"contact_history.csv",
         {"borrower_id", "loan_id", "contact_time", "channel", "reached", "outcome", "promised_amount",
          "promised_date"}},
    };
    const fs::path& folder = standardExtract();
    for (const auto name : kFiles) {
        INFO(name);
        const Table t = readTable(folder, name);
        CHECK(t.header == headers.at(name));
        CHECK_FALSE(t.rows.empty());
    }
    const Table manifest = readTable(folder, "manifest.csv");
    REQUIRE(manifest.rows.size() == 1);
    CHECK(manifest.rows[0][0] == "2026-11-30");
    CHECK(manifest.rows[0][1] == "310115");
    // The officer with a comma in the name went through quoted and came back whole.
    const Table loans = readTable(folder, "loans.csv");
    std::set<std::string> officers;
    for (const auto& row : loans.rows)
        officers.insert(row[loans.column("officer")]);
    CHECK(officers == std::set<std::string>{"officer1", "officer2", "张 三, 组长"});
    // Nothing is left under a temporary name.
    for (const auto& entry : fs::directory_iterator(folder))
        CHECK(entry.path().extension() == ".csv");
}

TEST_CASE("the same seed writes byte-identical files, another seed different ones", "[synthetic]")
{
    TempDir again;
    TempDir other;
    auto options = optionsFor(5000, 1);
    options.officers = {"officer1", "officer2", "张 三, 组长"};
    REQUIRE(io::writeSyntheticExtract(again.path(), options));
    REQUIRE(io::writeSyntheticExtract(other.path(), optionsFor(5000, 2)));
    for (const auto name : kFiles) {
        INFO(name);
        const std::string first = test::readBytes(standardExtract() / name);
        const std::string second = test::readBytes(again / name);
        CHECK(fnv1a(first) == fnv1a(second));
        CHECK(first == second);
        if (name != "manifest.csv") CHECK(first != test::readBytes(other / name));
    }
}

TEST_CASE("borrowers are made up but well formed: ID numbers pass the check digit, phones have 11 digits",
          "[synthetic]")
{
    const std::set<std::string> areaCodes{"310101", "310104", "310105", "310106", "310107", "310109",
                                          "310110", "310112", "310113", "310114", "310115", "310116",
                                          "310117", "310118", "310120", "310151"};
    const Table t = readTable(standardExtract(), "borrowers.csv");
    std::unordered_set<std::string> ids;
    std::int64_t withIncome = 0;
    std::int64_t unplaced = 0;
    for (const auto& row : t.rows) {
        const std::string& id = row[t.column("id_number")];
        INFO(row[t.column("borrower_id")]);
        CHECK(ids.insert(row[t.column("borrower_id")]).second);
        CHECK(checkDigitHolds(id));
        CHECK(areaCodes.contains(id.substr(0, 6)));
        const Date birth = date(id.substr(6, 4) + "-" + id.substr(10, 2) + "-" + id.substr(12, 2));
        CHECK(birth.year() >= std::chrono::year{1960});
        CHECK(birth.year() <= std::chrono::year{2002});
        for (const char* column : {"phone", "phone2"}) {
            const std::string& phone = row[t.column(column)];
            if (phone.empty() && std::string_view(column) == "phone2") continue;
            CHECK(phone.size() == 11);
            CHECK(phone.find_first_not_of("0123456789") == std::string::npos);
            CHECK((phone.starts_with("13") || phone.starts_with("15") || phone.starts_with("18") ||
                   phone.starts_with("19")));
        }
        const std::string& district = row[t.column("district")];
        CHECK(district.ends_with("区"));
        CHECK(row[t.column("address")].starts_with(district));
        CHECK(row[t.column("address")].ends_with("室"));
        // Shanghai, 6 decimals, for all but the few addresses not placed on the map.
        const std::string& lat = row[t.column("latitude")];
        const std::string& lon = row[t.column("longitude")];
        CHECK(lat.empty() == lon.empty());
        if (lat.empty()) {
            ++unplaced;
        } else {
            CHECK(lat.size() == 9);
            CHECK(lon.size() == 10);
            CHECK((lat >= "30.6" && lat <= "31.9"));
            CHECK((lon >= "121.0" && lon <= "122.0"));
        }
        if (!row[t.column("monthly_income")].empty()) ++withIncome;
        if (!row[t.column("monthly_expenses")].empty())
            CHECK(yuan(row[t.column("monthly_income")]) > yuan(row[t.column("monthly_expenses")]));
    }
    CHECK(withIncome > static_cast<std::int64_t>(t.rows.size()) * 9 / 10);
    CHECK(unplaced < static_cast<std::int64_t>(t.rows.size()) / 10);

    const Table contacts = readTable(standardExtract(), "contacts.csv");
    const std::set<std::string> relations{"guarantor", "spouse", "relative", "employer", "other"};
    for (const auto& row : contacts.rows) {
        CHECK(ids.contains(row[contacts.column("borrower_id")]));
        CHECK(relations.contains(row[contacts.column("relation")]));
        CHECK(row[contacts.column("phone")].size() == 11);
    }
    const Table credit = readTable(standardExtract(), "credit_records.csv");
    std::unordered_set<std::string> reported;
    for (const auto& row : credit.rows) {
        CHECK(ids.contains(row[credit.column("borrower_id")]));
        CHECK(reported.insert(row[credit.column("borrower_id")]).second);  // at most one per borrower
        CHECK(date(row[credit.column("report_date")]) <= kExtractDate);
    }
    // Most borrowers have a report on file; 0–2 contacts each.
    CHECK(credit.rows.size() > ids.size() * 8 / 10);
    CHECK(contacts.rows.size() < ids.size() * 2);
}

TEST_CASE("loans follow the product mix, and each loan's schedule repays exactly its principal", "[synthetic]")
{
    const fs::path& folder = standardExtract();
    const Table loans = readTable(folder, "loans.csv");
    const Table instalments = readTable(folder, "instalments.csv");
    REQUIRE(loans.rows.size() == 5000);

    std::map<std::string, int> products;
    std::unordered_set<std::string> borrowers;
    std::vector<std::string> order;
    std::unordered_map<std::string, const std::vector<std::string>*> byId;
    for (const auto& row : loans.rows) {
        products[row[loans.column("product")]] += 1;
        borrowers.insert(row[loans.column("borrower_id")]);
        order.push_back(row[loans.column("loan_id")]);
        CHECK(byId.emplace(order.back(), &row).second);  // unique
        const auto rate = parsePercentRate(row[loans.column("interest_rate")]);
        REQUIRE(rate);
        CHECK(rate->micros >= 32'000);
        CHECK(rate->micros <= 180'000);
    }
    // Roughly 15 / 45 / 15 / 25 %, and about 1.2 loans per borrower.
    CHECK((products["mortgage"] > 600 && products["mortgage"] < 900));
    CHECK((products["consumer"] > 2000 && products["consumer"] < 2500));
    CHECK((products["business"] > 600 && products["business"] < 900));
    CHECK((products["credit_card"] > 1050 && products["credit_card"] < 1450));
    const double perBorrower = 5000.0 / static_cast<double>(borrowers.size());
    CHECK((perBorrower > 1.1 && perBorrower < 1.3));

    // Instalments come grouped by loan, in the order of loans.csv, numbered 1, 2, 3 … by due date.
    std::size_t next = 0;
    std::size_t r = 0;
    while (r < instalments.rows.size()) {
        const std::string id = instalments.rows[r][instalments.column("loan_id")];
        REQUIRE(next < order.size());
        REQUIRE(id == order[next++]);
        const auto& loan = *byId.at(id);
        INFO(id);
        const Date start = date(loan[loans.column("start_date")]);
        Money principal;
        int seq = 0;
        Date previous = start;
        for (; r < instalments.rows.size() && instalments.rows[r][0] == id; ++r) {
            const auto& row = instalments.rows[r];
            CHECK(row[instalments.column("seq")] == std::to_string(++seq));
            const Date due = date(row[instalments.column("due_date")]);
            CHECK(due > previous);
            previous = due;
            principal += yuan(row[instalments.column("principal_due")]);
            CHECK(yuan(row[instalments.column("interest_due")]) >= kZeroMoney);
        }
        CHECK(principal == yuan(loan[loans.column("principal")]));
        CHECK(std::to_string(seq) == loan[loans.column("term_months")]);
    }
    CHECK(next == order.size());
}

TEST_CASE("payments are grouped by loan, oldest first, unique, positive, and none after the extract date; the "
          "arrears mix is as intended",
          "[synthetic]")
{
    const fs::path& folder = standardExtract();
    const Table loans = readTable(folder, "loans.csv");
    const Table instalments = readTable(folder, "instalments.csv");
    const Table payments = readTable(folder, "payments.csv");

    std::unordered_map<std::string, std::vector<std::pair<Date, Money>>> due;
    for (const auto& row : instalments.rows)
        due[row[0]].emplace_back(date(row[2]), yuan(row[3]) + yuan(row[4]));
    std::unordered_map<std::string, Money> paid;
    std::unordered_set<std::string> paymentIds;
    std::unordered_set<std::string> finishedLoans;
    std::string current;
    Date previous{};
    for (const auto& row : payments.rows) {
        const std::string& loan = row[payments.column("loan_id")];
        CHECK(paymentIds.insert(row[payments.column("payment_id")]).second);
        REQUIRE(due.contains(loan));
        const Date on = date(row[payments.column("paid_date")]);
        CHECK(on <= kExtractDate);
        if (loan != current) {
            CHECK(finishedLoans.insert(loan).second);  // each loan's payments are together
            current = loan;
        } else {
            CHECK(on >= previous);
        }
        previous = on;
        const Money amount = yuan(row[payments.column("amount")]);
        CHECK(amount.isPositive());
        paid[loan] += amount;
    }

    // Days past due, simply: payments cover instalments in order; the oldest not fully covered decides.
    std::array<int, 6> buckets{};  // current, 1–30, 31–60, 61–90, 91–180, over 180
    for (const auto& row : loans.rows) {
        const std::string& id = row[loans.column("loan_id")];
        Money left = paid[id];
        int dpd = 0;
        for (const auto& [dueOn, amount] : due.at(id)) {
            if (left >= amount) {
                left -= amount;
                continue;
            }
            dpd = std::max(0, daysBetween(dueOn, kExtractDate));
            break;
        }
        const std::size_t bucket = dpd == 0 ? 0 : dpd <= 30 ? 1 : dpd <= 60 ? 2 : dpd <= 90 ? 3 : dpd <= 180 ? 4 : 5;
        ++buckets[bucket];
    }
    INFO("current " << buckets[0] << ", 1-30 " << buckets[1] << ", 31-60 " << buckets[2] << ", 61-90 " << buckets[3]
                    << ", 91-180 " << buckets[4] << ", over 180 " << buckets[5]);
    // Intended (of 5,000): 82 % = 4,100; 8 % = 400; 4 % = 200; 2.5 % = 125; 1.5 % = 75; 2 % = 100.
    CHECK((buckets[0] > 3950 && buckets[0] < 4250));
    CHECK((buckets[1] > 320 && buckets[1] < 480));
    CHECK((buckets[2] > 150 && buckets[2] < 260));
    CHECK((buckets[3] > 85 && buckets[3] < 170));
    CHECK((buckets[4] > 45 && buckets[4] < 115));
    CHECK((buckets[5] > 65 && buckets[5] < 140));
}

TEST_CASE("the summary counts what was written, and progress runs from 0 to the total", "[synthetic]")
{
    TempDir dir;
    auto options = optionsFor(2500, 7);
    std::vector<std::int64_t> reported;
    options.progress = [&](std::int64_t done, std::int64_t total) {
        CHECK(total == 2500);
        reported.push_back(done);
        return true;
    };
    const auto summary = io::writeSyntheticExtract(dir.path() / "new folder", options);
    REQUIRE(summary);
    CHECK_FALSE(summary->cancelled);
    CHECK(summary->loans == 2500);
    REQUIRE(reported.size() >= 3);
    CHECK(reported.front() == 0);
    CHECK(reported.back() == 2500);
    CHECK(std::is_sorted(reported.begin(), reported.end()));
    const fs::path folder = dir.path() / "new folder";
    CHECK(summary->borrowers == static_cast<std::int64_t>(readTable(folder, "borrowers.csv").rows.size()));
    CHECK(summary->contacts == static_cast<std::int64_t>(readTable(folder, "contacts.csv").rows.size()));
    CHECK(summary->creditRecords == static_cast<std::int64_t>(readTable(folder, "credit_records.csv").rows.size()));
    CHECK(summary->instalments == static_cast<std::int64_t>(readTable(folder, "instalments.csv").rows.size()));
    CHECK(summary->payments == static_cast<std::int64_t>(readTable(folder, "payments.csv").rows.size()));
    CHECK(summary->contactAttempts == static_cast<std::int64_t>(readTable(folder, "contact_history.csv").rows.size()));
    std::uint64_t bytes = 0;
    for (const auto name : kFiles)
        bytes += fs::file_size(folder / name);
    CHECK(summary->bytes == bytes);

    // Without officers the column is there and empty; one loan is one loan.
    TempDir single;
    REQUIRE(io::writeSyntheticExtract(single.path(), optionsFor(1, 3)));
    const Table loans = readTable(single.path(), "loans.csv");
    REQUIRE(loans.rows.size() == 1);
    CHECK(loans.rows[0][loans.column("officer")].empty());
}

TEST_CASE("cancelling from progress leaves no file behind and keeps what was there", "[synthetic]")
{
    TempDir dir;
    test::writeBytes(dir / "loans.csv", "an older extract\r\n");
    auto options = optionsFor(5000, 1);
    int calls = 0;
    options.progress = [&](std::int64_t, std::int64_t) { return ++calls < 2; };  // stop at about 1,000 loans
    const auto summary = io::writeSyntheticExtract(dir.path(), options);
    REQUIRE(summary);
    CHECK(summary->cancelled);
    CHECK(calls == 2);
    std::vector<std::string> left;
    for (const auto& entry : fs::directory_iterator(dir.path()))
        left.push_back(entry.path().filename().string());
    CHECK(left == std::vector<std::string>{"loans.csv"});
    CHECK(test::readBytes(dir / "loans.csv") == "an older extract\r\n");

    // Cancelled before anything is written.
    options.progress = [](std::int64_t, std::int64_t) { return false; };
    TempDir empty;
    const auto early = io::writeSyntheticExtract(empty.path(), options);
    REQUIRE(early);
    CHECK(early->cancelled);
    CHECK(fs::is_empty(empty.path()));
}

TEST_CASE("options out of range are refused", "[synthetic]")
{
    TempDir dir;
    for (const std::int64_t loans : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{100'000'001}}) {
        const auto r = io::writeSyntheticExtract(dir.path(), optionsFor(loans, 1));
        REQUIRE_FALSE(r);
        CHECK(r.error().code == ErrorCode::InvalidInput);
    }
    auto options = optionsFor(10, 1);
    options.extractDate = Date{std::chrono::year{2026}, std::chrono::February, std::chrono::day{30}};
    const auto r = io::writeSyntheticExtract(dir.path(), options);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == ErrorCode::InvalidInput);
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("contact history: calls only from 08:00 to 21:59, grouped by borrower, oldest first, within 60 days",
          "[synthetic][contact_history]")
{
    const fs::path& folder = standardExtract();
    const Table history = readTable(folder, "contact_history.csv");
    const Table loans = readTable(folder, "loans.csv");
    std::unordered_map<std::string, std::string> borrowerOfLoan;
    for (const auto& row : loans.rows)
        borrowerOfLoan[row[loans.column("loan_id")]] = row[loans.column("borrower_id")];
    const auto borrower = history.column("borrower_id");
    const auto loan = history.column("loan_id");
    const auto time = history.column("contact_time");
    const auto channel = history.column("channel");
    const auto reached = history.column("reached");
    const auto outcome = history.column("outcome");
    const auto amount = history.column("promised_amount");
    const auto promised = history.column("promised_date");
    REQUIRE(history.rows.size() > 1000);
    std::set<std::string> finished;
    std::string current;
    std::string previousTime;
    std::map<std::string, int> outcomes;
    std::map<std::string, int> channels;
    std::map<std::string, int> parties;
    for (const auto& row : history.rows) {
        INFO(row[borrower] << " " << row[time]);
        if (row[borrower] != current) {
            CHECK(finished.insert(current).second);
            CHECK_FALSE(finished.contains(row[borrower]));
            current = row[borrower];
            previousTime.clear();
        }
        // "YYYY-MM-DD HH:MM" sorts as text.
        CHECK(row[time] >= previousTime);
        previousTime = row[time];
        REQUIRE(row[time].size() == 16);
        const Date day = date(std::string_view(row[time]).substr(0, 10));
        CHECK(day <= kExtractDate);
        CHECK(daysBetween(day, kExtractDate) < 60);
        const int hour = std::stoi(row[time].substr(11, 2));
        const int minute = std::stoi(row[time].substr(14, 2));
        CHECK((hour >= 8 && hour <= 21));  // never from 22:00 to 07:59 (DOMAIN.md section 5)
        CHECK((minute >= 0 && minute <= 59));
        if (!row[loan].empty()) CHECK(borrowerOfLoan.at(row[loan]) == row[borrower]);
        if (row[outcome] == "promise_to_pay") {
            CHECK(row[channel] == "call");
            CHECK(row[reached] == "borrower");
            CHECK_FALSE(row[loan].empty());
            CHECK(yuan(row[amount]).isPositive());
            const int ahead = daysBetween(day, date(row[promised]));
            CHECK((ahead >= 3 && ahead <= 14));
        } else {
            CHECK(row[amount].empty());
            CHECK(row[promised].empty());
        }
        ++outcomes[row[outcome]];
        ++channels[row[channel]];
        ++parties[row[reached]];
    }
    // Many calls go unanswered; some SMS, a few wrong numbers, rare third parties.
    CHECK(outcomes["no_answer"] * 3 > static_cast<int>(history.rows.size()));
    CHECK(outcomes["wrong_number"] > 0);
    CHECK(outcomes["wrong_number"] * 20 < outcomes["no_answer"]);
    CHECK(outcomes["promise_to_pay"] > 0);
    CHECK(outcomes["refused"] > 0);
    CHECK(channels["sms"] > 0);
    CHECK(channels["sms"] < channels["call"]);
    CHECK(parties["third_party"] > 0);
    CHECK(parties["third_party"] * 10 < parties["borrower"]);
    CHECK(parties["guarantor"] > 0);
}

TEST_CASE("contact history: kept promises have the payments, broken ones do not; current borrowers are rarely "
          "contacted",
          "[synthetic][contact_history]")
{
    const fs::path& folder = standardExtract();
    const Table payments = readTable(folder, "payments.csv");
    std::unordered_map<std::string, std::vector<std::pair<Date, Money>>> paymentsOf;
    for (const auto& row : payments.rows)
        paymentsOf[row[payments.column("loan_id")]].emplace_back(date(row[payments.column("paid_date")]),
                                                                 yuan(row[payments.column("amount")]));
    const Table history = readTable(folder, "contact_history.csv");
    std::set<std::string> kept;
    std::set<std::string> broken;
    for (const auto& row : history.rows) {
        if (row[history.column("outcome")] != "promise_to_pay") continue;
        const Date day = date(std::string_view(row[history.column("contact_time")]).substr(0, 10));
        const Date until = addDays(date(row[history.column("promised_date")]), 3);
        Money paid;
        for (const auto& [on, amount] : paymentsOf[row[history.column("loan_id")]]) {
            if (on >= day && on <= until) paid += amount;
        }
        const std::string& borrower = row[history.column("borrower_id")];
        if (paid.fen >= yuan(row[history.column("promised_amount")]).fen) {
            kept.insert(borrower);
        } else if (until < kExtractDate) {
            // The generator breaks a promise only with nothing paid until well after the promised day.
            CHECK(paid.isZero());
            broken.insert(borrower);
        }
    }
    const auto borrowers = static_cast<double>(readTable(folder, "borrowers.csv").rows.size());
    INFO("kept " << kept.size() << ", broken " << broken.size() << " of " << borrowers);
    CHECK(kept.size() > 50);
    CHECK(broken.size() > 50);
    CHECK(broken.size() > kept.size() / 2);

    // A borrower whose loans are all current at the extract date and were paid on time in the window gets
    // nothing but a few reminder SMS.
    std::set<std::string> called;
    std::set<std::string> texted;
    for (const auto& row : history.rows)
        (row[history.column("channel")] == "call" ? called : texted).insert(row[history.column("borrower_id")]);
    CHECK(called.size() < static_cast<std::size_t>(borrowers * 0.4));
    CHECK(texted.size() > 0);
}

TEST_CASE("the extract reader accepts a generated extract with its contact history, without a problem",
          "[synthetic][contact_history]")
{
    TempDir dir;
    auto options = optionsFor(2000, 11);
    options.officers = {"officer1", "officer2"};
    const auto summary = io::writeSyntheticExtract(dir.path(), options);
    REQUIRE(summary);
    struct Counting final : io::ExtractSink {
        std::int64_t attempts = 0;
        std::int64_t failed = 0;
        void contactAttempt(const ContactAttempt& a) override
        {
            ++attempts;
            if (isFailedContact(a)) ++failed;
            CHECK(a.source == "call_centre");
            CHECK((a.minuteOfDay >= 8 * 60 && a.minuteOfDay <= 21 * 60 + 59));
        }
    } sink;
    const auto result = io::readExtract(dir.path(), sink, {});
    REQUIRE(result);
    std::vector<std::string> problems;
    for (const auto& p : result->problems)
        problems.push_back(p.text());
    CHECK(problems.empty());
    // Every schedule has term_months instalments repaying exactly the principal: nothing to warn about.
    std::vector<std::string> warnings;
    for (const auto& w : result->warnings)
        warnings.push_back(w.text());
    CHECK(warnings.empty());
    CHECK(result->counts.borrowers == summary->borrowers);
    CHECK(result->counts.loans == summary->loans);
    CHECK(result->counts.payments == summary->payments);
    CHECK(result->counts.contactAttempts == summary->contactAttempts);
    CHECK(sink.attempts == summary->contactAttempts);
    CHECK(sink.attempts > 0);
    CHECK(sink.failed > 0);
}

TEST_CASE("the credit record's worst DPD in 24 months never exceeds the days of those 24 months", "[synthetic]")
{
    const Table credit = readTable(standardExtract(), "credit_records.csv");
    int highest = 0;
    for (const auto& row : credit.rows) {
        const Date reported = date(row[credit.column("report_date")]);
        // The most a loan can be past due inside the window: unpaid from its first day to the report date.
        const int window = daysBetween(addMonthsClamped(reported, -24), reported);
        const int worst = std::stoi(row[credit.column("worst_dpd_24m")]);
        INFO(row[credit.column("borrower_id")] << " reported " << row[credit.column("report_date")]);
        CHECK(worst >= 0);
        CHECK(worst <= window);
        highest = std::max(highest, worst);
    }
    // Loans stopped paying long ago are in the book, so the cap is reached, not just respected by chance.
    CHECK(highest >= 700);
}
