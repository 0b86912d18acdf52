#include "storage/screening/assignment_repository.h"

namespace doorstep::storage {
namespace {

// The one place an assignment origin becomes text and back.
std::string_view originText(AssignmentOrigin origin)
{
    return codeOf(kAssignmentOriginCodes, origin);
}

AssignmentOrigin originFrom(const std::string& text)
{
    const auto origin = codeLookup(kAssignmentOriginCodes, text);
    if (!origin) throw DatabaseError(0, "an assignment has an unknown origin");
    return *origin;
}

constexpr const char* kOriginColumns = "borrower_id, officer, origin, assigned_by, assigned_at, run_id";

AssignmentOriginRow readOrigin(const Statement& s)
{
    AssignmentOriginRow r;
    r.borrowerRowId = s.columnInt(0);
    r.officer = s.columnText(1);
    r.origin = originFrom(s.columnText(2));
    r.assignedBy = s.columnText(3);
    r.assignedAt = s.columnText(4);
    r.runId = s.columnIsNull(5) ? 0 : s.columnInt(5);
    return r;
}

}  // namespace

void AssignmentRepository::record(const AssignmentOriginRow& row)
{
    auto s = m_db.prepare("INSERT INTO queue_assignment_origins (borrower_id, officer, origin, assigned_by, "
                          "assigned_at, run_id) VALUES (?,?,?,?,?,?) ON CONFLICT (borrower_id) DO UPDATE SET "
                          "officer=excluded.officer, origin=excluded.origin, assigned_by=excluded.assigned_by, "
                          "assigned_at=excluded.assigned_at, run_id=excluded.run_id");
    s.bind(1, row.borrowerRowId)
        .bind(2, row.officer)
        .bind(3, originText(row.origin))
        .bind(4, row.assignedBy)
        .bind(5, row.assignedAt);
    if (row.runId != 0) {
        s.bind(6, row.runId);
    } else {
        s.bind(6, std::nullopt);
    }
    s.run();
}

void AssignmentRepository::forget(std::int64_t borrowerRowId)
{
    m_db.prepare("DELETE FROM queue_assignment_origins WHERE borrower_id = ?").bind(1, borrowerRowId).run();
}

std::optional<AssignmentOriginRow> AssignmentRepository::origin(std::int64_t borrowerRowId) const
{
    auto s =
        m_db.prepare(std::string("SELECT ") + kOriginColumns + " FROM queue_assignment_origins WHERE borrower_id = ?");
    s.bind(1, borrowerRowId);
    if (!s.step()) return std::nullopt;
    return readOrigin(s);
}

std::map<std::int64_t, AssignmentOriginRow> AssignmentRepository::origins() const
{
    auto s = m_db.prepare(std::string("SELECT ") + kOriginColumns + " FROM queue_assignment_origins");
    std::map<std::int64_t, AssignmentOriginRow> out;
    while (s.step()) {
        AssignmentOriginRow r = readOrigin(s);
        out.emplace(r.borrowerRowId, std::move(r));
    }
    return out;
}

std::int64_t AssignmentRepository::addRun(const std::string& by, const std::string& at)
{
    m_db.prepare("INSERT INTO assignment_runs (run_by, run_at) VALUES (?, ?)").bind(1, by).bind(2, at).run();
    return m_db.lastInsertId();
}

void AssignmentRepository::addChange(std::int64_t runId, const AssignmentRunChangeRow& change)
{
    auto s = m_db.prepare("INSERT INTO assignment_run_changes (run_id, borrower_id, previous_officer, new_officer, "
                          "previous_origin, previous_by, previous_at, previous_run_id) VALUES (?,?,?,?,?,?,?,?)");
    s.bind(1, runId).bind(2, change.borrowerRowId).bind(3, change.previousOfficer).bind(4, change.newOfficer);
    if (const auto& p = change.previousOrigin) {
        s.bind(5, originText(p->origin)).bind(6, p->assignedBy).bind(7, p->assignedAt);
        if (p->runId != 0) {
            s.bind(8, p->runId);
        } else {
            s.bind(8, std::nullopt);
        }
    } else {
        s.bind(5, std::string_view{""})
            .bind(6, std::string_view{""})
            .bind(7, std::string_view{""})
            .bind(8, std::nullopt);
    }
    s.run();
}

std::optional<AssignmentRunRow> AssignmentRepository::lastRun() const
{
    auto s = m_db.prepare("SELECT r.id, r.run_by, r.run_at, r.undone_by, r.undone_at, "
                          "(SELECT count(*) FROM assignment_run_changes c WHERE c.run_id = r.id) "
                          "FROM assignment_runs r ORDER BY r.id DESC LIMIT 1");
    if (!s.step()) return std::nullopt;
    AssignmentRunRow r;
    r.id = s.columnInt(0);
    r.runBy = s.columnText(1);
    r.runAt = s.columnText(2);
    r.undoneBy = s.columnText(3);
    r.undoneAt = s.columnText(4);
    r.changes = static_cast<int>(s.columnInt(5));
    return r;
}

std::vector<AssignmentRunChangeRow> AssignmentRepository::changes(std::int64_t runId) const
{
    auto s = m_db.prepare("SELECT borrower_id, previous_officer, new_officer, previous_origin, previous_by, "
                          "previous_at, previous_run_id FROM assignment_run_changes WHERE run_id = ? "
                          "ORDER BY borrower_id");
    s.bind(1, runId);
    std::vector<AssignmentRunChangeRow> out;
    while (s.step()) {
        AssignmentRunChangeRow c;
        c.borrowerRowId = s.columnInt(0);
        c.previousOfficer = s.columnText(1);
        c.newOfficer = s.columnText(2);
        if (const std::string origin = s.columnText(3); !origin.empty()) {
            c.previousOrigin =
                AssignmentOriginRow{c.borrowerRowId, c.previousOfficer, originFrom(origin),
                                    s.columnText(4), s.columnText(5),   s.columnIsNull(6) ? 0 : s.columnInt(6)};
        }
        out.push_back(std::move(c));
    }
    return out;
}

void AssignmentRepository::markUndone(std::int64_t runId, const std::string& by, const std::string& at)
{
    m_db.prepare("UPDATE assignment_runs SET undone_by = ?, undone_at = ? WHERE id = ?")
        .bind(1, by)
        .bind(2, at)
        .bind(3, runId)
        .run();
}

}  // namespace doorstep::storage
