#include "storage/appointments/appointment_repository.h"

#include "domain/shared/code_table.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace doorstep::storage {
namespace {

Date dateOf(const std::string& text)
{
    return parseIsoDate(text).value_or(Date{});
}

// The one place an appointment state or a place kind becomes text and back.
std::string_view stateText(AppointmentState state)
{
    return codeOf(kAppointmentStateCodes, state);
}

AppointmentState stateFrom(const std::string& text)
{
    const auto state = codeLookup(kAppointmentStateCodes, text);
    if (!state) throw DatabaseError(0, "an appointment has an unknown state");
    return *state;
}

PlaceKind placeFrom(const std::string& text)
{
    const auto place = codeLookup(kPlaceKindCodes, text);
    if (!place) throw DatabaseError(0, "an appointment has an unknown place");
    return *place;
}

std::int64_t e6(double degrees)
{
    return std::llround(degrees * 1e6);
}

constexpr const char* kColumns =
    "a.id, a.borrower_id, b.bank_id, b.district, a.visit_date, a.start_minute, a.duration_minutes, a.place, "
    "a.place_note, a.latitude_e6, a.longitude_e6, a.staff1, a.staff2, a.state, coalesce(a.agreed_contact_id, 0), "
    "a.cancel_reason, coalesce(a.replaces_id, 0), a.created_by, a.created_at, a.updated_by, a.updated_at "
    "FROM appointments a JOIN borrowers b ON b.id = a.borrower_id ";

AppointmentRow readRow(const Statement& s)
{
    AppointmentRow r;
    r.id = s.columnInt(0);
    r.borrowerRowId = s.columnInt(1);
    Appointment& a = r.appointment;
    a.id = std::to_string(r.id);
    a.caseId = s.columnText(2);
    r.district = s.columnText(3);
    a.date = dateOf(s.columnText(4));
    a.start = ClockTime{static_cast<int>(s.columnInt(5))};
    a.durationMinutes = static_cast<int>(s.columnInt(6));
    a.place = placeFrom(s.columnText(7));
    r.placeNote = s.columnText(8);
    if (!s.columnIsNull(9) && !s.columnIsNull(10))
        a.location = GeoPoint{static_cast<double>(s.columnInt(9)) / 1e6, static_cast<double>(s.columnInt(10)) / 1e6};
    a.staff = {s.columnText(11), s.columnText(12)};
    a.state = stateFrom(s.columnText(13));
    r.agreedContactId = s.columnInt(14);
    if (r.agreedContactId != 0) a.agreedContactId = std::to_string(r.agreedContactId);
    a.cancelReason = s.columnText(15);
    r.replacesId = s.columnInt(16);
    r.createdBy = s.columnText(17);
    r.createdAt = s.columnText(18);
    r.updatedBy = s.columnText(19);
    r.updatedAt = s.columnText(20);
    return r;
}

void bindLocation(Statement& s, int index, const std::optional<GeoPoint>& p)
{
    if (p) {
        s.bind(index, e6(p->latitude)).bind(index + 1, e6(p->longitude));
    } else {
        s.bind(index, std::nullopt).bind(index + 1, std::nullopt);
    }
}

const std::string& staffAt(const Appointment& a, std::size_t k)
{
    static const std::string none;
    return k < a.staff.size() ? a.staff[k] : none;
}

}  // namespace

std::int64_t AppointmentRepository::add(const AppointmentRow& row)
{
    const Appointment& a = row.appointment;
    auto s = m_db.prepare("INSERT INTO appointments (borrower_id, visit_date, start_minute, duration_minutes, place, "
                          "place_note, latitude_e6, longitude_e6, staff1, staff2, state, agreed_contact_id, "
                          "cancel_reason, replaces_id, created_by, created_at, updated_by, updated_at) "
                          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    s.bind(1, row.borrowerRowId)
        .bind(2, formatIsoDate(a.date))
        .bind(3, std::int64_t{a.start.minutes})
        .bind(4, std::int64_t{a.durationMinutes})
        .bind(5, codeOf(kPlaceKindCodes, a.place))
        .bind(6, row.placeNote);
    bindLocation(s, 7, a.location);
    s.bind(9, staffAt(a, 0)).bind(10, staffAt(a, 1)).bind(11, stateText(a.state));
    if (row.agreedContactId != 0)
        s.bind(12, row.agreedContactId);
    else
        s.bind(12, std::nullopt);
    s.bind(13, a.cancelReason);
    if (row.replacesId != 0)
        s.bind(14, row.replacesId);
    else
        s.bind(14, std::nullopt);
    s.bind(15, row.createdBy).bind(16, row.createdAt).bind(17, row.updatedBy).bind(18, row.updatedAt).run();
    return m_db.lastInsertId();
}

void AppointmentRepository::update(const AppointmentRow& row)
{
    const Appointment& a = row.appointment;
    auto s = m_db.prepare("UPDATE appointments SET visit_date = ?, start_minute = ?, duration_minutes = ?, "
                          "state = ?, cancel_reason = ?, updated_by = ?, updated_at = ? WHERE id = ?");
    s.bind(1, formatIsoDate(a.date))
        .bind(2, std::int64_t{a.start.minutes})
        .bind(3, std::int64_t{a.durationMinutes})
        .bind(4, stateText(a.state))
        .bind(5, a.cancelReason)
        .bind(6, row.updatedBy)
        .bind(7, row.updatedAt)
        .bind(8, row.id)
        .run();
}

std::optional<AppointmentRow> AppointmentRepository::find(std::int64_t id) const
{
    auto s = m_db.prepare(std::string("SELECT ") + kColumns + "WHERE a.id = ?");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return readRow(s);
}

std::vector<AppointmentRow> AppointmentRepository::between(Date from, Date to, const std::string& staff) const
{
    auto s = m_db.prepare(std::string("SELECT ") + kColumns +
                          "WHERE a.visit_date BETWEEN ? AND ? AND (? = '' OR a.staff1 = ? OR a.staff2 = ?) "
                          "ORDER BY a.visit_date, a.start_minute, a.id");
    s.bind(1, formatIsoDate(from)).bind(2, formatIsoDate(to)).bind(3, staff).bind(4, staff).bind(5, staff);
    std::vector<AppointmentRow> out;
    while (s.step())
        out.push_back(readRow(s));
    return out;
}

std::vector<AppointmentRow> AppointmentRepository::forBorrower(std::int64_t borrowerRowId) const
{
    auto s = m_db.prepare(std::string("SELECT ") + kColumns +
                          "WHERE a.borrower_id = ? ORDER BY a.visit_date, a.start_minute, a.id");
    s.bind(1, borrowerRowId);
    std::vector<AppointmentRow> out;
    while (s.step())
        out.push_back(readRow(s));
    return out;
}

std::vector<std::int64_t> AppointmentRepository::borrowersWithConfirmedAppointment() const
{
    auto s = m_db.prepare("SELECT DISTINCT borrower_id FROM appointments WHERE state = ? ORDER BY borrower_id");
    s.bind(1, stateText(AppointmentState::Confirmed));
    std::vector<std::int64_t> out;
    while (s.step())
        out.push_back(s.columnInt(0));
    return out;
}

std::optional<CaseInfo> AppointmentRepository::caseInfo(std::int64_t borrowerRowId) const
{
    auto b = m_db.prepare("SELECT bank_id, name, address, district, latitude_e6, longitude_e6, phone, phone2 "
                          "FROM borrowers WHERE id = ?");
    b.bind(1, borrowerRowId);
    if (!b.step()) return std::nullopt;
    CaseInfo info;
    info.borrowerRowId = borrowerRowId;
    info.bankId = b.columnText(0);
    info.name = b.columnText(1);
    info.address = b.columnText(2);
    info.district = b.columnText(3);
    if (!b.columnIsNull(4) && !b.columnIsNull(5))
        info.home = GeoPoint{static_cast<double>(b.columnInt(4)) / 1e6, static_cast<double>(b.columnInt(5)) / 1e6};
    if (auto p = b.columnText(6); !p.empty()) info.numbers.push_back({"phone", p, ""});
    if (auto p = b.columnText(7); !p.empty()) info.numbers.push_back({"phone2", p, ""});
    auto c = m_db.prepare("SELECT id, relation, phone FROM contact_persons WHERE borrower_id = ? ORDER BY id");
    c.bind(1, borrowerRowId);
    while (c.step())
        info.numbers.push_back({"contact:" + std::to_string(c.columnInt(0)), c.columnText(2), c.columnText(1)});
    auto o = m_db.prepare("SELECT officer FROM loans WHERE borrower_id = ? AND officer <> '' UNION "
                          "SELECT officer FROM visit_queue WHERE borrower_id = ? AND officer <> ''");
    o.bind(1, borrowerRowId).bind(2, borrowerRowId);
    while (o.step())
        info.officers.push_back(o.columnText(0));
    std::ranges::sort(info.officers);
    return info;
}

std::optional<std::int64_t> AppointmentRepository::borrowerRowIdOf(const std::string& bankId) const
{
    auto s = m_db.prepare("SELECT id FROM borrowers WHERE bank_id = ?");
    s.bind(1, bankId);
    if (!s.step()) return std::nullopt;
    return s.columnInt(0);
}

std::optional<GeoPoint> AppointmentRepository::districtCentre(const std::string& district) const
{
    auto s = m_db.prepare("SELECT avg(latitude_e6), avg(longitude_e6), count(*) FROM borrowers "
                          "WHERE district = ? AND latitude_e6 IS NOT NULL AND longitude_e6 IS NOT NULL");
    s.bind(1, district);
    if (!s.step() || s.columnInt(2) == 0) return std::nullopt;
    // avg() is a real; columnInt reads it truncated to whole micro-degrees, which is well inside a metre.
    return GeoPoint{static_cast<double>(s.columnInt(0)) / 1e6, static_cast<double>(s.columnInt(1)) / 1e6};
}

}  // namespace doorstep::storage
