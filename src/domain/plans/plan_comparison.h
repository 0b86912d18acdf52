#pragma once
// Comparing repayment-plan options side by side (DOMAIN.md section 6, issue 12): the figures of each
// option, its affordability against the household's declared monthly income and expenses, and the
// option Doorstep suggests with the reason why. Pure: no Qt, no I/O.
#include "domain/plans/plan_schedule.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>

namespace doorstep {

// What the proposal screen shows for one option.
struct PlanFigures {
    Money firstInstalment;    // the first instalment's payment (0 in a grace period without payment)
    Money largestInstalment;  // the largest payment of any instalment
    int months = 0;           // number of instalments, grace months included
    Money totalPaid;          // every payment added up
    Money totalInterest;      // the plan's own interest: totalPaid − financed (capitalised interest included)
    Money waived;             // penalty and compound interest waived, plus a settlement's discount
    Money recovered;          // contractual − waived: the part of today's debt the plan collects if kept
    std::int64_t recoveryBasisPoints = 0;  // recovered / contractual, rounded half-up; 10,000 = all of it
};

PlanFigures planFigures(const Plan& plan);

// The household's monthly budget as the customer declared it (visit notes).
struct Household {
    Money monthlyIncome;
    Money monthlyExpenses;
    // A sum the household says it can pay at once (savings, family); it goes to the earliest instalments.
    Money lumpSum;
};

struct AffordabilitySettings {
    int limitPercent = 50;  // an instalment above this share of disposable income is flagged (configurable)
    friend bool operator==(const AffordabilitySettings&, const AffordabilitySettings&) = default;
};

// InvalidInput (plan.affordability_limit) unless the limit is 1 … 100 %.
Result<void> validateAffordabilitySettings(const AffordabilitySettings& settings);

struct Affordability {
    Money disposable;  // income − expenses (may be zero or negative)
    // The heaviest monthly payment the household must find from its income: the largest instalment once
    // the lump sum has paid the earliest ones.
    Money heaviest;
    std::optional<std::int64_t> shareBasisPoints;  // heaviest / disposable, half-up; none without disposable income
    // heaviest <= limit × disposable, decided exactly (a share exactly at the limit is affordable). Without
    // disposable income an option is affordable only when the lump sum pays every instalment.
    bool affordable = false;
};

Affordability assessAffordability(const Plan& plan, const Household& household, const AffordabilitySettings& settings);

struct PlanOptionSummary {
    PlanFigures figures;
    Affordability affordability;
};

struct PlanSuggestion {
    std::optional<std::size_t> option;  // index into the options; none when no option is affordable
    PlanReason reason;                  // why (plan.suggest.*), with the option's 1-based number
};

// Of the affordable options, the one that recovers most of today's debt; on a tie the one with fewer
// months (the money back sooner), then the one with the smaller largest instalment, then the earlier one.
PlanSuggestion suggestPlan(std::span<const PlanOptionSummary> options, const AffordabilitySettings& settings);

// 5,000 → "50%", 4,550 → "45.5%", 3,333 → "33.33%": basis points as a percentage for people.
std::string formatBasisPoints(std::int64_t basisPoints);

}  // namespace doorstep
