#include "domain/portfolio/classification.h"

#include <catch2/catch_test_macros.hpp>

#include <string>
#include <utility>

using namespace doorstep;

TEST_CASE("DPD falls into the M buckets at the DOMAIN.md boundaries", "[classification]")
{
    // M0 current; M1 1–30; M2 31–60; M3 61–90; M4 91–120; M5 121–150; M6 151–180; M7 over 180.
    const std::pair<int, Bucket> table[] = {
        {-5, Bucket::M0},  {0, Bucket::M0},   {1, Bucket::M1},   {30, Bucket::M1},
        {31, Bucket::M2},  {60, Bucket::M2},  {61, Bucket::M3},  {90, Bucket::M3},
        {91, Bucket::M4},  {120, Bucket::M4}, {121, Bucket::M5}, {150, Bucket::M5},
        {151, Bucket::M6}, {180, Bucket::M6}, {181, Bucket::M7}, {10'000, Bucket::M7}};
    for (const auto& [dpd, bucket] : table) {
        INFO("dpd " << dpd);
        CHECK(bucketForDpd(dpd) == bucket);
    }
}

TEST_CASE("bucket boundaries are configurable", "[classification]")
{
    BucketBoundaries b;
    b.lastDay = {10, 20, 30, 40, 50, 60};
    CHECK(bucketForDpd(10, b) == Bucket::M1);
    CHECK(bucketForDpd(11, b) == Bucket::M2);
    CHECK(bucketForDpd(60, b) == Bucket::M6);
    CHECK(bucketForDpd(61, b) == Bucket::M7);
    CHECK(validateBucketBoundaries(b).has_value());
    CHECK(validateBucketBoundaries({}).has_value());
    b.lastDay = {0, 20, 30, 40, 50, 60};  // M1 would be empty
    CHECK_FALSE(validateBucketBoundaries(b).has_value());
    b.lastDay = {10, 20, 30, 30, 50, 60};
    const auto bad = validateBucketBoundaries(b);
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == ErrorCode::InvalidInput);
    CHECK(bad.error().message.find("M4") != std::string::npos);
}

TEST_CASE("loans: overdue is special mention, over 90 substandard, over 270 doubtful, over 360 loss",
          "[classification]")
{
    const std::pair<int, RiskClass> table[] = {
        {0, RiskClass::Normal},       {1, RiskClass::SpecialMention}, {90, RiskClass::SpecialMention},
        {91, RiskClass::Substandard}, {270, RiskClass::Substandard},  {271, RiskClass::Doubtful},
        {360, RiskClass::Doubtful},   {361, RiskClass::Loss},         {5'000, RiskClass::Loss}};
    for (const auto& [dpd, riskClass] : table) {
        INFO("dpd " << dpd);
        CHECK(riskClassForDpd(dpd, ClassProfile::Loan) == riskClass);
    }
}

TEST_CASE("credit cards: 1–90 special mention, 91–120 substandard, 121–180 doubtful, over 180 loss", "[classification]")
{
    const std::pair<int, RiskClass> table[] = {{0, RiskClass::Normal},          {1, RiskClass::SpecialMention},
                                               {90, RiskClass::SpecialMention}, {91, RiskClass::Substandard},
                                               {120, RiskClass::Substandard},   {121, RiskClass::Doubtful},
                                               {180, RiskClass::Doubtful},      {181, RiskClass::Loss}};
    for (const auto& [dpd, riskClass] : table) {
        INFO("dpd " << dpd);
        CHECK(riskClassForDpd(dpd, ClassProfile::CreditCard) == riskClass);
    }
}

TEST_CASE("the profile follows the product", "[classification]")
{
    CHECK(classProfileFor(Product::CreditCard) == ClassProfile::CreditCard);
    CHECK(classProfileFor(Product::Mortgage) == ClassProfile::Loan);
    CHECK(classProfileFor(Product::Consumer) == ClassProfile::Loan);
    CHECK(classProfileFor(Product::Business) == ClassProfile::Loan);
}

TEST_CASE("class thresholds are configurable per profile and validated", "[classification]")
{
    ClassificationSettings settings;
    settings.loan = {0, 60, 180, 365};
    CHECK(riskClassForDpd(61, ClassProfile::Loan, settings) == RiskClass::Substandard);
    CHECK(riskClassForDpd(181, ClassProfile::Loan, settings) == RiskClass::Doubtful);
    CHECK(riskClassForDpd(365, ClassProfile::Loan, settings) == RiskClass::Doubtful);
    CHECK(riskClassForDpd(61, ClassProfile::CreditCard, settings) == RiskClass::SpecialMention);  // untouched
    CHECK(thresholdsFor(ClassProfile::Loan, settings) == settings.loan);
    CHECK(thresholdsFor(ClassProfile::CreditCard, settings) == kCreditCardClassThresholds);

    // A grace of 3 days before special mention, as some branches configure.
    const ClassThresholds grace{3, 90, 270, 360};
    CHECK(riskClassForDpd(3, grace) == RiskClass::Normal);
    CHECK(riskClassForDpd(4, grace) == RiskClass::SpecialMention);

    CHECK(validateClassThresholds(kLoanClassThresholds).has_value());
    CHECK(validateClassThresholds(kCreditCardClassThresholds).has_value());
    CHECK(validateClassThresholds({0, 90, 90, 90}).has_value());  // doubtful collapsed into loss is allowed
    CHECK_FALSE(validateClassThresholds({-1, 90, 270, 360}).has_value());
    CHECK_FALSE(validateClassThresholds({0, 90, 80, 360}).has_value());
    CHECK_FALSE(validateClassThresholds({0, 90, 270, 200}).has_value());
    CHECK_FALSE(validateClassThresholds({100, 90, 270, 360}).has_value());
}

TEST_CASE("stable names for storage, read back exactly", "[classification]")
{
    CHECK(bucketName(Bucket::M0) == "M0");
    CHECK(bucketName(Bucket::M7) == "M7");
    for (int i = 0; i < kBucketCount; ++i) {
        const auto b = static_cast<Bucket>(i);
        CHECK(bucketName(b) == "M" + std::to_string(i));
        CHECK(parseBucket(bucketName(b)) == b);
    }
    CHECK(riskClassName(RiskClass::Normal) == "normal");
    CHECK(riskClassName(RiskClass::SpecialMention) == "special_mention");
    CHECK(riskClassName(RiskClass::Substandard) == "substandard");
    CHECK(riskClassName(RiskClass::Doubtful) == "doubtful");
    CHECK(riskClassName(RiskClass::Loss) == "loss");
    for (const RiskClass c :
         {RiskClass::Normal, RiskClass::SpecialMention, RiskClass::Substandard, RiskClass::Doubtful, RiskClass::Loss})
        CHECK(parseRiskClass(riskClassName(c)) == c);
    CHECK(classProfileName(ClassProfile::Loan) == "loan");
    CHECK(classProfileName(ClassProfile::CreditCard) == "credit_card");
    CHECK(parseClassProfile("credit_card") == ClassProfile::CreditCard);
    CHECK(parseClassProfile("loan") == ClassProfile::Loan);

    CHECK_FALSE(parseBucket("M8").has_value());
    CHECK_FALSE(parseBucket("m1").has_value());
    CHECK_FALSE(parseBucket("M7+").has_value());
    CHECK_FALSE(parseRiskClass("Normal").has_value());
    CHECK_FALSE(parseRiskClass("").has_value());
    CHECK_FALSE(parseClassProfile("card").has_value());
}

TEST_CASE("buckets and classes are ordered by severity", "[classification]")
{
    // Roll rates compare buckets; escalation compares classes.
    CHECK(Bucket::M1 < Bucket::M2);
    CHECK(Bucket::M6 < Bucket::M7);
    CHECK(RiskClass::Normal < RiskClass::SpecialMention);
    CHECK(RiskClass::Doubtful < RiskClass::Loss);
}

TEST_CASE("a restructured loan's class is not upgraded during its observation period", "[classification]")
{
    const auto day = [](const char* iso) { return *parseIsoDate(iso); };
    // Restructured on 2026-03-01 while substandard; twelve months' observation end on 2027-03-01.
    const ObservationPeriod period{day("2026-03-01"), day("2027-03-01"), RiskClass::Substandard};
    SECTION("inside the period the class by days past due cannot be better than when restructured")
    {
        CHECK(observedClass(RiskClass::Normal, day("2026-03-01"), period) == RiskClass::Substandard);
        CHECK(observedClass(RiskClass::SpecialMention, day("2027-02-28"), period) == RiskClass::Substandard);
    }
    SECTION("a downgrade inside the period stands")
    {
        CHECK(observedClass(RiskClass::Doubtful, day("2026-09-01"), period) == RiskClass::Doubtful);
    }
    SECTION("before the restructuring and from the period's end the class by days past due stands")
    {
        CHECK(observedClass(RiskClass::Normal, day("2026-02-28"), period) == RiskClass::Normal);
        CHECK(observedClass(RiskClass::Normal, day("2027-03-01"), period) == RiskClass::Normal);
    }
}
