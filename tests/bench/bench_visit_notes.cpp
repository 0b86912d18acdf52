// What a visit note costs as the officer types and the supervisor reviews (issue 11). A plain program run by
// hand in a Release build on a branch it makes in a temporary folder (tests/support):
//
//   bench_visit_notes [--loans N] [--saves N] [--notes N]
//
// Imports a synthetic extract of N loans (default 5000), then for one done visit saves the draft `--saves` times
// (default 500) with the remarks growing by a character each time, as saveDraft is called while typing, and prints
// the latency of one save:
//   save_draft saves=500 median_ms=… p95_ms=… max_ms=…
// then writes `--notes` notes (default 40: visits booked, made, noted and submitted) and times the supervisor's
// lists and the note view:
//   review_queue notes=40 ms=…   list_mine ms=…   note_detail ms=…   submit ms=… (median of each)
#include "app/appointments/appointment_service.h"
#include "app/portfolio/portfolio_import.h"
#include "app/screening/screening_service.h"
#include "app/visits/visit_note_service.h"
#include "io/demo/synthetic_extract.h"
#include "support/test_branch.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fmt/core.h>
#include <string>
#include <vector>

using namespace doorstep;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::string_view kPassword = "officer-pass-2026";
const Date kDay{std::chrono::year{2026}, std::chrono::November, std::chrono::day{30}};

std::chrono::sys_seconds shanghai(Date date, int hour, int minute)
{
    return std::chrono::sys_days{date} + std::chrono::hours{hour - 8} + std::chrono::minutes{minute};
}

double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double p)
{
    std::ranges::sort(v);
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

[[noreturn]] void die(const std::string& what)
{
    fmt::print(stderr, "bench_visit_notes: {}\n", what);
    std::exit(1);
}

template <typename T> T check(Result<T> r, const char* what)
{
    if (!r) die(std::string(what) + ": " + r.error().message);
    return std::move(*r);
}

void check(Result<void> r, const char* what)
{
    if (!r) die(std::string(what) + ": " + r.error().message);
}

VisitNoteDraft filled(VisitNoteDraft d)
{
    VisitNoteContent& c = d.content;
    c.metRelation = MetRelation::Borrower;
    c.left = ClockTime{c.arrived->minutes + 40};
    c.protocol = {true, true, true, true};
    c.hardship = {HardshipReason::JobLoss};
    c.monthlyIncome = Money::fromYuan(5000);
    c.monthlyExpenses = Money::fromYuan(3500);
    c.ability = 3;
    c.willingness = 4;
    c.attitude = Attitude::Cooperative;
    c.promises = {PaymentPromise{Money::fromYuan(800), addDays(kDay, 7)}};
    c.nextSteps = "一周后电话回访。";
    return d;
}

}  // namespace

int main(int argc, char** argv)
{
    std::int64_t loans = 5000;
    int saves = 500;
    int notes = 40;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const long v = std::strtol(argv[i + 1], nullptr, 10);
        if (a == "--loans")
            loans = v;
        else if (a == "--saves")
            saves = static_cast<int>(v);
        else if (a == "--notes")
            notes = static_cast<int>(v);
        else
            die("usage: bench_visit_notes [--loans N] [--saves N] [--notes N]");
    }
    test::TestBranch branch;
    branch.addUser("sup", Role::Supervisor, kPassword);
    branch.addUser("ofc1", Role::Officer, kPassword);
    branch.addUser("ofc2", Role::Officer, kPassword);
    io::SyntheticOptions options;
    options.loans = loans;
    options.seed = 7;
    options.officers = {"ofc1", "ofc2"};
    const auto folder = branch.dir().path() / "extract";
    check(io::writeSyntheticExtract(folder, options), "extract");
    auto sup = branch.login("sup", kPassword);
    const auto imported = check(app::importExtract(*sup, folder, {}), "import");
    (void)imported;
    auto ofc1 = branch.login("ofc1", kPassword);

    auto queue = check(app::ScreeningService(*sup).queue({}), "queue");
    std::vector<std::int64_t> cases;
    for (const auto& item : queue) {
        if (item.officer == "ofc1" && item.state == QueueState::Open) cases.push_back(item.borrowerRowId);
    }
    if (cases.empty()) die("no open case of ofc1");

    // One visit a day, each made at 10:00, starting 60 days ahead so every booking is in the future.
    app::AppointmentService appointments(*ofc1);
    app::VisitNoteService officer(*ofc1);
    std::vector<std::int64_t> noteIds;
    for (int i = 0; i < std::max(notes, 1); ++i) {
        const Date day = addDays(kDay, i);
        branch.clock.set(shanghai(day, 8, 0));
        app::BookingRequest r;
        r.borrowerRowId = cases[static_cast<std::size_t>(i) % cases.size()];
        r.date = day;
        r.start = ClockTime::at(10, 0);
        r.staff = {"ofc1", "ofc2"};
        r.confirmed = true;
        const auto booked = check(appointments.book(r), "book");
        branch.clock.set(shanghai(day, 11, 0));
        check(appointments.markDone(booked.id), "mark done");
        noteIds.push_back(check(officer.open(booked.id), "open"));
    }

    // Typing: the remarks grow a character at a time.
    VisitNoteDraft draft = filled(*check(officer.note(noteIds.front()), "note").note.draft);
    std::vector<double> saveMs;
    for (int i = 0; i < saves; ++i) {
        draft.content.freeText += (i % 40 == 39) ? "。" : "访";
        const auto start = Clock::now();
        check(officer.saveDraft(noteIds.front(), draft), "save draft");
        saveMs.push_back(msSince(start));
    }
    fmt::print("save_draft saves={} median_ms={:.3f} p95_ms={:.3f} max_ms={:.3f} remarks_bytes={}\n", saves,
               percentile(saveMs, 0.5), percentile(saveMs, 0.95), percentile(saveMs, 1.0),
               draft.content.freeText.size());

    std::vector<double> submitMs;
    for (std::int64_t id : noteIds) {
        VisitNoteDraft d = filled(*check(officer.note(id), "note").note.draft);
        d.content.promises.front().due = addDays(check(officer.note(id), "note").note.visitDate, 7);
        const auto start = Clock::now();
        check(officer.submit(id, d), "submit");
        submitMs.push_back(msSince(start));
    }
    app::VisitNoteService supervisor(*sup);
    std::vector<double> queueMs, mineMs, detailMs;
    std::size_t waiting = 0;
    for (int i = 0; i < 20; ++i) {
        auto start = Clock::now();
        waiting = check(supervisor.reviewQueue(), "review queue").size();
        queueMs.push_back(msSince(start));
        start = Clock::now();
        (void)check(officer.listMine(), "list mine");
        mineMs.push_back(msSince(start));
        start = Clock::now();
        (void)check(supervisor.note(noteIds.front()), "note");
        detailMs.push_back(msSince(start));
    }
    fmt::print("submit notes={} median_ms={:.3f} max_ms={:.3f}\n", noteIds.size(), percentile(submitMs, 0.5),
               percentile(submitMs, 1.0));
    fmt::print("review_queue notes={} median_ms={:.3f}\nlist_mine median_ms={:.3f}\nnote_detail median_ms={:.3f}\n",
               waiting, percentile(queueMs, 0.5), percentile(mineMs, 0.5), percentile(detailMs, 0.5));
    return 0;
}
