#pragma once
// Change notification (STYLE.md "Observers, not back-references"): a use case says what it changed once it
// has committed, and whoever shows that data refreshes itself. The GUI adapts this to Qt signals
// (gui/shared/change_notifier.h); app/ never calls the GUI.
#include <cstdint>
#include <mutex>
#include <vector>

namespace doorstep::app {

struct Change {
    enum class What {
        Portfolio,     // loans, borrowers, payments or their computed state (import, recompute)
        Queue,         // the visit queue: screening, decisions, assignment, rules
        Case,          // one customer's case (flags, contacts, …): borrowerRowId says which
        Users,         // accounts and roles
        Settings,      // branch settings
        Appointments,  // contacts and appointments
        Visits,        // visit notes and their review
        Plans,         // repayment-plan proposals
    };
    What what{};
    std::int64_t borrowerRowId = 0;  // for Case
    friend bool operator==(const Change&, const Change&) = default;
};

class ChangeObserver {
public:
    virtual ~ChangeObserver() = default;
    // Called after the change committed, on the thread of the use case that made it.
    virtual void changed(const Change& change) = 0;
};

// The observers of one open database. Thread-safe: a worker's session shares its owner's hub.
class ChangeHub final {
public:
    void add(ChangeObserver* observer);
    void remove(ChangeObserver* observer);
    void notify(const std::vector<Change>& changes);

private:
    std::mutex m_mutex;
    std::vector<ChangeObserver*> m_observers;
};

}  // namespace doorstep::app
