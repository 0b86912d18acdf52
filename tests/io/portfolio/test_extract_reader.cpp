#include "io/portfolio/extract_reader.h"

#include "io/portfolio/extract_table.h"

#include "support/db_query.h"
#include "support/file_bytes.h"
#include "support/temp_dir.h"

#include <algorithm>
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>
#include <fmt/core.h>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

using namespace doorstep;
using doorstep::test::TempDir;
using io::Encoding;
using io::ExtractOptions;
using io::ExtractResult;
using Texts = std::vector<std::string>;

namespace {

// A small, good extract. Every ID number is synthetic, with a correct check character.
const std::map<std::string, std::string> kGood{
    {"manifest.csv", "extract_date,branch_code\n2026-11-30,310115\n"},
    {"borrowers.csv",
     "borrower_id,name,id_number,phone,phone2,address,district,latitude,longitude,employer,monthly_income,"
     "monthly_expenses\n"
     "C001,王秀英,110101199003071233,13812345678,,\"浦东新区张杨路1500号3室, 近地铁\",浦东新区,31.230416,121.473701,"
     "某某物流有限公司,12000.00,7000.00\n"
     "C002,李强,44030419780101031X,13900001111,02161234567,徐汇区漕溪北路1号,徐汇区,,,,,\n"},
    {"contacts.csv", "borrower_id,name,relation,phone\nC001,张伟,spouse,13700002222\n"},
    {"credit_records.csv", "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m\n"
                           "C001,2026-10-15,1,45,230000.00,3\n"},
    {"loans.csv",
     "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,officer\n"
     "L001-1,C001,consumer,150000.00,4.35,2025-03-15,36,equal_instalment,officer1\n"
     "L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,\n"},
    {"instalments.csv", "loan_id,seq,due_date,principal_due,interest_due\n"
                        "L001-1,1,2025-04-15,3900.00,543.75\n"
                        "L001-1,2,2025-05-15,3914.14,529.61\n"
                        "L002-1,1,2024-02-10,2222.22,2066.67\n"},
    {"payments.csv", "payment_id,loan_id,paid_date,amount\n"
                     "P1,L001-1,2025-04-15,4443.75\n"
                     "P2,L001-1,2025-05-20,4443.75\n"
                     "P3,L002-1,2024-02-10,4288.89\n"},
};

struct RecordingSink final : io::ExtractSink {
    std::vector<io::ExtractManifest> manifests;
    std::vector<Borrower> borrowers;
    std::vector<ContactPerson> contacts;
    std::vector<CreditRecord> credits;
    std::vector<Loan> loans;
    std::vector<Instalment> instalments;
    std::vector<Payment> payments;
    std::vector<ContactAttempt> attempts;
    void contactAttempt(const ContactAttempt& a) override { attempts.push_back(a); }
    void manifest(const io::ExtractManifest& m) override { manifests.push_back(m); }
    void borrower(const Borrower& b) override { borrowers.push_back(b); }
    void contact(const ContactPerson& c) override { contacts.push_back(c); }
    void creditRecord(const CreditRecord& r) override { credits.push_back(r); }
    void loan(const Loan& l) override { loans.push_back(l); }
    void instalment(const Instalment& i) override { instalments.push_back(i); }
    void payment(const Payment& p) override { payments.push_back(p); }
};

void writeExtract(const TempDir& dir, const std::map<std::string, std::string>& files)
{
    for (const auto& [name, content] : files)
        test::writeBytes(dir / name, content);
}

// The good extract with some files replaced, read with a sink that keeps nothing.
ExtractResult readWith(const std::map<std::string, std::string>& replaced, ExtractOptions options = {})
{
    TempDir dir;
    auto files = kGood;
    for (const auto& [name, content] : replaced)
        files[name] = content;
    writeExtract(dir, files);
    io::ExtractSink ignore;
    auto result = io::readExtract(dir.path(), ignore, options);
    REQUIRE(result);
    return std::move(*result);
}

Texts problemsOf(const ExtractResult& result)
{
    Texts out;
    for (const auto& p : result.problems)
        out.push_back(p.text());
    return out;
}

// The problems when `file` holds `header` and then `rows`.
Texts problemsWith(const std::string& file, const std::string& header, const std::string& rows)
{
    return problemsOf(readWith({{file, header + "\n" + rows}}));
}

const std::string kLoanHeader =
    "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,officer";
const std::string kInstalmentHeader = "loan_id,seq,due_date,principal_due,interest_due";
const std::string kPaymentHeader = "payment_id,loan_id,paid_date,amount";
const std::string kBorrowerHeader = "borrower_id,name,id_number,phone,address,district";
const std::string kContactHistoryHeader =
    "borrower_id,loan_id,contact_time,channel,reached,outcome,promised_amount,promised_date";
const std::string kGoodLoans = "L001-1,C001,consumer,150000.00,4.35,2025-03-15,36,equal_instalment,officer1\n"
                               "L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,\n";

}  // namespace

TEST_CASE("a good extract reaches the sink record by record with the right values", "[extract_reader]")
{
    TempDir dir;
    writeExtract(dir, kGood);
    RecordingSink sink;
    const auto result = io::readExtract(dir.path(), sink, {});
    REQUIRE(result);
    CHECK(problemsOf(*result).empty());
    CHECK_FALSE(result->cancelled);
    CHECK_FALSE(result->truncated);
    CHECK(result->counts.borrowers == 2);
    CHECK(result->counts.contacts == 1);
    CHECK(result->counts.creditRecords == 1);
    CHECK(result->counts.loans == 2);
    CHECK(result->counts.instalments == 3);
    CHECK(result->counts.payments == 3);
    CHECK(formatIsoDate(result->manifest.extractDate) == "2026-11-30");
    CHECK(result->manifest.branchCode == "310115");
    REQUIRE(sink.manifests.size() == 1);

    REQUIRE(sink.borrowers.size() == 2);
    const Borrower& b = sink.borrowers[0];
    CHECK(b.id == "C001");
    CHECK(b.name == "王秀英");
    CHECK(b.idNumber == "110101199003071233");
    CHECK(b.phones == Texts{"13812345678"});
    CHECK(b.address == "浦东新区张杨路1500号3室, 近地铁");
    CHECK(b.district == "浦东新区");
    REQUIRE(b.location);
    CHECK(b.location->latitudeE6 == 31'230'416);
    CHECK(b.location->longitudeE6 == 121'473'701);
    CHECK(b.employer == "某某物流有限公司");
    CHECK(b.monthlyIncome == Money::fromYuan(12000));
    CHECK(b.monthlyExpenses == Money::fromYuan(7000));
    const Borrower& b2 = sink.borrowers[1];
    CHECK(b2.phones == Texts{"13900001111", "02161234567"});
    CHECK_FALSE(b2.location);
    CHECK(b2.monthlyIncome == Money{});

    REQUIRE(sink.contacts.size() == 1);
    CHECK(sink.contacts[0].borrowerId == "C001");
    CHECK(sink.contacts[0].relation == Relation::Spouse);
    CHECK(sink.contacts[0].phone == "13700002222");
    REQUIRE(sink.credits.size() == 1);
    CHECK(formatIsoDate(sink.credits[0].reportDate) == "2026-10-15");
    CHECK(sink.credits[0].overdueAccountsElsewhere == 1);
    CHECK(sink.credits[0].worstDpd24Months == 45);
    CHECK(sink.credits[0].totalDebt == Money::fromYuan(230000));
    CHECK(sink.credits[0].enquiriesLast6Months == 3);

    REQUIRE(sink.loans.size() == 2);
    const Loan& l = sink.loans[0];
    CHECK(l.id == "L001-1");
    CHECK(l.borrowerId == "C001");
    CHECK(l.product == Product::Consumer);
    CHECK(l.principal == Money::fromYuan(150000));
    CHECK(l.contractRate == AnnualRate{43'500});
    CHECK(formatIsoDate(l.startDate) == "2025-03-15");
    CHECK(l.termMonths == 36);
    CHECK(l.method == RepaymentMethod::EqualInstalment);
    CHECK(l.officer == "officer1");
    CHECK(sink.loans[1].officer.empty());
    CHECK(sink.loans[1].method == RepaymentMethod::EqualPrincipal);

    REQUIRE(sink.instalments.size() == 3);
    CHECK(sink.instalments[1].loanId == "L001-1");
    CHECK(sink.instalments[1].sequence == 2);
    CHECK(formatIsoDate(sink.instalments[1].dueDate) == "2025-05-15");
    CHECK(sink.instalments[1].principalDue == Money::fromFen(391'414));
    CHECK(sink.instalments[1].interestDue == Money::fromFen(52'961));
    REQUIRE(sink.payments.size() == 3);
    CHECK(sink.payments[2].id == "P3");
    CHECK(sink.payments[2].loanId == "L002-1");
    CHECK(formatIsoDate(sink.payments[2].paidOn) == "2024-02-10");
    CHECK(sink.payments[2].amount == Money::fromFen(428'889));
}

TEST_CASE("files with a UTF-8 byte-order mark and CRLF line ends read the same", "[extract_reader]")
{
    std::map<std::string, std::string> files;
    for (const auto& [name, content] : kGood) {
        std::string crlf = "\xEF\xBB\xBF";
        for (char c : content)
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        files[name] = crlf;
    }
    TempDir dir;
    writeExtract(dir, files);
    RecordingSink sink;
    const auto result = io::readExtract(dir.path(), sink, {});
    REQUIRE(result);
    CHECK(problemsOf(*result).empty());
    CHECK(result->counts.instalments == 3);
    REQUIRE(sink.borrowers.size() == 2);
    CHECK(sink.borrowers[0].id == "C001");
    CHECK(sink.borrowers[0].name == "王秀英");
}

TEST_CASE("GB18030 files are detected and read as UTF-8", "[extract_reader]")
{
    const std::string gbBorrowers = test::toGb18030(kGood.at("borrowers.csv"));
    REQUIRE(gbBorrowers.find("\xCD\xF5") != std::string::npos);  // 王 as GB18030 writes it
    TempDir dir;
    auto files = kGood;
    files["borrowers.csv"] = gbBorrowers;
    files["contacts.csv"] = test::toGb18030(kGood.at("contacts.csv"));
    writeExtract(dir, files);
    for (Encoding encoding : {Encoding::Auto, Encoding::Gb18030}) {
        RecordingSink sink;
        const auto result = io::readExtract(dir.path(), sink, ExtractOptions{.encoding = encoding});
        REQUIRE(result);
        CHECK(problemsOf(*result).empty());
        REQUIRE(sink.borrowers.size() == 2);
        CHECK(sink.borrowers[0].name == "王秀英");
        CHECK(sink.borrowers[0].address == "浦东新区张杨路1500号3室, 近地铁");
        CHECK(sink.contacts.at(0).name == "张伟");
    }
    // Told it is UTF-8, the reader says where the text stops making sense, and does not go on in that file.
    const auto wrong = readWith({{"borrowers.csv", gbBorrowers}}, ExtractOptions{.encoding = Encoding::Utf8});
    CHECK(problemsOf(wrong) ==
          Texts{"borrowers.csv line 2: the text is not valid UTF-8 at character 6 of this line; the rest of this file "
                "was not read"});
}

TEST_CASE("values that are not numbers, dates or rates name the column and quote the text", "[extract_reader]")
{
    CHECK(problemsWith("loans.csv", kLoanHeader,
                       "L001-1,C001,consumer,150000.00,abc,2025-03-15,36,equal_instalment,\n"
                       "L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,\n") ==
          Texts{"loans.csv line 2, column interest_rate: 'abc' is not a rate in percent (like 4.35)"});
    CHECK(problemsWith("loans.csv", kLoanHeader,
                       "L001-1,C001,consumer,150000.00,4.35125,15/03/2025,thirty,equal_instalment,\n"
                       "L002-1,C002,mortgage,80k,3.1,2024-02-30,360,equal_principal,\n") ==
          Texts{"loans.csv line 2, column interest_rate: '4.35125' has more than four decimals",
                "loans.csv line 2, column start_date: '15/03/2025' is not a date in the form YYYY-MM-DD",
                "loans.csv line 2, column term_months: 'thirty' is not a whole number",
                "loans.csv line 3, column principal: '80k' is not an amount in yuan (like 1234.56)",
                "loans.csv line 3, column start_date: '2024-02-30' is not a day of the calendar"});
    CHECK(problemsWith("credit_records.csv",
                       "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m",
                       "C001,2026-10-15,abc,-3,1.5e3,99999999999999999999\n") ==
          Texts{"credit_records.csv line 2, column overdue_accounts_elsewhere: 'abc' is not a whole number",
                "credit_records.csv line 2, column worst_dpd_24m: '-3' must not be negative",
                "credit_records.csv line 2, column total_debt: '1.5e3' is not an amount in yuan (like 1234.56)",
                "credit_records.csv line 2, column enquiries_6m: the value is too large"});
}

TEST_CASE("amounts with more than two decimals, and zero or negative where not allowed", "[extract_reader]")
{
    CHECK(problemsWith("loans.csv", kLoanHeader,
                       "L001-1,C001,consumer,150000.005,4.35,2025-03-15,36,equal_instalment,\n"
                       "L002-1,C002,mortgage,0.00,3.1,2024-01-10,360,equal_principal,\n") ==
          Texts{"loans.csv line 2, column principal: '150000.005' has more than two decimals",
                "loans.csv line 3, column principal: '0.00' must be more than zero"});
    CHECK(problemsWith("payments.csv", kPaymentHeader, "P1,L001-1,2025-04-15,0\nP2,L001-1,2025-05-20,-4443.75\n") ==
          Texts{"payments.csv line 2, column amount: '0' must be more than zero",
                "payments.csv line 3, column amount: '-4443.75' must be more than zero"});
    CHECK(problemsWith("instalments.csv", kInstalmentHeader,
                       "L001-1,1,2025-04-15,-1.00,0\nL001-1,2,2025-05-15,0.00,\nL002-1,1,2024-02-10,1,1\n") ==
          Texts{"instalments.csv line 2, column principal_due: '-1.00' must not be negative",
                "instalments.csv line 3, column interest_due: must not be empty"});
    CHECK(problemsWith("borrowers.csv", kBorrowerHeader + ",monthly_income",
                       "C001,王秀英,110101199003071233,13812345678,某路1号,浦东新区,-100\n"
                       "C002,李强,44030419780101031X,13900001111,某路2号,徐汇区,\n") ==
          Texts{"borrowers.csv line 2, column monthly_income: '-100' must not be negative"});
}

TEST_CASE("unknown products, repayment methods and relations list the known ones", "[extract_reader]")
{
    CHECK(problemsWith("loans.csv", kLoanHeader,
                       "L001-1,C001,car,150000.00,4.35,2025-03-15,36,balloon,\n"
                       "L002-1,C002,Mortgage,800000,3.1,2024-01-10,360,equal_principal,\n") ==
          Texts{"loans.csv line 2, column product: 'car' is not a product (mortgage, consumer, business or "
                "credit_card)",
                "loans.csv line 2, column repayment_method: 'balloon' is not a repayment method (equal_instalment, "
                "equal_principal or interest_only_bullet)",
                "loans.csv line 3, column product: 'Mortgage' is not a product (mortgage, consumer, business or "
                "credit_card)"});
    CHECK(problemsWith("contacts.csv", "borrower_id,name,relation,phone", "C001,张伟,friend,13700002222\n") ==
          Texts{"contacts.csv line 2, column relation: 'friend' is not a relation (guarantor, spouse, relative, "
                "employer or other)"});
}

TEST_CASE("a wrong ID check digit is reported without the ID number or any personal datum", "[extract_reader]")
{
    const Texts problems = problemsWith("borrowers.csv", kBorrowerHeader,
                                        "C001,王秀英,110101199003071234,13812345678,某路1号,浦东新区\n"
                                        "C002,李强,44030419780101031X,1390000111,某路2号,徐汇区\n");
    CHECK(problems == Texts{"borrowers.csv line 2, column id_number: the resident ID number's check digit is wrong",
                            "borrowers.csv line 3, column phone: is not a mobile number of 11 digits"});
    for (const auto& text : problems) {
        CHECK_THAT(text, !Catch::Matchers::ContainsSubstring("1101011990") &&
                             !Catch::Matchers::ContainsSubstring("1390000111") &&
                             !Catch::Matchers::ContainsSubstring("王"));
    }
}

TEST_CASE("a personal datum pushed into a code column by a stray comma is not quoted", "[extract_reader]")
{
    CHECK(problemsWith("contacts.csv", "borrower_id,name,relation,phone", "C001,张,伟,spouse\n") ==
          Texts{"contacts.csv line 2, column relation: the value is not a relation (guarantor, spouse, relative, "
                "employer or other)"});
    CHECK(problemsWith("credit_records.csv",
                       "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m",
                       "C001,13812345678,1,45,230000.00,3\n") ==
          Texts{"credit_records.csv line 2, column report_date: the value is not a date in the form YYYY-MM-DD"});
}

TEST_CASE("duplicate borrower, loan and payment ids", "[extract_reader]")
{
    CHECK(problemsWith("borrowers.csv", kBorrowerHeader,
                       "C001,王秀英,110101199003071233,13812345678,某路1号,浦东新区\n"
                       "C002,李强,44030419780101031X,13900001111,某路2号,徐汇区\n"
                       "C001,王秀英,110101199003071233,13812345678,某路1号,浦东新区\n") ==
          Texts{"borrowers.csv line 4, column borrower_id: 'C001' is already used on an earlier line"});
    CHECK(problemsWith("loans.csv", kLoanHeader,
                       kGoodLoans + "L001-1,C002,business,5000.00,6,2025-01-01,12,interest_only_bullet,\n") ==
          Texts{"loans.csv line 4, column loan_id: 'L001-1' is already used on an earlier line"});
    // Within a loan's payments, and across loans: the database keeps one payment per id, so a reused id
    // would move the payment from one loan to the other. Problems stay in line order.
    CHECK(problemsWith("payments.csv", kPaymentHeader,
                       "P1,L001-1,2025-04-15,4443.75\nP1,L001-1,2025-05-20,4443.75\nP1,L002-1,2024-02-10,1\n"
                       "P2,L002-1,2024-03-10,1\nP3,L002-1,2024-03-11,x\n") ==
          Texts{"payments.csv line 3, column payment_id: 'P1' appears twice among this loan's payments",
                "payments.csv line 4, column payment_id: 'P1' is already used on an earlier line, by another loan's "
                "payment",
                "payments.csv line 6, column amount: 'x' is not an amount in yuan (like 1234.56)"});
    CHECK(problemsWith("payments.csv", kPaymentHeader,
                       "P7,L001-1,2025-04-15,4443.75\nP8,L001-1,2025-05-20,4443.75\nP7,L002-1,2024-02-10,1\n") ==
          Texts{"payments.csv line 4, column payment_id: 'P7' is already used on an earlier line, by another loan's "
                "payment"});
    CHECK(problemsWith("payments.csv", kPaymentHeader,
                       "P7,L001-1,2025-04-15,4443.75\nP8,L001-1,2025-05-20,4443.75\nP9,L002-1,2024-02-10,1\n")
              .empty());
    CHECK(
        problemsWith("credit_records.csv",
                     "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m",
                     "C001,2026-10-15,1,45,230000.00,3\nC001,2026-11-15,1,45,230000.00,3\n") ==
        Texts{"credit_records.csv line 3, column borrower_id: 'C001' already has a credit record on an earlier line"});
}

TEST_CASE("references to borrowers and loans that are not in their files", "[extract_reader]")
{
    CHECK(problemsWith("contacts.csv", "borrower_id,name,relation,phone", "C009,张伟,spouse,13700002222\n") ==
          Texts{"contacts.csv line 2, column borrower_id: 'C009' is not in borrowers.csv"});
    CHECK(problemsWith("credit_records.csv",
                       "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m",
                       "C009,2026-10-15,1,45,230000.00,3\n") ==
          Texts{"credit_records.csv line 2, column borrower_id: 'C009' is not in borrowers.csv"});
    CHECK(problemsWith("loans.csv", kLoanHeader,
                       kGoodLoans + "L003-1,C009,consumer,1000,4.35,2025-03-15,12,equal_instalment,\n") ==
          Texts{"loans.csv line 4, column borrower_id: 'C009' is not in borrowers.csv"});
    // Once per loan, not once per row.
    CHECK(problemsWith("instalments.csv", kInstalmentHeader,
                       "L009-1,1,2025-04-15,1,1\nL009-1,2,2025-05-15,1,1\nL001-1,1,2025-04-15,1,1\n"
                       "L002-1,1,2024-02-10,1,1\n") ==
          Texts{"instalments.csv line 2, column loan_id: 'L009-1' is not in loans.csv"});
    CHECK(problemsWith("payments.csv", kPaymentHeader, "P1,L009-1,2025-04-15,1\nP2,L009-1,2025-04-16,1\n") ==
          Texts{"payments.csv line 2, column loan_id: 'L009-1' is not in loans.csv"});
}

TEST_CASE("instalments must be grouped by loan, numbered 1, 2, 3 and due ever later", "[extract_reader]")
{
    CHECK(problemsWith("instalments.csv", kInstalmentHeader,
                       "L001-1,1,2025-04-15,1,1\nL002-1,1,2024-02-10,1,1\nL001-1,2,2025-05-15,1,1\n") ==
          Texts{"instalments.csv line 4, column loan_id: 'L001-1' was listed earlier in this file; each loan's "
                "instalments must be listed together"});
    CHECK(problemsWith("instalments.csv", kInstalmentHeader,
                       "L001-1,1,2025-04-15,1,1\nL001-1,3,2025-05-15,1,1\nL001-1,4,2025-06-15,1,1\n"
                       "L002-1,2,2024-02-10,1,1\n") ==
          Texts{"instalments.csv line 3, column seq: '3' is out of order; this instalment should be number 2",
                "instalments.csv line 5, column seq: '2' is out of order; this instalment should be number 1"});
    CHECK(problemsWith("instalments.csv", kInstalmentHeader,
                       "L001-1,1,2025-03-15,1,1\nL001-1,2,2025-05-15,1,1\nL001-1,3,2025-05-15,1,1\n"
                       "L001-1,4,2025-05-01,1,1\nL002-1,1,2024-02-10,1,1\n") ==
          Texts{"instalments.csv line 2, column due_date: '2025-03-15' is not after the loan's start date "
                "2025-03-15",
                "instalments.csv line 4, column due_date: '2025-05-15' is not after the previous instalment's "
                "due date 2025-05-15",
                "instalments.csv line 5, column due_date: '2025-05-01' is not after the previous instalment's "
                "due date 2025-05-15"});
}

TEST_CASE("payments: grouped by loan, oldest first, none after the extract date", "[extract_reader]")
{
    CHECK(problemsWith("payments.csv", kPaymentHeader,
                       "P1,L001-1,2025-04-15,1\nP2,L001-1,2026-12-01,1\nP3,L001-1,2025-04-01,1\n") ==
          Texts{"payments.csv line 3, column paid_date: '2026-12-01' is after the extract date 2026-11-30",
                "payments.csv line 4, column paid_date: '2025-04-01' is earlier than this loan's previous payment "
                "(2026-12-01); payments must be listed oldest first"});
    CHECK(problemsWith("payments.csv", kPaymentHeader,
                       "P1,L001-1,2025-04-15,1\nP2,L002-1,2024-02-10,1\nP3,L001-1,2025-05-15,1\n") ==
          Texts{"payments.csv line 4, column loan_id: 'L001-1' was listed earlier in this file; each loan's "
                "payments must be listed together"});
    CHECK(problemsWith("payments.csv", kPaymentHeader, "P1,L001-1,2026-11-30,1\n").empty());
}

TEST_CASE("term_months must be between 1 and 480", "[extract_reader]")
{
    CHECK(problemsOf(readWith({{"loans.csv", kLoanHeader + "\n" +
                                                 "L001-1,C001,consumer,150000.00,4.35,2025-03-15,0,equal_instalment,\n"
                                                 "L002-1,C002,mortgage,800000,3.1,2024-01-10,481,equal_principal,\n"
                                                 "L003-1,C002,mortgage,800000,3.1,2024-01-10,480,equal_principal,\n"},
                               {"instalments.csv", kInstalmentHeader + "\nL001-1,1,2025-04-15,1,1\n"
                                                                       "L002-1,1,2024-02-10,1,1\n"
                                                                       "L003-1,1,2024-02-10,1,1\n"}})) ==
          Texts{"loans.csv line 2, column term_months: '0' is not between 1 and 480",
                "loans.csv line 3, column term_months: '481' is not between 1 and 480"});
}

TEST_CASE("a header without a required column is reported once, on line 1", "[extract_reader]")
{
    CHECK(problemsWith("loans.csv", "loan_id,borrower_id,product,interest_rate,start_date,term_months,repayment_method",
                       "L001-1,C001,consumer,4.35,2025-03-15,36,equal_instalment\n"
                       "L002-1,C002,mortgage,3.1,2024-01-10,360,equal_principal\n") ==
          Texts{"loans.csv line 1, column principal: is required but missing from the header"});
    CHECK(problemsWith("contacts.csv", "borrower_id,relation,relation,phone", "") ==
          Texts{"contacts.csv line 1, column relation: appears more than once in the header",
                "contacts.csv line 1, column name: is required but missing from the header"});
    // Optional columns may be left out, columns may come in any order, unknown ones are ignored, and
    // spaces around a name in the header do not matter.
    CHECK(problemsWith("loans.csv",
                       " repayment_method ,loan_id,branch_note,borrower_id,product,principal,interest_rate,start_date,"
                       "term_months",
                       "equal_instalment,L001-1,x,C001,consumer,150000.00,4.35,2025-03-15,36\n"
                       "equal_principal,L002-1,y,C002,mortgage,800000,3.1,2024-01-10,360\n")
              .empty());
}

TEST_CASE("a row with fewer or more fields than the header is a problem", "[extract_reader]")
{
    CHECK(problemsWith("instalments.csv", kInstalmentHeader,
                       "L001-1,1,2025-04-15,1\nL001-1,2,2025-05-15,1,1,9\nL001-1,3,2025-06-15,1,1\n"
                       "L002-1,1,2024-02-10,1,1\n") ==
          Texts{"instalments.csv line 2: has 4 fields where the header has 5",
                "instalments.csv line 3: has 6 fields where the header has 5",
                "instalments.csv line 4, column seq: '3' is out of order; this instalment should be number 1"});
    CHECK(problemsWith("payments.csv", kPaymentHeader, "\"P1\"x,L001-1,2025-04-15,1\n") ==
          Texts{"payments.csv line 2: a quoted field has text after its closing quote"});
}

TEST_CASE("a borrower on a malformed row is still known, so later files do not cascade", "[extract_reader]")
{
    CHECK(problemsWith("borrowers.csv", kBorrowerHeader,
                       "C001,王秀英,110101199003071233,13812345678,某路1号\n"
                       "C002,李强,44030419780101031X,13900001111,某路2号,徐汇区\n") ==
          Texts{"borrowers.csv line 2: has 5 fields where the header has 6"});
}

TEST_CASE("a file that cannot be read to its end leaves references to it unchecked", "[extract_reader]")
{
    CHECK(
        problemsWith("borrowers.csv", kBorrowerHeader, "C002,李强,44030419780101031X,13900001111,\"某路2号,徐汇区\n") ==
        Texts{"borrowers.csv line 2: a quoted field that starts on this line is never closed; the rest of this "
              "file was not read"});
}

TEST_CASE("missing folder and missing files are errors naming them", "[extract_reader]")
{
    TempDir dir;
    io::ExtractSink sink;
    const auto noFolder = io::readExtract(dir / "nope", sink, {});
    REQUIRE_FALSE(noFolder);
    CHECK(noFolder.error().code == ErrorCode::FileMissing);
    CHECK(noFolder.error().message == "there is no extract folder " + (dir / "nope").string());

    auto files = kGood;
    files.erase("loans.csv");
    writeExtract(dir, files);
    const auto oneMissing = io::readExtract(dir.path(), sink, {});
    REQUIRE_FALSE(oneMissing);
    CHECK(oneMissing.error().code == ErrorCode::FileMissing);
    CHECK(oneMissing.error().message == "the extract folder " + dir.path().string() + " has no loans.csv");

    std::filesystem::remove(dir / "payments.csv");
    std::filesystem::remove(dir / "contacts.csv");
    const auto threeMissing = io::readExtract(dir.path(), sink, {});
    REQUIRE_FALSE(threeMissing);
    CHECK(threeMissing.error().message ==
          "the extract folder " + dir.path().string() + " has no contacts.csv, loans.csv or payments.csv");
}

TEST_CASE("an empty file, and a manifest without its row or with two", "[extract_reader]")
{
    CHECK(problemsOf(readWith({{"contacts.csv", ""}})) ==
          Texts{"contacts.csv line 1: the file is empty; it needs at least its header row"});
    CHECK(problemsOf(readWith({{"manifest.csv", "extract_date,branch_code\n"}})) ==
          Texts{"manifest.csv: the manifest row is missing (the file has only its header)"});
    CHECK(
        problemsOf(readWith({{"manifest.csv", "extract_date,branch_code\n2026-11-30,310115\n2026-12-01,310115\n"}})) ==
        Texts{"manifest.csv line 3: the manifest has more than one row"});
    CHECK(problemsOf(readWith({{"manifest.csv", "extract_date,branch_code\n2026-11-31,\n"}})) ==
          Texts{"manifest.csv line 2, column extract_date: '2026-11-31' is not a day of the calendar",
                "manifest.csv line 2, column branch_code: must not be empty"});
}

TEST_CASE("latitude and longitude come together, within range, never quoted", "[extract_reader]")
{
    const std::string header = kBorrowerHeader + ",latitude,longitude";
    CHECK(problemsWith("borrowers.csv", header,
                       "C001,王秀英,110101199003071233,13812345678,某路1号,浦东新区,31.230416,\n"
                       "C002,李强,44030419780101031X,13900001111,某路2号,徐汇区,91.5,121.4737015\n") ==
          Texts{"borrowers.csv line 2, column longitude: must be given together with latitude",
                "borrowers.csv line 3, column latitude: is not between -90 and 90",
                "borrowers.csv line 3, column longitude: is not a number of degrees with at most six decimals "
                "(like 121.473701)"});
}

TEST_CASE("empty lines are skipped and required values may not be empty", "[extract_reader]")
{
    CHECK(problemsWith("contacts.csv", "borrower_id,name,relation,phone", "\nC001,,spouse,\n\n") ==
          Texts{"contacts.csv line 3, column name: must not be empty",
                "contacts.csv line 3, column phone: must not be empty"});
}

TEST_CASE("a bad row near the end of a 5,000-row file is reported on its own line", "[extract_reader]")
{
    // Borrowers with addresses over two lines push every later line number down.
    std::string borrowers = kBorrowerHeader + "\n";
    borrowers += "C001,王秀英,110101199003071233,13812345678,\"某路1号\n3室\",浦东新区\n";
    borrowers += "C002,李强,44030419780101031X,13900001111,\"某路2号\r\n\r\n后门\",徐汇区\n";
    borrowers += "C003,李强,44030419780101031X,13900001111,某路3号,徐汇区,\n";
    std::string loans = kLoanHeader + "\n";
    std::string instalments = kInstalmentHeader + "\n";
    for (int loan = 1; loan <= 250; ++loan) {
        const std::string id = "L" + std::to_string(loan);
        loans += id + ",C001,consumer,1000.00,4.35,2020-01-15,240,equal_instalment,\n";
        for (int seq = 1; seq <= 20; ++seq) {
            const bool bad = loan == 249 && seq == 17;
            instalments += id + "," + std::to_string(seq) + ",2021-" + (seq <= 9 ? "0" : "") +
                           std::to_string(seq <= 12 ? seq : 12) + "-" + std::to_string(10 + seq) + "," +
                           (bad ? "12.345" : "50.00") + ",3.62\n";
        }
    }
    const auto result = readWith({{"borrowers.csv", borrowers},
                                  {"loans.csv", loans},
                                  {"instalments.csv", instalments},
                                  {"payments.csv", kPaymentHeader + "\n"},
                                  {"contacts.csv", "borrower_id,name,relation,phone\n"}});
    // Row 248 × 20 + 17 of the instalments is on line 1 + 4977.
    CHECK(problemsOf(result) ==
          Texts{"borrowers.csv line 7: has 7 fields where the header has 6",
                "instalments.csv line 4978, column principal_due: '12.345' has more than two decimals"});
    CHECK(result.counts.instalments == 4999);
}

TEST_CASE("problems stop at maxProblems and the result says it was cut short", "[extract_reader]")
{
    std::string rows;
    for (int i = 0; i < 10; ++i)
        rows += "P" + std::to_string(i) + ",L001-1,2025-04-15,abc\n";
    const auto result = readWith({{"payments.csv", kPaymentHeader + "\n" + rows}}, ExtractOptions{.maxProblems = 3});
    CHECK(result.problems.size() == 3);
    CHECK(result.truncated);
    CHECK(result.problems.back().text() == "payments.csv line 4, column amount: 'abc' is not an amount in yuan (like "
                                           "1234.56)");
}

TEST_CASE("progress runs from zero to the total, and returning false cancels", "[extract_reader]")
{
    std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
    const auto result = readWith({}, ExtractOptions{.progress = [&](std::uint64_t done, std::uint64_t total) {
                                     calls.emplace_back(done, total);
                                     return true;
                                 }});
    REQUIRE(calls.size() >= 2);
    CHECK(calls.front().first == 0);
    CHECK(calls.back().first == calls.back().second);
    CHECK(std::is_sorted(calls.begin(), calls.end()));
    CHECK_FALSE(result.cancelled);

    TempDir dir;
    writeExtract(dir, kGood);
    RecordingSink sink;
    int seen = 0;
    const auto cancelled =
        io::readExtract(dir.path(), sink, ExtractOptions{.progress = [&](auto, auto) { return ++seen < 3; }});
    REQUIRE(cancelled);
    CHECK(cancelled->cancelled);
    CHECK(sink.payments.empty());
}

TEST_CASE("a second pass over the same extract gives the same records", "[extract_reader]")
{
    TempDir dir;
    writeExtract(dir, kGood);
    RecordingSink first;
    RecordingSink second;
    REQUIRE(io::readExtract(dir.path(), first, {}));
    REQUIRE(io::readExtract(dir.path(), second, {}));
    CHECK(first.loans.size() == second.loans.size());
    CHECK(first.instalments.size() == second.instalments.size());
    CHECK(second.borrowers.at(1).idNumber == "44030419780101031X");
}

TEST_CASE("contact_history.csv is optional; when present its attempts reach the sink after the payments",
          "[extract_reader][contact_history]")
{
    std::uint64_t totalWithout = 0;
    {
        TempDir dir;
        writeExtract(dir, kGood);
        RecordingSink sink;
        const auto result =
            io::readExtract(dir.path(), sink, ExtractOptions{.progress = [&](auto, std::uint64_t total) {
                                totalWithout = total;
                                return true;
                            }});
        REQUIRE(result);
        CHECK(problemsOf(*result).empty());
        CHECK(result->counts.contactAttempts == 0);
        CHECK(result->counts.payments == 3);
        CHECK(sink.attempts.empty());
    }
    TempDir dir;
    auto files = kGood;
    const std::string history = kContactHistoryHeader + "\n" +
                                "C001,L001-1,2026-11-27 10:42,call,borrower,promise_to_pay,3000.00,2026-12-05\n"
                                "C001,,2026-11-30 21:59,sms,none,no_answer,,\n"
                                "C002,L002-1,2026-11-01 08:00,call,third_party,reached,,\n";
    files["contact_history.csv"] = history;
    writeExtract(dir, files);
    RecordingSink sink;
    std::uint64_t totalWith = 0;
    const auto result = io::readExtract(dir.path(), sink, ExtractOptions{.progress = [&](auto, std::uint64_t total) {
                                            totalWith = total;
                                            return true;
                                        }});
    REQUIRE(result);
    CHECK(problemsOf(*result).empty());
    CHECK(totalWith == totalWithout + history.size());
    CHECK(result->counts.contactAttempts == 3);
    REQUIRE(sink.attempts.size() == 3);
    const ContactAttempt& promise = sink.attempts[0];
    CHECK(promise.borrowerId == "C001");
    CHECK(promise.loanId == "L001-1");
    CHECK(formatIsoDate(promise.date) == "2026-11-27");
    CHECK(promise.minuteOfDay == 10 * 60 + 42);
    CHECK(promise.channel == ContactChannel::Call);
    CHECK(promise.reached == ContactParty::Borrower);
    CHECK(promise.outcome == ContactOutcome::PromiseToPay);
    CHECK(promise.promisedAmount == Money::fromYuan(3000));
    REQUIRE(promise.promisedDate);
    CHECK(formatIsoDate(*promise.promisedDate) == "2026-12-05");
    CHECK(promise.source == "call_centre");
    const ContactAttempt& sms = sink.attempts[1];
    CHECK(sms.loanId.empty());
    CHECK(formatIsoDate(sms.date) == "2026-11-30");  // on the extract date is fine
    CHECK(sms.minuteOfDay == 21 * 60 + 59);
    CHECK(sms.channel == ContactChannel::Sms);
    CHECK(sms.outcome == ContactOutcome::NoAnswer);
    CHECK(sms.promisedAmount.isZero());
    CHECK_FALSE(sms.promisedDate);
    CHECK(sink.attempts[2].reached == ContactParty::ThirdParty);
    CHECK(sink.attempts[2].minuteOfDay == 8 * 60);
}

TEST_CASE("contact attempts name a known borrower, and a loan of that borrower", "[extract_reader][contact_history]")
{
    CHECK(problemsWith("contact_history.csv", kContactHistoryHeader,
                       "C009,,2026-11-27 10:42,call,none,no_answer,,\n"
                       "C001,L9,2026-11-27 10:42,call,none,no_answer,,\n"
                       "C002,L001-1,2026-11-27 10:42,call,none,no_answer,,\n"
                       ",L001-1,2026-11-27 10:42,call,none,no_answer,,\n") ==
          Texts{"contact_history.csv line 2, column borrower_id: 'C009' is not in borrowers.csv",
                "contact_history.csv line 3, column loan_id: 'L9' is not in loans.csv",
                "contact_history.csv line 4, column loan_id: 'L001-1' is not a loan of borrower 'C002'",
                "contact_history.csv line 5, column borrower_id: must not be empty"});
}

TEST_CASE("contact_time is YYYY-MM-DD HH:MM and not after the extract date", "[extract_reader][contact_history]")
{
    CHECK(problemsWith("contact_history.csv", kContactHistoryHeader,
                       "C001,,2026-11-27T10:42,call,none,no_answer,,\n"
                       "C001,,2026-11-27 10:42:00,call,none,no_answer,,\n"
                       "C001,,2026-11-27 9:42,call,none,no_answer,,\n"
                       "C001,,2026-11-27 24:00,call,none,no_answer,,\n"
                       "C001,,2026-11-27 10:60,call,none,no_answer,,\n"
                       "C001,,2026-02-30 10:00,call,none,no_answer,,\n"
                       "C001,,,call,none,no_answer,,\n"
                       "C001,,2026-11-30 23:59,call,none,no_answer,,\n"
                       "C001,,2026-12-01 00:00,call,none,no_answer,,\n") ==
          Texts{"contact_history.csv line 2, column contact_time: '2026-11-27T10:42' is not a date and time in the "
                "form YYYY-MM-DD HH:MM",
                "contact_history.csv line 3, column contact_time: '2026-11-27 10:42:00' is not a date and time in "
                "the form YYYY-MM-DD HH:MM",
                "contact_history.csv line 4, column contact_time: '2026-11-27 9:42' is not a date and time in the "
                "form YYYY-MM-DD HH:MM",
                "contact_history.csv line 5, column contact_time: '2026-11-27 24:00' is not a time of the day",
                "contact_history.csv line 6, column contact_time: '2026-11-27 10:60' is not a time of the day",
                "contact_history.csv line 7, column contact_time: '2026-02-30 10:00' is not a day of the calendar",
                "contact_history.csv line 8, column contact_time: must not be empty",
                "contact_history.csv line 10, column contact_time: '2026-12-01 00:00' is after the extract date "
                "2026-11-30"});
}

TEST_CASE("channel, reached and outcome codes list the known ones", "[extract_reader][contact_history]")
{
    CHECK(problemsWith("contact_history.csv", kContactHistoryHeader,
                       "C001,,2026-11-27 10:42,phone,none,no_answer,,\n"
                       "C001,,2026-11-27 10:43,call,somebody,no_answer,,\n"
                       "C001,,2026-11-27 10:44,call,none,maybe,,\n") ==
          Texts{"contact_history.csv line 2, column channel: 'phone' is not a channel (call, sms, visit, letter or "
                "other)",
                "contact_history.csv line 3, column reached: 'somebody' is not who was reached (none, borrower, "
                "guarantor or third_party)",
                "contact_history.csv line 4, column outcome: 'maybe' is not an outcome (no_answer, wrong_number, "
                "refused, reached, promise_to_pay or paid)"});
}

TEST_CASE("promised amount and date come exactly with promise_to_pay", "[extract_reader][contact_history]")
{
    CHECK(problemsWith("contact_history.csv", kContactHistoryHeader,
                       "C001,L001-1,2026-11-01 10:00,call,borrower,promise_to_pay,,\n"
                       "C001,L001-1,2026-11-02 10:00,call,borrower,promise_to_pay,0,2026-11-05\n"
                       "C001,L001-1,2026-11-03 10:00,call,borrower,promise_to_pay,10.005,2026-11-05\n"
                       "C001,L001-1,2026-11-04 10:00,call,borrower,promise_to_pay,-5,2026-11-05\n"
                       "C001,L001-1,2026-11-05 10:00,call,borrower,promise_to_pay,500,2026-11-04\n"
                       "C001,L001-1,2026-11-06 10:00,call,borrower,promise_to_pay,500,2026-11-6\n"
                       "C001,L001-1,2026-11-07 10:00,call,borrower,promise_to_pay,500,2026-11-07\n"
                       "C001,L001-1,2026-11-08 10:00,call,borrower,reached,500,\n"
                       "C001,L001-1,2026-11-09 10:00,call,borrower,refused,,2026-11-10\n") ==
          Texts{"contact_history.csv line 2, column promised_amount: must be given when the outcome is promise_to_pay",
                "contact_history.csv line 2, column promised_date: must be given when the outcome is promise_to_pay",
                "contact_history.csv line 3, column promised_amount: '0' must be more than zero",
                "contact_history.csv line 4, column promised_amount: '10.005' has more than two decimals",
                "contact_history.csv line 5, column promised_amount: '-5' must be more than zero",
                "contact_history.csv line 6, column promised_date: '2026-11-04' is before the day of the contact "
                "2026-11-05",
                "contact_history.csv line 7, column promised_date: '2026-11-6' is not a date in the form YYYY-MM-DD",
                "contact_history.csv line 9, column promised_amount: must be empty unless the outcome is "
                "promise_to_pay",
                "contact_history.csv line 10, column promised_date: must be empty unless the outcome is "
                "promise_to_pay"});
    // Without the two columns in the header, only a promise is a problem.
    CHECK(problemsWith("contact_history.csv", "borrower_id,contact_time,channel,reached,outcome",
                       "C001,2026-11-01 10:00,call,none,no_answer\n"
                       "C001,2026-11-02 10:00,call,borrower,promise_to_pay\n") ==
          Texts{"contact_history.csv line 3, column promised_amount: must be given when the outcome is promise_to_pay",
                "contact_history.csv line 3, column promised_date: must be given when the outcome is promise_to_pay"});
    CHECK(problemsWith("contact_history.csv", "borrower_id,loan_id,channel,reached,outcome",
                       "C001,,call,none,no_answer\n") ==
          Texts{"contact_history.csv line 1, column contact_time: is required but missing from the header"});
}

TEST_CASE("each borrower's contacts are listed together, oldest first", "[extract_reader][contact_history]")
{
    CHECK(problemsWith("contact_history.csv", kContactHistoryHeader,
                       "C001,,2026-11-27 10:42,call,none,no_answer,,\n"
                       "C001,,2026-11-27 10:42,sms,none,no_answer,,\n"
                       "C001,,2026-11-27 09:00,call,none,no_answer,,\n"
                       "C001,,2026-11-26 23:00,call,none,no_answer,,\n"
                       "C002,,2026-10-01 10:00,call,none,no_answer,,\n"
                       "C001,,2026-11-28 10:00,call,none,no_answer,,\n"
                       "C001,,2026-11-01 10:00,call,none,no_answer,,\n") ==
          Texts{"contact_history.csv line 4, column contact_time: '2026-11-27 09:00' is earlier than this borrower's "
                "previous contact (2026-11-27 10:42); contacts must be listed oldest first",
                "contact_history.csv line 5, column contact_time: '2026-11-26 23:00' is earlier than this borrower's "
                "previous contact (2026-11-27 09:00); contacts must be listed oldest first",
                "contact_history.csv line 7, column borrower_id: 'C001' was listed earlier in this file; each "
                "borrower's contacts must be listed together"});
    // A bad row of contact history is reported like any other, and the good rows still count.
    const auto result = readWith({{"contact_history.csv", kContactHistoryHeader + "\n" +
                                                              "C001,,2026-11-27 10:42,call,none,no_answer,,\n"
                                                              "C001,,2026-11-27 10:43,call,none,no_answer\n"
                                                              "C002,,2026-11-27 10:44,call,none,no_answer,,\n"}});
    CHECK(problemsOf(result) == Texts{"contact_history.csv line 3: has 6 fields where the header has 8"});
    CHECK(result.counts.contactAttempts == 2);
}

TEST_CASE("a payment dated before its loan's start is refused on its line", "[extract_reader]")
{
    // L002-1 starts 2024-01-10: the day before is refused, the start day itself is not.
    CHECK(problemsWith("payments.csv", kPaymentHeader,
                       "P1,L001-1,2025-04-15,4443.75\nP3,L002-1,2024-01-09,1\nP4,L002-1,2024-01-10,1\n") ==
          Texts{"payments.csv line 3, column paid_date: '2024-01-09' is before the loan's start date '2024-01-10'"});
    CHECK(problemsWith("payments.csv", kPaymentHeader, "P3,L002-1,2024-01-10,1\n").empty());
}

TEST_CASE("a loan without instalments is refused on its line in loans.csv, among that file's problems",
          "[extract_reader]")
{
    // L003-1 has no instalment; L004-1's row is wrong already and is not reported twice.
    const std::string loans = kGoodLoans + "L003-1,C002,consumer,5000.00,6,2025-01-01,12,equal_instalment,\n"
                                           "L004-1,C002,consumer,x,6,2025-01-01,12,equal_instalment,\n"
                                           "L005-1,C001,consumer,5000.00,6,2025-01-01,12,equal_instalment,\n";
    const auto result = readWith({{"loans.csv", kLoanHeader + "\n" + loans},
                                  {"instalments.csv", kInstalmentHeader + "\nL001-1,1,2025-04-15,1,1\n"
                                                                          "L002-1,1,2024-02-10,1,1\n"
                                                                          "L002-1,3,2024-03-10,1,1\n"}});
    CHECK(problemsOf(result) ==
          Texts{"loans.csv line 4, column loan_id: 'L003-1' has no instalments in instalments.csv",
                "loans.csv line 5, column principal: 'x' is not an amount in yuan (like 1234.56)",
                "loans.csv line 6, column loan_id: 'L005-1' has no instalments in instalments.csv",
                "instalments.csv line 4, column seq: '3' is out of order; this instalment should be number 2"});
    // Every loan with instalments: nothing to say.
    CHECK(readWith({}).problems.empty());
}

TEST_CASE("a schedule that does not match term_months or principal is imported with a warning on the loan's line",
          "[extract_reader]")
{
    const std::string loans = "L001-1,C001,consumer,7814.14,4.35,2025-03-15,2,equal_instalment,officer1\n"
                              "L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,\n"
                              "L003-1,C002,consumer,100.00,6,2025-01-01,3,equal_instalment,\n";
    const std::string instalments = kInstalmentHeader +
                                    "\nL001-1,1,2025-04-15,3900.00,543.75\nL001-1,2,2025-05-15,3914.14,529.61\n"
                                    "L002-1,1,2024-02-10,2222.22,2066.67\n"
                                    "L003-1,1,2025-02-01,33.33,1\nL003-1,2,2025-03-01,33.33,1\n"
                                    "L003-1,3,2025-04-01,33.33,1\n";
    const auto result = readWith({{"loans.csv", kLoanHeader + "\n" + loans}, {"instalments.csv", instalments}});
    CHECK(result.problems.empty());
    Texts warnings;
    for (const auto& w : result.warnings)
        warnings.push_back(w.text());
    // L001-1 matches to the fen and in number; L002-1 differs in both; L003-1's instalments are a fen short.
    CHECK(warnings == Texts{"loans.csv line 3, column term_months: '360' differs from the '1' instalments listed in "
                            "instalments.csv",
                            "loans.csv line 3, column principal: '800000.00' differs from the principal_due of its "
                            "instalments, '2222.22' in all",
                            "loans.csv line 4, column principal: '100.00' differs from the principal_due of its "
                            "instalments, '99.99' in all"});
    CHECK(result.warningCount == 3);
    // The sink still gets every record.
    TempDir dir;
    auto files = kGood;
    files["loans.csv"] = kLoanHeader + "\n" + loans;
    files["instalments.csv"] = instalments;
    writeExtract(dir, files);
    RecordingSink sink;
    REQUIRE(io::readExtract(dir.path(), sink));
    CHECK(sink.loans.size() == 3);
    CHECK(sink.instalments.size() == 6);
}

TEST_CASE("warnings stop being listed at maxProblems but are all counted", "[extract_reader]")
{
    std::string loans;
    std::string instalments = kInstalmentHeader + "\n";
    for (int i = 1; i <= 5; ++i) {
        loans += fmt::format("L{:03}-1,C001,consumer,100.00,6,2025-01-01,12,equal_instalment,\n", i);
        instalments += fmt::format("L{:03}-1,1,2025-02-01,100.00,1\n", i);
    }
    ExtractOptions options;
    options.maxProblems = 3;
    const auto result = readWith({{"loans.csv", kLoanHeader + "\n" + loans},
                                  {"instalments.csv", instalments},
                                  {"payments.csv", kPaymentHeader + "\n"}},
                                 options);
    CHECK(result.problems.empty());
    CHECK_FALSE(result.truncated);
    CHECK(result.warnings.size() == 3);
    CHECK(result.warningCount == 5);
}

TEST_CASE("a payment id stored for another loan is refused when the import names it", "[extract_reader]")
{
    ExtractOptions options;
    options.storedPaymentLoans = {{"P3", "L001-1"}, {"P1", "L001-1"}};
    // P1 stays with its loan; P3 was L001-1's in an earlier extract and is L002-1's here.
    CHECK(problemsOf(readWith({}, options)) ==
          Texts{"payments.csv line 4, column payment_id: 'P3' is stored for loan 'L001-1' by an earlier extract; "
                "this extract gives it to loan 'L002-1'"});
    CHECK(readWith({}).problems.empty());
}

// Issue 9, item 4: ids are written into CSV output and messages, so they must be plain identifiers.
TEST_CASE("ids that are not plain identifiers are refused, naming the column", "[extract_reader]")
{
    const std::string formulaLoan = "=HYPERLINK(\"http://x\",\"y\")";
    const Texts loans = problemsWith("loans.csv", kLoanHeader,
                                     "\"" + std::string("=HYPERLINK(\"\"http://x\"\",\"\"y\"\")") +
                                         "\",C001,consumer,150000.00,4.35,2025-03-15,36,equal_instalment,officer1\n"
                                         "L002-1,C002,mortgage,800000,3.1,2024-01-10,360,equal_principal,-x\n");
    REQUIRE(loans.size() >= 2);
    CHECK_THAT(loans[0], Catch::Matchers::StartsWith("loans.csv line 2, column loan_id: '" + formulaLoan +
                                                     "' is not a plain identifier"));
    CHECK_THAT(loans[1],
               Catch::Matchers::StartsWith("loans.csv line 3, column officer: '-x' is not a plain identifier"));
    // The rule at its edges.
    CHECK(io::detail::isPlainIdentifier("L0000123-1"));
    CHECK(io::detail::isPlainIdentifier("a.b_c-9"));
    CHECK(io::detail::isPlainIdentifier(std::string(64, 'x')));
    CHECK_FALSE(io::detail::isPlainIdentifier(std::string(65, 'x')));
    CHECK_FALSE(io::detail::isPlainIdentifier(""));
    CHECK_FALSE(io::detail::isPlainIdentifier("-L1"));
    CHECK_FALSE(io::detail::isPlainIdentifier(".L1"));
    CHECK_FALSE(io::detail::isPlainIdentifier("L 1"));
    CHECK_FALSE(io::detail::isPlainIdentifier("贷款1"));
    CHECK_FALSE(io::detail::isPlainIdentifier("L1,2"));
}

// Issue 9, item 8: a NUL byte inside a field was accepted and stored.
TEST_CASE("a control character in any text field is refused, without quoting the text", "[extract_reader]")
{
    const std::string rows = std::string("C001,王秀") + '\0' +
                             "英,110101199003071233,13812345678,张杨路1500号,浦东新区\n" +
                             "C002,李强,44030419780101031X,13900001111,漕溪北路1号,徐汇区\x7F\n";
    const Texts nul = problemsOf(readWith({{"borrowers.csv", kBorrowerHeader + "\n" + rows}}));
    REQUIRE(nul.size() >= 2);
    CHECK(nul[0] == "borrowers.csv line 2, column name: holds a control character (U+0000); text may not contain "
                    "control characters");
    CHECK(nul[1] == "borrowers.csv line 3, column district: holds a control character (U+007F); text may not "
                    "contain control characters");
    CHECK(io::detail::findControlCharacter("bell\ahere") == 4);
    CHECK(io::detail::findControlCharacter("tab\there, two\r\nlines") == std::string_view::npos);
    CHECK(io::detail::findControlCharacter("c1 \xC2\x85") == 3);
    CHECK(io::detail::findControlCharacter("浦东新区 ¥") == std::string_view::npos);
}

// The scan reads eight bytes at a time: every control character is found at every position and in every length
// around a word's edge, and text around it (tab, line breaks, Chinese, "¥" = C2 A5, a C2 at the very end) is not.
TEST_CASE("findControlCharacter finds each control character at every position, eight bytes at a time or not",
          "[extract_reader]")
{
    const std::string filler = "浦东新区 ¥\t\r\nabc-123";  // no control character, every kind of byte
    std::vector<std::string> controls;
    for (int b = 0; b < 0x20; ++b)
        if (b != '\t' && b != '\n' && b != '\r') controls.emplace_back(1, static_cast<char>(b));
    controls.emplace_back("\x7F");
    for (int second = 0x80; second <= 0x9F; ++second)
        controls.push_back(std::string("\xC2") + static_cast<char>(second));
    for (std::size_t length = 0; length <= 24; ++length) {
        std::string text;
        while (text.size() < length)
            text += filler;
        text.resize(length);
        // Cutting the filler may split a Chinese character; a lone lead or continuation byte is no control.
        CHECK(io::detail::findControlCharacter(text) == std::string_view::npos);
        CHECK(io::detail::findControlCharacter(text + "\xC2") == std::string_view::npos);
        for (const std::string& control : controls) {
            INFO("length " << length << ", control byte " << static_cast<int>(static_cast<unsigned char>(control[0])));
            CHECK(io::detail::findControlCharacter(text + control) == length);
            CHECK(io::detail::findControlCharacter(text + control + filler + control) == length);
        }
    }
}

// Issue 9, item 5: 480 instalments of 999,999,999,999,999.99 yuan imported and `cases` printed negative totals.
TEST_CASE("amounts above 100,000,000.00 yuan are refused; the bound itself is accepted", "[extract_reader]")
{
    const Texts huge = problemsWith("instalments.csv", kInstalmentHeader,
                                    "L001-1,1,2025-04-15,999999999999999.99,543.75\n"
                                    "L001-1,2,2025-05-15,100000000.01,529.61\n"
                                    "L002-1,1,2024-02-10,100000000.00,100000000\n");
    CHECK(huge == Texts{"instalments.csv line 2, column principal_due: the value is more than the largest amount "
                        "accepted, 100,000,000.00 yuan",
                        "instalments.csv line 3, column principal_due: the value is more than the largest amount "
                        "accepted, 100,000,000.00 yuan"});
    const Texts manyInstalments = problemsWith("instalments.csv", kInstalmentHeader, "L001-1,481,2065-04-15,1,1\n");
    // (L002-1 then has no instalments, a refusal of its own; the bound's is the one looked for here.)
    CHECK(std::ranges::count_if(manyInstalments, [](const std::string& t) {
              return t.find("'481' is not between 0 and 480") != std::string::npos;
          }) == 1);
}

// Issue 9, items 6 and 7: a UTF-8 file with one GBK-encoded name became mojibake, silently; bad bytes on
// line 6 were reported as line 2 without a column.
TEST_CASE("a UTF-8 file with one GBK name is refused at that name's line and character", "[extract_reader]")
{
    const std::string header = kBorrowerHeader + "\n";
    std::string rows;
    rows += "C001,王秀英,110101199003071233,13812345678,张杨路1500号,浦东新区\n";
    rows += "C002,李强,44030419780101031X,13900001111,漕溪北路1号,徐汇区\n";
    rows += "C003,张伟,110101199003071233,13812345678,张杨路1号,浦东新区\n";
    rows += "C004,刘洋,44030419780101031X,13900001111,漕溪北路2号,徐汇区\n";
    rows += "C005,\xCD\xF5\xCE\xB0,110101199003071233,13812345678,张杨路2号,浦东新区\n";  // 王伟 in GBK, line 6
    for (const auto encoding : {Encoding::Auto, Encoding::Utf8}) {
        const auto result = readWith({{"borrowers.csv", header + rows}}, ExtractOptions{.encoding = encoding});
        CHECK(problemsOf(result) == Texts{"borrowers.csv line 6: the text is not valid UTF-8 at character 6 of "
                                          "this line; the rest of this file was not read"});
    }
}
