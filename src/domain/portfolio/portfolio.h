#pragma once
// The loan portfolio as core banking delivers it: borrowers, their contact persons and credit
// record, loans, instalment schedules and payments. Identifiers are the bank's own (text).
#include "domain/shared/calendar.h"
#include "domain/shared/money.h"
#include "domain/shared/rate.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace doorstep {

enum class Product { Mortgage, Consumer, Business, CreditCard };
enum class RepaymentMethod { EqualInstalment, EqualPrincipal, InterestOnlyBullet };
// Who a contact person is to the borrower (DOMAIN.md section 5 decides who may be contacted).
enum class Relation { Guarantor, Spouse, Relative, Employer, Other };

// Stable identifiers as they appear in the extract files and the database.
std::string_view productName(Product p);  // mortgage, consumer, business, credit_card
std::optional<Product> parseProduct(std::string_view name);
std::string_view repaymentMethodName(RepaymentMethod m);  // equal_instalment, equal_principal, interest_only_bullet
std::optional<RepaymentMethod> parseRepaymentMethod(std::string_view name);
std::string_view relationName(Relation r);  // guarantor, spouse, relative, employer, other
std::optional<Relation> parseRelation(std::string_view name);

// Coordinates as the extract and the database hold them, in micro-degrees (travel.h has GeoPoint in degrees for
// the travel model).
struct GeoPointE6 {
    std::int64_t latitudeE6 = 0;  // degrees × 1e6 (31.230416° → 31'230'416)
    std::int64_t longitudeE6 = 0;
};

struct Borrower {
    std::string id;  // the bank's customer number
    std::string name;
    std::string idNumber;  // resident identity number (GB 11643), validated on import
    std::vector<std::string> phones;
    std::string address;
    std::string district;
    std::optional<GeoPointE6> location;
    std::string employer;
    Money monthlyIncome;
    Money monthlyExpenses;
};

struct ContactPerson {
    std::string borrowerId;
    std::string name;
    Relation relation = Relation::Other;
    std::string phone;
};

// The credit bureau's summary for one borrower.
struct CreditRecord {
    std::string borrowerId;
    Date reportDate{};
    int overdueAccountsElsewhere = 0;
    int worstDpd24Months = 0;
    Money totalDebt;
    int enquiriesLast6Months = 0;
};

struct Loan {
    std::string id;  // the bank's account number
    std::string borrowerId;
    Product product = Product::Consumer;
    Money principal;
    AnnualRate contractRate;
    Date startDate{};
    int termMonths = 0;
    RepaymentMethod method = RepaymentMethod::EqualInstalment;
    std::string officer;  // user name of the assigned officer, empty when unassigned
};

struct Instalment {
    std::string loanId;
    int sequence = 0;  // 1, 2, 3 … in due-date order
    Date dueDate{};
    Money principalDue;
    Money interestDue;
};

struct Payment {
    std::string id;  // the bank's transaction id
    std::string loanId;
    Date paidOn{};
    Money amount;
};

}  // namespace doorstep
