#pragma once
// Who put the officer on each visit-queue entry, and the automatic assignment runs with what each changed
// (issue 8: automatic assignment never silently overrides a manual one; the last run can be undone).
#include "domain/screening/assignment.h"
#include "storage/database/sqlite.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::storage {

struct AssignmentOriginRow {
    std::int64_t borrowerRowId = 0;
    std::string officer;  // the origin holds while the entry's officer is this one
    AssignmentOrigin origin = AssignmentOrigin::Manual;
    std::string assignedBy;  // user name
    std::string assignedAt;
    std::int64_t runId = 0;  // the automatic run, 0 for a manual assignment
    friend bool operator==(const AssignmentOriginRow&, const AssignmentOriginRow&) = default;
};

struct AssignmentRunRow {
    std::int64_t id = 0;
    std::string runBy, runAt, undoneBy, undoneAt;
    int changes = 0;
};

struct AssignmentRunChangeRow {
    std::int64_t borrowerRowId = 0;
    std::string previousOfficer;
    std::string newOfficer;
    std::optional<AssignmentOriginRow> previousOrigin;  // what was recorded before the run, if anything
};

class AssignmentRepository final {
public:
    explicit AssignmentRepository(const Connection& connection) : m_db(connection) {}

    void record(const AssignmentOriginRow& row);  // inserts or replaces the entry's origin
    void forget(std::int64_t borrowerRowId);
    std::optional<AssignmentOriginRow> origin(std::int64_t borrowerRowId) const;
    std::map<std::int64_t, AssignmentOriginRow> origins() const;  // every recorded origin, by borrower

    std::int64_t addRun(const std::string& by, const std::string& at);
    void addChange(std::int64_t runId, const AssignmentRunChangeRow& change);
    std::optional<AssignmentRunRow> lastRun() const;  // the newest run, undone or not
    std::vector<AssignmentRunChangeRow> changes(std::int64_t runId) const;
    void markUndone(std::int64_t runId, const std::string& by, const std::string& at);

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
