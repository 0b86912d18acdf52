#pragma once
// Days past due turned into the two labels collections speaks in: the M bucket and the five-category
// risk class (五级分类). DOMAIN.md section 3; every boundary is a setting with the domain's default.
#include "domain/messages/error.h"
#include "domain/portfolio/portfolio.h"

#include <array>
#include <optional>
#include <string_view>

namespace doorstep {

// M0 current; M1 1–30 DPD; … M6 151–180; M7 over 180 ("M7+" in DOMAIN.md). Ordered: M1 < M2 is a roll.
enum class Bucket { M0, M1, M2, M3, M4, M5, M6, M7 };
inline constexpr int kBucketCount = 8;

// The last DPD of M1 … M6; anything above the last entry is M7. Strictly increasing, the first ≥ 1.
struct BucketBoundaries {
    std::array<int, 6> lastDay{30, 60, 90, 120, 150, 180};
    friend constexpr bool operator==(const BucketBoundaries&, const BucketBoundaries&) = default;
};

// 正常 normal, 关注 special mention, 次级 substandard, 可疑 doubtful, 损失 loss; ordered by severity.
enum class RiskClass { Normal, SpecialMention, Substandard, Doubtful, Loss };
// Which rule set classifies an account: credit cards and loans follow different regulations.
enum class ClassProfile { Loan, CreditCard };

// A class applies when DPD is over its threshold ("over 90 → substandard"); the most severe one wins.
// Non-decreasing, none negative. These are floors: other evidence may class a loan worse (DOMAIN.md 3).
struct ClassThresholds {
    int specialMentionOver = 0;
    int substandardOver = 90;
    int doubtfulOver = 270;
    int lossOver = 360;
    friend constexpr bool operator==(const ClassThresholds&, const ClassThresholds&) = default;
};

// 2023 financial-asset risk classification measures: overdue → special mention, >90 substandard,
// >270 doubtful, >360 loss.
inline constexpr ClassThresholds kLoanClassThresholds{0, 90, 270, 360};
// 2011 credit-card rules art. 92: 1–90 special mention, 91–120 substandard, 121–180 doubtful, >180 loss.
inline constexpr ClassThresholds kCreditCardClassThresholds{0, 90, 120, 180};

struct ClassificationSettings {
    ClassThresholds loan = kLoanClassThresholds;
    ClassThresholds creditCard = kCreditCardClassThresholds;
    friend constexpr bool operator==(const ClassificationSettings&, const ClassificationSettings&) = default;
};

// DPD ≤ 0 is M0.
Bucket bucketForDpd(int dpd, const BucketBoundaries& boundaries = {});
ClassProfile classProfileFor(Product product);  // credit_card → CreditCard, every other product → Loan
const ClassThresholds& thresholdsFor(ClassProfile profile, const ClassificationSettings& settings);
RiskClass riskClassForDpd(int dpd, const ClassThresholds& thresholds);
RiskClass riskClassForDpd(int dpd, ClassProfile profile, const ClassificationSettings& settings = {});

// A restructured loan's observation period (DOMAIN.md 3): from the restructuring's start (included) to its end
// (excluded) the loan's class is not upgraded, so it is never better than the class it had when restructured.
// Outside the period the class by days past due stands; a downgrade inside it stands as well.
struct ObservationPeriod {
    Date start{};
    Date ends{};
    RiskClass classWhenRestructured = RiskClass::Normal;
};
RiskClass observedClass(RiskClass byDpd, Date asOf, const ObservationPeriod& period);

// InvalidInput with a sentence naming the offending boundary.
Result<void> validateBucketBoundaries(const BucketBoundaries& boundaries);
Result<void> validateClassThresholds(const ClassThresholds& thresholds);

// Stable names for storage and files.
std::string_view bucketName(Bucket b);  // M0 … M7
std::optional<Bucket> parseBucket(std::string_view name);
std::string_view riskClassName(RiskClass c);  // normal, special_mention, substandard, doubtful, loss
std::optional<RiskClass> parseRiskClass(std::string_view name);
std::string_view classProfileName(ClassProfile p);  // loan, credit_card
std::optional<ClassProfile> parseClassProfile(std::string_view name);

}  // namespace doorstep
