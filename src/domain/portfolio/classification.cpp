#include "domain/portfolio/classification.h"

#include "domain/shared/code_table.h"

#include <fmt/core.h>

#include <algorithm>
#include <utility>

namespace doorstep {
namespace {

constexpr std::array<std::pair<Bucket, std::string_view>, kBucketCount> kBuckets{{{Bucket::M0, "M0"},
                                                                                  {Bucket::M1, "M1"},
                                                                                  {Bucket::M2, "M2"},
                                                                                  {Bucket::M3, "M3"},
                                                                                  {Bucket::M4, "M4"},
                                                                                  {Bucket::M5, "M5"},
                                                                                  {Bucket::M6, "M6"},
                                                                                  {Bucket::M7, "M7"}}};
constexpr std::array<std::pair<RiskClass, std::string_view>, 5> kClasses{
    {{RiskClass::Normal, "normal"},
     {RiskClass::SpecialMention, "special_mention"},
     {RiskClass::Substandard, "substandard"},
     {RiskClass::Doubtful, "doubtful"},
     {RiskClass::Loss, "loss"}}};
constexpr std::array<std::pair<ClassProfile, std::string_view>, 2> kProfiles{
    {{ClassProfile::Loan, "loan"}, {ClassProfile::CreditCard, "credit_card"}}};

}  // namespace

Bucket bucketForDpd(int dpd, const BucketBoundaries& boundaries)
{
    if (dpd <= 0) return Bucket::M0;
    int index = 1;
    for (const int last : boundaries.lastDay) {
        if (dpd <= last) return static_cast<Bucket>(index);
        ++index;
    }
    return Bucket::M7;
}

ClassProfile classProfileFor(Product product)
{
    return product == Product::CreditCard ? ClassProfile::CreditCard : ClassProfile::Loan;
}

const ClassThresholds& thresholdsFor(ClassProfile profile, const ClassificationSettings& settings)
{
    return profile == ClassProfile::CreditCard ? settings.creditCard : settings.loan;
}

RiskClass riskClassForDpd(int dpd, const ClassThresholds& thresholds)
{
    if (dpd > thresholds.lossOver) return RiskClass::Loss;
    if (dpd > thresholds.doubtfulOver) return RiskClass::Doubtful;
    if (dpd > thresholds.substandardOver) return RiskClass::Substandard;
    if (dpd > thresholds.specialMentionOver) return RiskClass::SpecialMention;
    return RiskClass::Normal;
}

RiskClass riskClassForDpd(int dpd, ClassProfile profile, const ClassificationSettings& settings)
{
    return riskClassForDpd(dpd, thresholdsFor(profile, settings));
}

RiskClass observedClass(RiskClass byDpd, Date asOf, const ObservationPeriod& period)
{
    if (asOf < period.start || !(asOf < period.ends)) return byDpd;
    return std::max(byDpd, period.classWhenRestructured);
}

Result<void> validateBucketBoundaries(const BucketBoundaries& boundaries)
{
    int previous = 0;
    for (std::size_t i = 0; i < boundaries.lastDay.size(); ++i) {
        if (boundaries.lastDay[i] <= previous)
            return fail(ErrorCode::InvalidInput, MessageId{"classification.last_day_order"},
                        {MessageArg::text("bucket", std::to_string(i + 1)),
                         MessageArg::number("day", boundaries.lastDay[i]), MessageArg::number("previous", previous)});
        previous = boundaries.lastDay[i];
    }
    return {};
}

Result<void> validateClassThresholds(const ClassThresholds& thresholds)
{
    if (thresholds.specialMentionOver < 0)
        return fail(ErrorCode::InvalidInput, MessageId{"classification.special_mention_negative"});
    if (thresholds.substandardOver < thresholds.specialMentionOver)
        return fail(ErrorCode::InvalidInput, MessageId{"classification.substandard_below"});
    if (thresholds.doubtfulOver < thresholds.substandardOver)
        return fail(ErrorCode::InvalidInput, MessageId{"classification.doubtful_below"});
    if (thresholds.lossOver < thresholds.doubtfulOver)
        return fail(ErrorCode::InvalidInput, MessageId{"classification.loss_below"});
    return {};
}

std::string_view bucketName(Bucket b)
{
    return codeOf(kBuckets, b);
}
std::optional<Bucket> parseBucket(std::string_view name)
{
    return codeLookup(kBuckets, name);
}
std::string_view riskClassName(RiskClass c)
{
    return codeOf(kClasses, c);
}
std::optional<RiskClass> parseRiskClass(std::string_view name)
{
    return codeLookup(kClasses, name);
}
std::string_view classProfileName(ClassProfile p)
{
    return codeOf(kProfiles, p);
}
std::optional<ClassProfile> parseClassProfile(std::string_view name)
{
    return codeLookup(kProfiles, name);
}

}  // namespace doorstep
