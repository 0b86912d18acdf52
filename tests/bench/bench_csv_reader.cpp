// Speed of reading the core-banking extract: the bare CSV reader over an instalments-like file, GB18030
// decoding, and the full checking pass of readExtract. Run by hand in a Release build:
//   bench_csv_reader [instalment rows, default 1000000] [folder, default a temporary one]
// A folder that already holds an extract from an earlier run is read as it is, not written again.
#include "io/portfolio/extract_reader.h"
#include "io/shared/csv_reader.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/core.h>
#include <fstream>
#include <iconv.h>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace doorstep;

namespace {

constexpr int kInstalmentsPerLoan = 36;

double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void writeFile(const fs::path& path, const std::string& text)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
}

std::string toGb18030(const std::string& utf8)
{
    iconv_t cd = ::iconv_open("GB18030", "UTF-8");
    std::string out(utf8.size() * 2, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t inLeft = utf8.size();
    char* outPtr = out.data();
    std::size_t outLeft = out.size();
    ::iconv(cd, &in, &inLeft, &outPtr, &outLeft);
    ::iconv_close(cd);
    out.resize(out.size() - outLeft);
    return out;
}

// A synthetic extract whose loans have 36 instalments each; ID numbers pass the GB 11643 check. Written
// a block at a time, so the benchmark itself stays small.
void writeExtract(const fs::path& dir, long rows)
{
    const long loans = (rows + kInstalmentsPerLoan - 1) / kInstalmentsPerLoan;
    std::ofstream borrowers(dir / "borrowers.csv", std::ios::binary | std::ios::trunc);
    std::ofstream gbBorrowers(dir / "borrowers_gb18030.csv", std::ios::binary | std::ios::trunc);
    std::ofstream loanFile(dir / "loans.csv", std::ios::binary | std::ios::trunc);
    std::ofstream instalmentFile(dir / "instalments.csv", std::ios::binary | std::ios::trunc);
    std::string b = "borrower_id,name,id_number,phone,address,district\n";
    std::string l = "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,"
                    "officer\n";
    std::string i = "loan_id,seq,due_date,principal_due,interest_due\n";
    const auto flush = [&](bool always) {
        if (!always && i.size() < (1u << 20)) return;
        borrowers << b;
        gbBorrowers << toGb18030(b);
        loanFile << l;
        instalmentFile << i;
        b.clear();
        l.clear();
        i.clear();
    };
    long written = 0;
    for (long n = 0; n < loans; ++n) {
        const std::string borrower = fmt::format("C{:08}", n);
        const std::string loan = fmt::format("L{:08}-1", n);
        b += borrower + ",王秀英,110101199003071233,13812345678,\"浦东新区张杨路1500号3室\",浦东新区\n";
        l += loan + "," + borrower + ",consumer,150000.00,4.35,2020-01-15,36,equal_instalment,officer1\n";
        for (int seq = 1; seq <= kInstalmentsPerLoan && written < rows; ++seq, ++written) {
            const int month = 1 + seq;  // due 2020-02-15 … 2023-01-15
            i += fmt::format("{},{},{:04}-{:02}-15,{}.{:02},{}.{:02}\n", loan, seq, 2020 + (month - 1) / 12,
                             (month - 1) % 12 + 1, 3900 + seq, seq, 500 - seq, seq);
        }
        flush(false);
    }
    flush(true);
    writeFile(dir / "manifest.csv", "extract_date,branch_code\n2026-11-30,310115\n");
    writeFile(dir / "contacts.csv", "borrower_id,name,relation,phone\n");
    writeFile(dir / "credit_records.csv",
              "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m\n");
    writeFile(dir / "payments.csv", "payment_id,loan_id,paid_date,amount\n");
}

void benchCsv(const fs::path& path, io::Encoding encoding)
{
    const auto start = std::chrono::steady_clock::now();
    auto reader = io::CsvReader::open(path, io::CsvOptions{.encoding = encoding});
    if (!reader) std::exit(1);
    long records = 0;
    std::size_t fieldBytes = 0;
    while (true) {
        auto more = reader->next();
        if (!more || !*more) break;
        ++records;
        fieldBytes += reader->fields()[0].size();
    }
    const double seconds = secondsSince(start);
    const double megabytes = static_cast<double>(reader->fileSize()) / 1e6;
    fmt::print("{:<24} {:>9} records {:>8.1f} MB {:>7.3f} s {:>11.0f} records/s {:>7.1f} MB/s ({})\n",
               path.filename().string(), records, megabytes, seconds, records / seconds, megabytes / seconds,
               io::encodingName(reader->encoding()));
    if (fieldBytes == 0) std::exit(2);
}

}  // namespace

int main(int argc, char** argv)
{
    const long rows = argc > 1 ? std::atol(argv[1]) : 1'000'000;
    const bool ownFolder = argc <= 2;
    const fs::path dir =
        ownFolder ? fs::temp_directory_path() / fmt::format("doorstep-bench-{}", ::getpid()) : fs::path(argv[2]);
    if (!fs::exists(dir / "manifest.csv")) {
        fs::create_directories(dir);
        writeExtract(dir, rows);
    }

    benchCsv(dir / "instalments.csv", io::Encoding::Auto);
    benchCsv(dir / "borrowers.csv", io::Encoding::Auto);
    benchCsv(dir / "borrowers_gb18030.csv", io::Encoding::Auto);

    io::ExtractSink ignore;
    const auto start = std::chrono::steady_clock::now();
    const auto result = io::readExtract(dir, ignore, {});
    const double seconds = secondsSince(start);
    if (!result) {
        fmt::print("readExtract failed: {}\n", result.error().message);
        return 1;
    }
    for (const auto& p : result->problems)
        fmt::print("problem: {}\n", p.text());
    std::uintmax_t bytes = 0;
    for (auto name : io::kExtractFiles)
        bytes += fs::file_size(dir / name);
    const auto& c = result->counts;
    const long records = c.borrowers + c.loans + c.instalments;
    fmt::print("readExtract (checking)   {:>9} records {:>8.1f} MB {:>7.3f} s {:>11.0f} records/s {:>7.1f} MB/s\n",
               records, static_cast<double>(bytes) / 1e6, seconds, records / seconds,
               static_cast<double>(bytes) / 1e6 / seconds);
    if (ownFolder) fs::remove_all(dir);
    return result->problems.empty() ? 0 : 1;
}
