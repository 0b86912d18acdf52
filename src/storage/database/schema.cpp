#include "storage/database/schema.h"

#include "storage/contacts/template_repository.h"
#include "storage/portfolio/loan_ledger.h"

#include <fmt/core.h>
#include <string_view>

namespace doorstep::storage {
namespace {

// Step N takes a database at version N-1 to version N. Never edit a released step: add a new one.
constexpr std::string_view kSteps[] = {
    // 1: the foundation: database identity, users, the append-only audit trail.
    R"sql(
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    CREATE TABLE users (
        id           INTEGER PRIMARY KEY,
        username     TEXT NOT NULL UNIQUE,
        display_name TEXT NOT NULL,
        role         TEXT NOT NULL CHECK (role IN ('officer', 'supervisor', 'administrator')),
        disabled     INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
        created_at   TEXT NOT NULL
    );
    CREATE TABLE audit_event (
        sequence      INTEGER PRIMARY KEY,
        at            TEXT NOT NULL,
        actor         TEXT NOT NULL,
        action        TEXT NOT NULL,
        record_type   TEXT NOT NULL,
        record_id     TEXT NOT NULL,
        previous_hash TEXT NOT NULL,
        hash          TEXT NOT NULL
    );
    CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
        BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
    )sql",
    // 2: branch-wide settings (DOMAIN.md's configurable numbers) as typed text values.
    R"sql(
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    ) WITHOUT ROWID;
    )sql",
    // 3: the loan portfolio from core banking, and the delinquency state Doorstep computes from it.
    R"sql(
    CREATE TABLE borrowers (
        id                   INTEGER PRIMARY KEY,
        bank_id              TEXT NOT NULL UNIQUE,
        name                 TEXT NOT NULL,
        id_number            TEXT NOT NULL,
        phone                TEXT NOT NULL,
        phone2               TEXT NOT NULL DEFAULT '',
        address              TEXT NOT NULL,
        district             TEXT NOT NULL,
        latitude_e6          INTEGER,
        longitude_e6         INTEGER,
        employer             TEXT NOT NULL DEFAULT '',
        monthly_income_fen   INTEGER NOT NULL DEFAULT 0,
        monthly_expenses_fen INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX borrowers_district ON borrowers (district);
    CREATE TABLE contact_persons (
        id          INTEGER PRIMARY KEY,
        borrower_id INTEGER NOT NULL REFERENCES borrowers (id) ON DELETE CASCADE,
        name        TEXT NOT NULL,
        relation    TEXT NOT NULL,
        phone       TEXT NOT NULL,
        UNIQUE (borrower_id, relation, name, phone)
    );
    CREATE TABLE credit_records (
        borrower_id                INTEGER PRIMARY KEY REFERENCES borrowers (id) ON DELETE CASCADE,
        report_date                TEXT NOT NULL,
        overdue_accounts_elsewhere INTEGER NOT NULL,
        worst_dpd_24m              INTEGER NOT NULL,
        total_debt_fen             INTEGER NOT NULL,
        enquiries_6m               INTEGER NOT NULL
    );
    CREATE TABLE loans (
        id            INTEGER PRIMARY KEY,
        bank_id       TEXT NOT NULL UNIQUE,
        borrower_id   INTEGER NOT NULL REFERENCES borrowers (id),
        product       TEXT NOT NULL,
        principal_fen INTEGER NOT NULL,
        rate_micros   INTEGER NOT NULL,
        start_date    TEXT NOT NULL,
        term_months   INTEGER NOT NULL,
        method        TEXT NOT NULL,
        officer       TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX loans_borrower ON loans (borrower_id);
    CREATE TABLE instalments (
        loan_id       INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
        seq           INTEGER NOT NULL,
        due_date      TEXT NOT NULL,
        principal_fen INTEGER NOT NULL,
        interest_fen  INTEGER NOT NULL,
        PRIMARY KEY (loan_id, seq)
    ) WITHOUT ROWID;
    CREATE TABLE payments (
        id         INTEGER PRIMARY KEY,
        bank_id    TEXT NOT NULL UNIQUE,
        loan_id    INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
        paid_date  TEXT NOT NULL,
        amount_fen INTEGER NOT NULL
    );
    CREATE INDEX payments_loan ON payments (loan_id, paid_date);
    CREATE TABLE loan_status (
        loan_id                   INTEGER PRIMARY KEY REFERENCES loans (id) ON DELETE CASCADE,
        as_of                     TEXT NOT NULL,
        dpd                       INTEGER NOT NULL,
        bucket                    TEXT NOT NULL,
        risk_class                TEXT NOT NULL,
        overdue_principal_fen     INTEGER NOT NULL,
        overdue_interest_fen      INTEGER NOT NULL,
        penalty_fen               INTEGER NOT NULL,
        compound_fen              INTEGER NOT NULL,
        total_overdue_fen         INTEGER NOT NULL,
        outstanding_principal_fen INTEGER NOT NULL
    );
    CREATE INDEX loan_status_dpd ON loan_status (dpd);
    CREATE TABLE status_history (
        id          INTEGER PRIMARY KEY,
        loan_id     INTEGER NOT NULL REFERENCES loans (id) ON DELETE CASCADE,
        as_of       TEXT NOT NULL,
        from_bucket TEXT NOT NULL,
        to_bucket   TEXT NOT NULL,
        from_class  TEXT NOT NULL,
        to_class    TEXT NOT NULL
    );
    CREATE INDEX status_history_as_of ON status_history (as_of);
    CREATE TABLE imports (
        id             INTEGER PRIMARY KEY,
        imported_at    TEXT NOT NULL,
        extract_date   TEXT NOT NULL,
        branch_code    TEXT NOT NULL,
        rows_read      INTEGER NOT NULL,
        rows_changed   INTEGER NOT NULL
    );
    )sql",
    // 4: screening — contacts with customers (call centre and Doorstep), case flags Doorstep keeps,
    // versioned rule sets and the visit queue with each entry's reasons and decision.
    R"sql(
    CREATE TABLE contact_events (
        id                  INTEGER PRIMARY KEY,
        borrower_id         INTEGER NOT NULL REFERENCES borrowers (id) ON DELETE CASCADE,
        loan_id             INTEGER REFERENCES loans (id) ON DELETE SET NULL,
        contact_date        TEXT NOT NULL,
        minute_of_day       INTEGER NOT NULL,
        channel             TEXT NOT NULL,
        reached             TEXT NOT NULL,
        outcome             TEXT NOT NULL,
        promised_amount_fen INTEGER NOT NULL DEFAULT 0,
        promised_date       TEXT NOT NULL DEFAULT '',
        source              TEXT NOT NULL,
        UNIQUE (borrower_id, contact_date, minute_of_day, channel, reached, outcome, source)
    );
    CREATE INDEX contact_events_borrower ON contact_events (borrower_id, contact_date);
    CREATE TABLE case_flags (
        borrower_id INTEGER PRIMARY KEY REFERENCES borrowers (id) ON DELETE CASCADE,
        litigation  INTEGER NOT NULL DEFAULT 0,
        dispute     INTEGER NOT NULL DEFAULT 0,
        deceased    INTEGER NOT NULL DEFAULT 0,
        plan_kept   INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE screening_rule_sets (
        version    INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        body       TEXT NOT NULL
    );
    CREATE TABLE visit_queue (
        borrower_id           INTEGER PRIMARY KEY REFERENCES borrowers (id) ON DELETE CASCADE,
        as_of                 TEXT NOT NULL,
        rule_set_version      INTEGER NOT NULL,
        score                 INTEGER NOT NULL,
        hits                  TEXT NOT NULL,
        facts_fingerprint     TEXT NOT NULL,
        max_dpd               INTEGER NOT NULL,
        total_overdue_fen     INTEGER NOT NULL,
        district              TEXT NOT NULL,
        state                 TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'accepted', 'dismissed')),
        officer               TEXT NOT NULL DEFAULT '',
        decided_by            TEXT NOT NULL DEFAULT '',
        decided_at            TEXT NOT NULL DEFAULT '',
        dismiss_reason        TEXT NOT NULL DEFAULT '',
        dismiss_note          TEXT NOT NULL DEFAULT '',
        dismissed_fingerprint TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX visit_queue_score ON visit_queue (score DESC);
    )sql",
    // 5: screening looks up each loan's first bucket change of the last month; without this index that
    // was a scan of the whole history per loan.
    R"sql(
    CREATE INDEX status_history_loan ON status_history (loan_id, as_of, id);
    )sql",
    // 6: the loan ledger (storage/portfolio/loan_ledger.h): each loan's instalments and payments packed into one row,
    // so that the recompute reads 100,000 rows instead of 9.3 million. A cache of those two tables; the step
    // is followed by filling it from them (fillAfterStep).
    R"sql(
    CREATE TABLE loan_ledger (
        loan_id     INTEGER PRIMARY KEY REFERENCES loans (id) ON DELETE CASCADE,
        instalments BLOB NOT NULL DEFAULT x'',
        payments    BLOB NOT NULL DEFAULT x''
    );
    )sql",
    // 7: the book (DOMAIN.md section 3: the extract is a snapshot of the branch's book). A loan or borrower
    // that a later extract no longer holds has left it: NULL while in the book, else the extract date of the
    // last extract that held it. Every row stored so far counts as in the book.
    R"sql(
    ALTER TABLE loans ADD COLUMN left_book_after TEXT;
    ALTER TABLE borrowers ADD COLUMN left_book_after TEXT;
    CREATE INDEX loans_left_book ON loans (left_book_after) WHERE left_book_after IS NOT NULL;
    CREATE INDEX borrowers_left_book ON borrowers (left_book_after) WHERE left_book_after IS NOT NULL;
    )sql",
    // 8: contacts and appointments (issue 10). Doorstep's own contacts are contact_events rows with source
    // 'doorstep' (so screening reads them like the call centre's); contact_log keeps what only Doorstep knows
    // about them: who, which number, the log's outcome, the note, a rule exception and its reason.
    // Appointments: two visiting staff, the place and its coordinates for travel, the state as its code.
    R"sql(
    CREATE TABLE contact_log (
        event_id         INTEGER PRIMARY KEY REFERENCES contact_events (id) ON DELETE CASCADE,
        who              TEXT NOT NULL,
        relation         TEXT NOT NULL DEFAULT '',
        number_id        TEXT NOT NULL DEFAULT '',
        result           TEXT NOT NULL,
        note             TEXT NOT NULL DEFAULT '',
        exception_rule   TEXT NOT NULL DEFAULT '',
        exception_reason TEXT NOT NULL DEFAULT '',
        appointment_id   INTEGER,
        logged_by        TEXT NOT NULL,
        logged_at        TEXT NOT NULL
    );
    CREATE INDEX contact_log_exceptions ON contact_log (exception_rule) WHERE exception_rule <> '';
    CREATE TABLE appointments (
        id                INTEGER PRIMARY KEY,
        borrower_id       INTEGER NOT NULL REFERENCES borrowers (id) ON DELETE CASCADE,
        visit_date        TEXT NOT NULL,
        start_minute      INTEGER NOT NULL,
        duration_minutes  INTEGER NOT NULL,
        place             TEXT NOT NULL,
        place_note        TEXT NOT NULL DEFAULT '',
        latitude_e6       INTEGER,
        longitude_e6      INTEGER,
        staff1            TEXT NOT NULL,
        staff2            TEXT NOT NULL,
        state             TEXT NOT NULL,
        agreed_contact_id INTEGER REFERENCES contact_events (id) ON DELETE SET NULL,
        cancel_reason     TEXT NOT NULL DEFAULT '',
        replaces_id       INTEGER REFERENCES appointments (id),
        created_by        TEXT NOT NULL,
        created_at        TEXT NOT NULL,
        updated_by        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
    );
    CREATE INDEX appointments_day ON appointments (visit_date, start_minute);
    CREATE INDEX appointments_borrower ON appointments (borrower_id, state);
    )sql",
    // 9: repayment-plan proposals (issue 12): the debt and the chosen option's terms, enough to recompute the
    // schedule exactly with domain/plans/plan_schedule.h; the household's budget; the state, each move with who,
    // when and any comment; the last adherence check of an active plan.
    R"sql(
    CREATE TABLE plan_proposals (
        id                     INTEGER PRIMARY KEY,
        borrower_id            INTEGER NOT NULL REFERENCES borrowers (id),
        loan_id                INTEGER NOT NULL REFERENCES loans (id),
        owner                  TEXT NOT NULL,
        state                  TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved',
                                   'accepted', 'active', 'kept', 'broken', 'withdrawn')),
        debt_principal_fen     INTEGER NOT NULL,
        debt_interest_fen      INTEGER NOT NULL,
        debt_penalty_fen       INTEGER NOT NULL,
        debt_compound_fen      INTEGER NOT NULL,
        start_date             TEXT NOT NULL,
        waive_penalty_fen      INTEGER NOT NULL,
        waive_compound_fen     INTEGER NOT NULL,
        shape                  TEXT NOT NULL CHECK (shape IN ('reamortisation', 'extension', 'settlement')),
        method                 TEXT NOT NULL,
        rate_micros            INTEGER NOT NULL,
        term_months            INTEGER NOT NULL,
        grace_months           INTEGER NOT NULL,
        grace_mode             TEXT NOT NULL CHECK (grace_mode IN ('no_payment', 'interest_only')),
        grace_interest         TEXT NOT NULL CHECK (grace_interest IN ('capitalise', 'defer')),
        remaining_months       INTEGER NOT NULL,
        extension_months       INTEGER NOT NULL,
        discount_fen           INTEGER NOT NULL,
        settlement_instalments INTEGER NOT NULL,
        income_fen             INTEGER NOT NULL,
        expenses_fen           INTEGER NOT NULL,
        lump_sum_fen           INTEGER NOT NULL,
        supervisor_needed      INTEGER NOT NULL CHECK (supervisor_needed IN (0, 1)),
        supervisor_comment     TEXT NOT NULL DEFAULT '',
        created_at             TEXT NOT NULL,
        updated_at             TEXT NOT NULL,
        adherence              TEXT NOT NULL DEFAULT '',
        days_late              INTEGER NOT NULL DEFAULT 0,
        assessed_on            TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX plan_proposals_state ON plan_proposals (state);
    CREATE INDEX plan_proposals_owner ON plan_proposals (owner);
    CREATE INDEX plan_proposals_borrower ON plan_proposals (borrower_id);
    CREATE TABLE plan_proposal_moves (
        id          INTEGER PRIMARY KEY,
        proposal_id INTEGER NOT NULL REFERENCES plan_proposals (id) ON DELETE CASCADE,
        move        TEXT NOT NULL,
        from_state  TEXT NOT NULL,
        to_state    TEXT NOT NULL,
        actor       TEXT NOT NULL,
        at          TEXT NOT NULL,
        comment     TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX plan_proposal_moves_proposal ON plan_proposal_moves (proposal_id, id);
    )sql",
    // 10: who put the officer on a visit-queue entry (issue 8): a supervisor by hand, or an automatic assignment run;
    // the origin holds while the entry's officer is the one recorded here. Each automatic run with every officer
    // it changed and what was there before, so the last run can be undone.
    R"sql(
    CREATE TABLE assignment_runs (
        id        INTEGER PRIMARY KEY,
        run_by    TEXT NOT NULL,
        run_at    TEXT NOT NULL,
        undone_by TEXT NOT NULL DEFAULT '',
        undone_at TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE queue_assignment_origins (
        borrower_id INTEGER PRIMARY KEY REFERENCES borrowers (id) ON DELETE CASCADE,
        officer     TEXT NOT NULL,
        origin      TEXT NOT NULL CHECK (origin IN ('manual', 'automatic')),
        assigned_by TEXT NOT NULL,
        assigned_at TEXT NOT NULL,
        run_id      INTEGER REFERENCES assignment_runs (id)
    );
    CREATE TABLE assignment_run_changes (
        run_id           INTEGER NOT NULL REFERENCES assignment_runs (id) ON DELETE CASCADE,
        borrower_id      INTEGER NOT NULL REFERENCES borrowers (id) ON DELETE CASCADE,
        previous_officer TEXT NOT NULL,
        new_officer      TEXT NOT NULL,
        previous_origin  TEXT NOT NULL DEFAULT '' CHECK (previous_origin IN ('', 'manual', 'automatic')),
        previous_by      TEXT NOT NULL DEFAULT '',
        previous_at      TEXT NOT NULL DEFAULT '',
        previous_run_id  INTEGER,
        PRIMARY KEY (run_id, borrower_id)
    );
    )sql",
    // 11: message templates, the tone check's phrase list and the SMS outbox (issue 10). Supervisors keep the
    // templates and the phrases; both start from the domain's defaults (fillAfterStep). An SMS logged through
    // Doorstep is a contact (contact_events/contact_log) and an outbox row with the number and the filled text
    // for the bank's SMS platform; a reminder names its appointment.
    R"sql(
    CREATE TABLE message_templates (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        purpose    TEXT NOT NULL,
        audience   TEXT NOT NULL,
        body       TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE tone_phrases (
        id     INTEGER PRIMARY KEY,
        phrase TEXT NOT NULL,
        kind   TEXT NOT NULL
    );
    CREATE TABLE sms_outbox (
        id             INTEGER PRIMARY KEY,
        event_id       INTEGER NOT NULL REFERENCES contact_events (id) ON DELETE CASCADE,
        borrower_id    INTEGER NOT NULL REFERENCES borrowers (id) ON DELETE CASCADE,
        appointment_id INTEGER REFERENCES appointments (id) ON DELETE SET NULL,
        template_name  TEXT NOT NULL,
        phone          TEXT NOT NULL,
        body           TEXT NOT NULL,
        outbox_date    TEXT NOT NULL,
        minute_of_day  INTEGER NOT NULL,
        created_by     TEXT NOT NULL,
        created_at     TEXT NOT NULL
    );
    CREATE INDEX sms_outbox_day ON sms_outbox (outbox_date, minute_of_day);
    CREATE INDEX sms_outbox_appointment ON sms_outbox (appointment_id) WHERE appointment_id IS NOT NULL;
    )sql",
    // 12: visit notes and their review (issue 11): one note per done or not-home appointment; the draft being typed
    // (the note, or the addendum of a returned note) kept apart from the submitted versions, which are only ever
    // inserted (a trigger refuses any change); the review decisions; the promises to pay of each version (0 is
    // the draft's); attachments as BLOBs inside the encrypted file, version 0 until submitted with one. The
    // hardship reasons (comma-separated codes), the scales and the attitude are codes, for counting.
    R"sql(
    CREATE TABLE visit_notes (
        id             INTEGER PRIMARY KEY,
        appointment_id INTEGER NOT NULL UNIQUE REFERENCES appointments (id) ON DELETE CASCADE,
        borrower_id    INTEGER NOT NULL REFERENCES borrowers (id) ON DELETE CASCADE,
        visit_date     TEXT NOT NULL,
        author         TEXT NOT NULL,
        state          TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),
        created_at     TEXT NOT NULL,
        updated_at     TEXT NOT NULL
    );
    CREATE INDEX visit_notes_state ON visit_notes (state, updated_at);
    CREATE INDEX visit_notes_author ON visit_notes (author, state);
    CREATE INDEX visit_notes_borrower ON visit_notes (borrower_id);
    CREATE INDEX visit_notes_date ON visit_notes (visit_date);
    CREATE TABLE visit_note_drafts (
        note_id        INTEGER PRIMARY KEY REFERENCES visit_notes (id) ON DELETE CASCADE,
        customer_home  INTEGER NOT NULL CHECK (customer_home IN (0, 1)),
        met_relation   TEXT NOT NULL,
        met_name       TEXT NOT NULL DEFAULT '',
        place          TEXT NOT NULL,
        place_note     TEXT NOT NULL DEFAULT '',
        visitors       TEXT NOT NULL,
        arrived_minute INTEGER,
        left_minute    INTEGER,
        id_shown       INTEGER NOT NULL CHECK (id_shown IN (0, 1)),
        consent_asked  INTEGER NOT NULL CHECK (consent_asked IN (0, 1)),
        consent_given  INTEGER NOT NULL CHECK (consent_given IN (0, 1)),
        purpose_told   INTEGER NOT NULL CHECK (purpose_told IN (0, 1)),
        hardship       TEXT NOT NULL DEFAULT '',
        hardship_other TEXT NOT NULL DEFAULT '',
        income_fen     INTEGER,
        expenses_fen   INTEGER,
        ability        INTEGER NOT NULL CHECK (ability BETWEEN 0 AND 5),
        willingness    INTEGER NOT NULL CHECK (willingness BETWEEN 0 AND 5),
        attitude       TEXT NOT NULL,
        requests       TEXT NOT NULL DEFAULT '',
        next_steps     TEXT NOT NULL DEFAULT '',
        propose_plan   INTEGER NOT NULL CHECK (propose_plan IN (0, 1)),
        free_text      TEXT NOT NULL DEFAULT '',
        addendum_text  TEXT NOT NULL DEFAULT '',
        saved_at       TEXT NOT NULL
    );
    CREATE TABLE visit_note_versions (
        note_id        INTEGER NOT NULL REFERENCES visit_notes (id) ON DELETE CASCADE,
        version        INTEGER NOT NULL CHECK (version >= 1),
        kind           TEXT NOT NULL CHECK (kind IN ('submission', 'addendum')),
        by_user        TEXT NOT NULL,
        at             TEXT NOT NULL,
        customer_home  INTEGER NOT NULL CHECK (customer_home IN (0, 1)),
        met_relation   TEXT NOT NULL,
        met_name       TEXT NOT NULL DEFAULT '',
        place          TEXT NOT NULL,
        place_note     TEXT NOT NULL DEFAULT '',
        visitors       TEXT NOT NULL,
        arrived_minute INTEGER,
        left_minute    INTEGER,
        id_shown       INTEGER NOT NULL CHECK (id_shown IN (0, 1)),
        consent_asked  INTEGER NOT NULL CHECK (consent_asked IN (0, 1)),
        consent_given  INTEGER NOT NULL CHECK (consent_given IN (0, 1)),
        purpose_told   INTEGER NOT NULL CHECK (purpose_told IN (0, 1)),
        hardship       TEXT NOT NULL DEFAULT '',
        hardship_other TEXT NOT NULL DEFAULT '',
        income_fen     INTEGER,
        expenses_fen   INTEGER,
        ability        INTEGER NOT NULL CHECK (ability BETWEEN 0 AND 5),
        willingness    INTEGER NOT NULL CHECK (willingness BETWEEN 0 AND 5),
        attitude       TEXT NOT NULL,
        requests       TEXT NOT NULL DEFAULT '',
        next_steps     TEXT NOT NULL DEFAULT '',
        propose_plan   INTEGER NOT NULL CHECK (propose_plan IN (0, 1)),
        free_text      TEXT NOT NULL DEFAULT '',
        addendum_text  TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (note_id, version)
    );
    CREATE TRIGGER visit_note_versions_immutable BEFORE UPDATE ON visit_note_versions
    BEGIN SELECT RAISE(ABORT, 'a submitted visit note version is never changed'); END;
    CREATE TABLE visit_note_promises (
        note_id    INTEGER NOT NULL REFERENCES visit_notes (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,
        seq        INTEGER NOT NULL,
        amount_fen INTEGER NOT NULL,
        due_date   TEXT NOT NULL,
        PRIMARY KEY (note_id, version, seq)
    );
    CREATE TRIGGER visit_note_promises_immutable BEFORE UPDATE ON visit_note_promises WHEN OLD.version > 0
    BEGIN SELECT RAISE(ABORT, 'a submitted visit note version is never changed'); END;
    CREATE TABLE visit_note_reviews (
        id       INTEGER PRIMARY KEY,
        note_id  INTEGER NOT NULL REFERENCES visit_notes (id) ON DELETE CASCADE,
        version  INTEGER NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'returned')),
        by_user  TEXT NOT NULL,
        at       TEXT NOT NULL,
        comment  TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX visit_note_reviews_note ON visit_note_reviews (note_id, id);
    CREATE TABLE visit_note_attachments (
        id         INTEGER PRIMARY KEY,
        note_id    INTEGER NOT NULL REFERENCES visit_notes (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL DEFAULT 0,
        file_name  TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        data       BLOB NOT NULL,
        added_by   TEXT NOT NULL,
        added_at   TEXT NOT NULL
    );
    CREATE INDEX visit_note_attachments_note ON visit_note_attachments (note_id, id);
    )sql",
};

// The step above that creates the template library (renumbered with it at a merge).
constexpr int kTemplateLibraryStep = 11;
static_assert(kSteps[kTemplateLibraryStep - 1].find("CREATE TABLE message_templates") != std::string_view::npos,
              "kTemplateLibraryStep names the step that creates the template library");

// Work a step needs that SQL cannot do, in the step's transaction after its SQL.
void fillAfterStep(const Connection& connection, int version)
{
    if (version == 6) rebuildWholeLedger(connection);  // packing binary records is C++'s job
    // The step that creates message_templates: the default templates and phrase list
    // (domain/contacts/template_library.h).
    if (version == kTemplateLibraryStep) TemplateRepository(connection).seedDefaults();
}

}  // namespace

int currentSchemaVersion()
{
    return static_cast<int>(std::size(kSteps));
}

int schemaVersion(const Connection& connection)
{
    auto stmt = connection.prepare("PRAGMA user_version");
    stmt.step();
    return static_cast<int>(stmt.columnInt(0));
}

Result<void> migrate(const Connection& connection, int target)
{
    const int from = schemaVersion(connection);
    if (from > currentSchemaVersion()) return fail(ErrorCode::SchemaTooNew, MessageId{"database.schema_too_new"});
    for (int version = from + 1; version <= target; ++version) {
        Transaction tx(connection);
        connection.execute(kSteps[version - 1]);
        fillAfterStep(connection, version);
        // PRAGMA takes no bound parameters; the version is our own integer.
        connection.execute(fmt::format("PRAGMA user_version = {}", version));
        tx.commit();
    }
    return {};
}

}  // namespace doorstep::storage
