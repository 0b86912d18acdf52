#pragma once
// A branch for the repayment-plan tests: a supervisor (and a second one), two officers and a tiny
// extract where every figure is known, imported by the supervisor; proposals drafted by ofc1.
#include "app/plans/plan_service.h"
#include "app/portfolio/portfolio_import.h"
#include "app/screening/screening_service.h"
#include "app/visits/visit_note_service.h"
#include "storage/appointments/appointment_repository.h"
#include "support/db_query.h"
#include "support/file_bytes.h"
#include "support/test_branch.h"

#include <catch2/catch_test_macros.hpp>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace doorstep::test {

inline constexpr std::string_view kPlanPassword = "officer-pass-2026";
using Files = std::map<std::string, std::string>;

inline Date day(int y, unsigned m, unsigned d)
{
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// One borrower, one loan of ofc1: 12,000.00 at 6 % in two instalments due 15 September and 15 October 2026,
// nothing paid, so on 30 November both are overdue with penalty and compound interest. A second loan of ofc2.
inline Files extract(const std::string& date, const std::string& payments = "")
{
    return Files{
        {"manifest.csv", "extract_date,branch_code\n" + date + ",310115\n"},
        {"borrowers.csv",
         "borrower_id,name,id_number,phone,phone2,address,district,latitude,longitude,employer,monthly_income,"
         "monthly_expenses\n"
         "C001,王秀英,110101199003071233,13812345678,,浦东新区张杨路1500号,浦东新区,,,,8000.00,5000.00\n"
         "C002,李强,44030419780101031X,13900001111,,徐汇区漕溪北路1号,徐汇区,,,,,\n"},
        {"contacts.csv", "borrower_id,name,relation,phone\n"},
        {"credit_records.csv",
         "borrower_id,report_date,overdue_accounts_elsewhere,worst_dpd_24m,total_debt,enquiries_6m\n"},
        {"loans.csv", "loan_id,borrower_id,product,principal,interest_rate,start_date,term_months,repayment_method,"
                      "officer\n"
                      "L001-1,C001,consumer,12000.00,6,2026-08-15,2,equal_instalment,ofc1\n"
                      "L002-1,C002,consumer,5000.00,6,2026-08-15,1,equal_instalment,ofc2\n"},
        {"instalments.csv", "loan_id,seq,due_date,principal_due,interest_due\n"
                            "L001-1,1,2026-09-15,6000.00,60.00\n"
                            "L001-1,2,2026-10-15,6000.00,30.00\n"
                            "L002-1,1,2026-09-15,5000.00,25.00\n"},
        {"payments.csv", "payment_id,loan_id,paid_date,amount\n" + payments},
    };
}

struct Branch {
    Branch()
    {
        branch.addUser("sup", Role::Supervisor, kPlanPassword);
        branch.addUser("sup2", Role::Supervisor, kPlanPassword);
        branch.addUser("ofc1", Role::Officer, kPlanPassword);
        branch.addUser("ofc2", Role::Officer, kPlanPassword);
        sup = login("sup");
        ofc1 = login("ofc1");
        importAs(*sup, extract("2026-11-30"), "first");
        loan = queryInt(db(), "SELECT id FROM loans WHERE bank_id = 'L001-1'");
        borrower = queryInt(db(), "SELECT borrower_id FROM loans WHERE bank_id = 'L001-1'");
    }

    std::unique_ptr<app::Session> login(std::string_view name) { return branch.login(name, kPlanPassword); }
    const storage::Connection& db() { return sup->database().connection(); }

    void importAs(app::Session& who, const Files& files, const std::string& name)
    {
        const auto folder = branch.dir() / name;
        std::filesystem::create_directories(folder);
        for (const auto& [file, content] : files)
            writeBytes(folder / file, content);
        auto report = app::importExtract(who, folder, {});
        REQUIRE(report);
        for (const auto& p : report->problems)
            UNSCOPED_INFO(p.text());
        REQUIRE(report->imported);
    }

    // 3 months' annuity at 6 % from `start`; with `waive` the penalty and compound interest go.
    app::ProposalDraft draft(bool waive, Date start = day(2026, 11, 30), int months = 3)
    {
        auto c = app::PlanService(*ofc1).planCase(loan);
        REQUIRE(c);
        app::ProposalDraft d;
        d.loanRowId = loan;
        d.terms.start = start;
        if (waive) d.terms.waiver = Waiver::full(c->debt);
        d.terms.shape = Reamortisation{RepaymentMethod::EqualInstalment, AnnualRate{60'000}, months};
        d.household = Household{Money::fromYuan(8000), Money::fromYuan(5000), Money{}};
        return d;
    }

    std::int64_t created(bool waive)
    {
        auto id = app::PlanService(*ofc1).create(draft(waive));
        REQUIRE(id);
        return *id;
    }

    ProposalState state(std::int64_t id)
    {
        auto p = app::PlanService(*sup).proposal(id);
        REQUIRE(p);
        return p->row.state;
    }

    std::int64_t audits(const std::string& action, std::int64_t id)
    {
        return queryInt(db(), "SELECT count(*) FROM audit_event WHERE action = '" + action +
                                  "' AND record_type = 'plan_proposal' AND record_id = '" + std::to_string(id) + "'");
    }

    // A done visit of ofc1 and ofc2 to C001 on `date` at `hour`:00 (stored as booking and marking it done leave
    // it), its note opened by ofc1 stating `income` and `expenses` (none: not stated), and submitted unless
    // `submit` is false (then a draft). Returns the note's id.
    std::int64_t visitNote(Date date, int hour, std::optional<Money> income, std::optional<Money> expenses,
                           bool submit = true)
    {
        storage::AppointmentRow a;
        a.borrowerRowId = borrower;
        a.appointment.caseId = "C001";
        a.appointment.date = date;
        a.appointment.start = ClockTime::at(hour, 0);
        a.appointment.staff = {"ofc1", "ofc2"};
        a.appointment.state = AppointmentState::Done;
        a.createdBy = a.updatedBy = "ofc1";
        a.createdAt = a.updatedAt = "2026-11-30T01:00:00Z";
        const std::int64_t appointment = storage::AppointmentRepository(db()).add(a);
        app::VisitNoteService notes(*ofc1);
        auto id = notes.open(appointment);
        REQUIRE(id);
        const VisitNoteDraft d{stated(hour, income, expenses), {}};
        if (submit)
            REQUIRE(notes.submit(*id, d));
        else
            REQUIRE(notes.saveDraft(*id, d));
        return *id;
    }

    // What a note that passes every check holds, with the household figures as given.
    static VisitNoteContent stated(int hour, std::optional<Money> income, std::optional<Money> expenses)
    {
        VisitNoteContent c;
        c.visitors = {"ofc1", "ofc2"};
        c.arrived = ClockTime::at(hour, 5);
        c.ability = 3;
        c.willingness = 3;
        c.monthlyIncome = income;
        c.monthlyExpenses = expenses;
        return c;
    }

    bool planKeptFlag() { return app::ScreeningService(*sup).caseFlags(borrower)->planBeingKept; }

    TestBranch branch;
    std::unique_ptr<app::Session> sup, ofc1;
    std::int64_t loan = 0;
    std::int64_t borrower = 0;
};

}  // namespace doorstep::test
