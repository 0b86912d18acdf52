#include "io/demo/synthetic_contacts.h"

#include "io/demo/synthetic_people.h"

#include <algorithm>
#include <array>
#include <optional>

namespace doorstep::io::synthetic {
namespace {

// Calls by the hour from 08:00 to 21:00 (the last call starts by 21:59): busiest mornings and evenings.
constexpr std::array<int, 14> kHourWeights{3, 8, 10, 10, 7, 6, 8, 9, 9, 9, 8, 7, 5, 3};
constexpr int kFirstMinute = 8 * 60;
constexpr int kLastMinute = 21 * 60 + 59;

// A loan followed day by day: what fell due before the day and what was paid before it.
struct LoanTrack {
    const GeneratedLoan* loan = nullptr;
    std::size_t nextInstalment = 0;
    std::size_t nextPayment = 0;
    std::int64_t dueFen = 0;
    std::int64_t paidFen = 0;

    void advanceTo(Date day)
    {
        const auto& schedule = loan->schedule;
        while (nextInstalment < schedule.size() && schedule[nextInstalment].dueDate < day) {
            dueFen += schedule[nextInstalment].principalDue.fen + schedule[nextInstalment].interestDue.fen;
            ++nextInstalment;
        }
        const auto& payments = loan->payments;
        while (nextPayment < payments.size() && payments[nextPayment].paidOn < day)
            paidFen += payments[nextPayment++].amount.fen;
    }
    std::int64_t arrearsFen() const { return dueFen - paidFen; }
    // The first payment made on `day` or later (payments are oldest first), or nullptr.
    const Payment* paymentFrom(Date day) const
    {
        for (std::size_t i = nextPayment; i < loan->payments.size(); ++i) {
            if (loan->payments[i].paidOn >= day) return &loan->payments[i];
        }
        return nullptr;
    }
    bool paidWithin(Date from, Date to) const
    {
        return std::ranges::any_of(loan->payments,
                                   [&](const Payment& p) { return p.paidOn >= from && p.paidOn <= to; });
    }
    bool dueOn(Date day) const
    {
        const auto& schedule = loan->schedule;
        for (std::size_t i = nextInstalment; i < schedule.size() && schedule[i].dueDate <= day; ++i) {
            if (schedule[i].dueDate == day) return true;
        }
        return false;
    }
};

int randomMinute(Random& random)
{
    return kFirstMinute + static_cast<int>(random.weighted(kHourWeights)) * 60 + random.between(0, 59);
}

// Down to whole hundreds of yuan when that leaves something, else as it is.
Money roundDownToHundredYuan(std::int64_t fen)
{
    return Money{fen >= 10'000 ? fen / 10'000 * 10'000 : fen};
}

class History {
public:
    History(const std::string& borrowerId, std::vector<ContactAttempt>& out) : m_borrowerId(borrowerId), m_out(out) {}

    ContactAttempt& add(Date day, int minute, ContactChannel channel, ContactParty reached, ContactOutcome outcome,
                        const std::string& loanId)
    {
        ContactAttempt& a = m_out.emplace_back();
        a.borrowerId = m_borrowerId;
        a.loanId = loanId;
        a.date = day;
        a.minuteOfDay = minute;
        a.channel = channel;
        a.reached = reached;
        a.outcome = outcome;
        a.source = "call_centre";
        return a;
    }

private:
    const std::string& m_borrowerId;
    std::vector<ContactAttempt>& m_out;
};

}  // namespace

std::vector<ContactAttempt> generateContactHistory(Random& random, const std::string& borrowerId,
                                                   std::span<const GeneratedLoan> loans, Date extractDate)
{
    std::vector<ContactAttempt> out;
    if (loans.empty()) return out;
    History history(borrowerId, out);
    const Date first = addDays(extractDate, -(kContactHistoryDays - 1));

    // The borrower as the call centre meets them.
    const std::int64_t callsPerWeek = random.between(2, 6);
    const std::int64_t answerChance = random.between(150'000, 550'000);   // per million calls
    const std::int64_t promiseChance = random.between(200'000, 700'000);  // when the borrower is reached
    int wrongNumberCalls = random.chance(60'000) ? random.between(1, 3) : 0;
    const bool reminders = random.chance(40'000);

    std::vector<LoanTrack> tracks;
    tracks.reserve(loans.size());
    for (const GeneratedLoan& loan : loans)
        tracks.push_back(LoanTrack{&loan});
    std::optional<Date> quietUntil;  // a promise is running: no calls up to the promised day

    for (Date day = first; day <= extractDate; day = addDays(day, 1)) {
        const LoanTrack* subject = nullptr;
        for (LoanTrack& track : tracks) {
            track.advanceTo(day);
            if (track.arrearsFen() > 0 && (subject == nullptr || track.arrearsFen() > subject->arrearsFen()))
                subject = &track;
        }
        if (subject == nullptr) {
            // A friendly reminder two days before an instalment falls due.
            if (reminders && tracks.front().dueOn(addDays(day, 2)))
                history.add(day, random.between(9 * 60, 18 * 60), ContactChannel::Sms, ContactParty::Borrower,
                            ContactOutcome::Reached, tracks.front().loan->loan.id);
            continue;
        }
        if (quietUntil && day <= *quietUntil) {
            // The day before the promised day, sometimes a reminder of the promise.
            if (day == addDays(*quietUntil, -1) && random.chance(300'000))
                history.add(day, random.between(9 * 60, 18 * 60), ContactChannel::Sms, ContactParty::Borrower,
                            ContactOutcome::Reached, subject->loan->loan.id);
            continue;
        }
        quietUntil.reset();
        if (!random.chance(callsPerWeek * 1'000'000 / 7)) continue;

        const std::string& loanId = subject->loan->loan.id;
        const int minute = randomMinute(random);
        // Some calls are about the customer rather than one loan.
        const std::string noLoan;
        const std::string& about = random.chance(150'000) ? noLoan : loanId;
        if (wrongNumberCalls > 0) {
            --wrongNumberCalls;
            history.add(day, minute, ContactChannel::Call, ContactParty::None, ContactOutcome::WrongNumber, about);
            continue;
        }
        if (!random.chance(answerChance)) {
            if (random.chance(15'000)) {
                history.add(day, minute, ContactChannel::Call, ContactParty::None, ContactOutcome::WrongNumber, about);
                continue;
            }
            history.add(day, minute, ContactChannel::Call, ContactParty::None, ContactOutcome::NoAnswer, about);
            if (random.chance(300'000))
                history.add(day, std::min(kLastMinute, minute + random.between(1, 20)), ContactChannel::Sms,
                            ContactParty::Borrower, ContactOutcome::Reached, loanId);
            continue;
        }
        const auto party = static_cast<ContactParty>(1 + random.weighted(std::array<int, 3>{880, 90, 30}));
        if (party == ContactParty::ThirdParty) {
            history.add(day, minute, ContactChannel::Call, party, ContactOutcome::Reached, about);
            continue;
        }
        if (party == ContactParty::Guarantor) {
            history.add(day, minute, ContactChannel::Call, party,
                        random.chance(300'000) ? ContactOutcome::Refused : ContactOutcome::Reached, about);
            continue;
        }
        // The borrower answered.
        if (subject->paidWithin(addDays(day, -5), addDays(day, -1)) && random.chance(500'000)) {
            history.add(day, minute, ContactChannel::Call, party, ContactOutcome::Paid, loanId);
            continue;
        }
        if (!random.chance(promiseChance)) {
            history.add(day, minute, ContactChannel::Call, party,
                        random.chance(350'000) ? ContactOutcome::Refused : ContactOutcome::Reached, about);
            continue;
        }
        ContactAttempt& promise =
            history.add(day, minute, ContactChannel::Call, party, ContactOutcome::PromiseToPay, loanId);
        const Payment* next = subject->paymentFrom(day);
        if (next != nullptr && daysBetween(day, next->paidOn) <= 17) {
            // Kept: the payment the loan's history already holds, within three days of the promised day.
            const Date earliest = std::max(addDays(day, 3), addDays(next->paidOn, -3));
            promise.promisedDate = randomDate(random, earliest, addDays(day, 14));
            promise.promisedAmount = roundDownToHundredYuan(std::min(next->amount.fen, subject->arrearsFen()));
        } else {
            // Broken (or still running at the extract date): nothing is paid until well after the promised day.
            promise.promisedDate = addDays(day, random.between(3, 14));
            const std::int64_t share = random.between(30, 100);
            promise.promisedAmount = Money::fromYuan(
                std::max<std::int64_t>(1, (subject->arrearsFen() * share / 100 + 9'999) / 10'000) * 100);
        }
        quietUntil = promise.promisedDate;
    }
    return out;
}

}  // namespace doorstep::io::synthetic
