#pragma once
// Visit notes for the demo (issue 11), written through VisitNoteService like an officer's: after each past day's
// visits are marked, the officer who leads a visit writes its note (a few are left as drafts); each morning the
// supervisor reviews some of the waiting notes (approves most, returns some with a comment) and the officers
// answer some returned notes with an addendum. So the demo shows every state and a real review queue.
#include "app/users/session.h"
#include "domain/shared/calendar.h"
#include "io/demo/synthetic_random.h"

#include <span>

namespace doorstep::app {

struct DemoNoteCounts {
    int written = 0;  // notes opened
    int drafts = 0;   // left as drafts
    int submitted = 0;
    int returned = 0;
    int addenda = 0;
    int approved = 0;
};

// `officer`'s done and not-home visits of `day` that they lead (first of the staff) and that have no note yet.
void writeDemoNotes(Session& officer, Date day, io::synthetic::Random& random, DemoNoteCounts& counts);
// One morning: the officers answer notes returned on earlier mornings, then `supervisor` reviews some of the
// waiting notes.
void reviewDemoNotes(Session& supervisor, std::span<Session* const> officers, io::synthetic::Random& random,
                     DemoNoteCounts& counts);

}  // namespace doorstep::app
