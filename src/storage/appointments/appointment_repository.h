#pragma once
// Appointments in the database (issue 10), and what booking needs to know about a case: its customer
// number, district, numbers to call and where the customer lives. The state is stored as its code
// (kAppointmentStateCodes) here and nowhere else.
#include "domain/appointments/appointment.h"
#include "domain/shared/calendar.h"
#include "storage/database/sqlite.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace doorstep::storage {

struct AppointmentRow {
    std::int64_t id = 0;
    std::int64_t borrowerRowId = 0;
    Appointment appointment;  // caseId is the borrower's bank id; staff holds the two visiting staff
    std::string placeNote;    // the address for PlaceKind::Other ("" otherwise)
    std::string district;     // joined for display
    std::int64_t agreedContactId = 0;
    std::int64_t replacesId = 0;
    std::string createdBy, createdAt, updatedBy, updatedAt;
};

// A number of the case to call or text: the borrower's phones and the contact persons'.
struct CaseNumber {
    std::string id;        // "phone", "phone2", "contact:<row id>"
    std::string phone;     // the full number: for masking before display, never for logs or messages
    std::string relation;  // "" for the borrower's own numbers
};

struct CaseInfo {
    std::int64_t borrowerRowId = 0;
    std::string bankId;
    std::string name;
    std::string address;
    std::string district;
    std::optional<GeoPoint> home;       // the borrower's coordinates, when the extract has them
    std::vector<std::string> officers;  // the officers of the borrower's loans and of the queue entry
    std::vector<CaseNumber> numbers;
};

class AppointmentRepository final {
public:
    explicit AppointmentRepository(const Connection& connection) : m_db(connection) {}

    std::int64_t add(const AppointmentRow& row);  // returns the new id
    void update(const AppointmentRow& row);       // state, time, place, reason and the updated columns
    std::optional<AppointmentRow> find(std::int64_t id) const;
    // Appointments from `from` to `to` (both included) in date and time order; `staff` "" = everyone's.
    std::vector<AppointmentRow> between(Date from, Date to, const std::string& staff) const;
    // Every appointment about the borrower, in any state, by date (the case window's timeline).
    std::vector<AppointmentRow> forBorrower(std::int64_t borrowerRowId) const;
    // The row ids of borrowers with a confirmed appointment (screening's open-appointment exclusion), sorted.
    std::vector<std::int64_t> borrowersWithConfirmedAppointment() const;

    std::optional<CaseInfo> caseInfo(std::int64_t borrowerRowId) const;
    std::optional<std::int64_t> borrowerRowIdOf(const std::string& bankId) const;
    // The mean of the district's known coordinates: where a customer without coordinates is placed.
    std::optional<GeoPoint> districtCentre(const std::string& district) const;

private:
    const Connection& m_db;
};

}  // namespace doorstep::storage
