#include "domain/portfolio/portfolio.h"

#include "domain/shared/code_table.h"

#include <array>
#include <utility>

namespace doorstep {
namespace {

constexpr std::array<std::pair<Product, std::string_view>, 4> kProducts{{{Product::Mortgage, "mortgage"},
                                                                         {Product::Consumer, "consumer"},
                                                                         {Product::Business, "business"},
                                                                         {Product::CreditCard, "credit_card"}}};
constexpr std::array<std::pair<RepaymentMethod, std::string_view>, 3> kMethods{
    {{RepaymentMethod::EqualInstalment, "equal_instalment"},
     {RepaymentMethod::EqualPrincipal, "equal_principal"},
     {RepaymentMethod::InterestOnlyBullet, "interest_only_bullet"}}};
constexpr std::array<std::pair<Relation, std::string_view>, 5> kRelations{{{Relation::Guarantor, "guarantor"},
                                                                           {Relation::Spouse, "spouse"},
                                                                           {Relation::Relative, "relative"},
                                                                           {Relation::Employer, "employer"},
                                                                           {Relation::Other, "other"}}};

}  // namespace

std::string_view productName(Product p)
{
    return codeOf(kProducts, p);
}
std::optional<Product> parseProduct(std::string_view name)
{
    return codeLookup(kProducts, name);
}
std::string_view repaymentMethodName(RepaymentMethod m)
{
    return codeOf(kMethods, m);
}
std::optional<RepaymentMethod> parseRepaymentMethod(std::string_view name)
{
    return codeLookup(kMethods, name);
}
std::string_view relationName(Relation r)
{
    return codeOf(kRelations, r);
}
std::optional<Relation> parseRelation(std::string_view name)
{
    return codeLookup(kRelations, name);
}

}  // namespace doorstep
