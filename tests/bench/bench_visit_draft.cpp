// How long saving a visit-note draft takes: the note form saves on the GUI thread a second after each pause in
// the typing (gui/visits/visit_note_form.h), so one save must stay far below what a person notices (~50 ms). A plain
// program run by hand:
//
//   DOORSTEP_PASSWORD=… bench_visit_draft --db FILE --user NAME [--note ID] [--times N]
//
// Saves a full draft (every field, 2,000 characters of free text, three promises) N times (default 200) through
// VisitNoteService::saveDraft — one transaction, one row replaced — and prints
//   save_draft runs=200 median_ms=1.9 p95_ms=3.1 max_ms=6.0 draft_bytes=…
// Without --note it takes the user's first draft or returned note, else opens the note of the user's first visit
// without one (an audited write: run it on a copy or the demo database).
#include "app/visits/visit_note_service.h"
#include "bench_support.h"

#include <algorithm>
#include <vector>

using namespace doorstep;

namespace {

int usage()
{
    fmt::print(stderr, "usage: bench_visit_draft --db FILE --user NAME [--note ID] [--times N]\n");
    return 2;
}

VisitNoteDraft fullDraft(const VisitNote& note, int run)
{
    VisitNoteDraft d;
    d.content = note.currentContent();
    VisitNoteContent& c = d.content;
    c.protocol = {true, true, true, true};
    c.hardship = {HardshipReason::JobLoss, HardshipReason::Other};
    c.hardshipOther = "店铺装修停业两个月";
    c.monthlyIncome = Money::fromYuan(5200);
    c.monthlyExpenses = Money::fromYuan(3100);
    c.ability = 3;
    c.willingness = 4;
    c.attitude = Attitude::Cooperative;
    c.customerRequests = "希望每月还款额降低，延后一个月开始还款";
    c.promises = {PaymentPromise{Money::fromYuan(800), addDays(note.visitDate, 7)},
                  PaymentPromise{Money::fromYuan(800), addDays(note.visitDate, 37)},
                  PaymentPromise{Money::fromYuan(800), addDays(note.visitDate, 67)}};
    c.nextSteps = "提出宽限期方案；7 日电话确认";
    c.freeText.clear();
    while (c.freeText.size() < 6000)  // about 2,000 Chinese characters
        c.freeText += "配偶住院，家庭收入减少。";
    c.freeText += std::to_string(run);  // each save writes something new, as typing does
    return d;
}

}  // namespace

int main(int argc, char** argv)
{
    bench::LoginArgs login;
    std::int64_t noteId = 0;
    int times = 200;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (i + 1 >= argc) return usage();
        if (a == "--db")
            login.db = argv[++i];
        else if (a == "--user")
            login.user = argv[++i];
        else if (a == "--note")
            noteId = std::stoll(argv[++i]);
        else if (a == "--times")
            times = std::max(1, std::stoi(argv[++i]));
        else
            return usage();
    }
    if (login.db.empty() || login.user.empty()) return usage();
    auto session = bench::login(login);
    if (!session) return 1;
    app::VisitNoteService service(*session);
    if (noteId == 0) {
        if (auto mine = service.listMine()) {
            for (const auto& n : *mine) {
                if (n.state == NoteState::Draft || n.state == NoteState::Returned) {
                    noteId = n.id;
                    break;
                }
            }
        }
    }
    if (noteId == 0) {
        auto visits = service.visitsWithoutNote(3650);
        if (!visits || visits->empty()) {
            fmt::print(stderr, "{} has no draft and no visit to write up\n", login.user);
            return 1;
        }
        auto opened = service.open(visits->front().id);
        if (!opened) {
            fmt::print(stderr, "open failed: {}\n", opened.error().message);
            return 1;
        }
        noteId = *opened;
    }
    auto detail = service.note(noteId);
    if (!detail) {
        fmt::print(stderr, "note {}: {}\n", noteId, detail.error().message);
        return 1;
    }
    std::vector<double> ms;
    std::size_t bytes = 0;
    for (int run = 0; run < times; ++run) {
        const VisitNoteDraft draft = fullDraft(detail->note, run);
        bytes = draft.content.freeText.size();
        const auto start = std::chrono::steady_clock::now();
        if (auto saved = service.saveDraft(noteId, draft); !saved) {
            fmt::print(stderr, "save failed: {}\n", saved.error().message);
            return 1;
        }
        ms.push_back(bench::secondsSince(start) * 1000.0);
    }
    std::ranges::sort(ms);
    const auto at = [&](double q) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(q * ms.size()))]; };
    fmt::print("save_draft note={} runs={} median_ms={:.2f} p95_ms={:.2f} max_ms={:.2f} free_text_bytes={}\n", noteId,
               times, at(0.5), at(0.95), ms.back(), bytes);
    return 0;
}
