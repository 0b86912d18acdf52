#include "domain/portfolio.h"

#include <array>
#include <utility>

namespace doorstep {
namespace {

template <typename E, std::size_t N>
std::optional<E> lookup(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view name)
{
    for (const auto& [value, text] : table) {
        if (text == name) return value;
    }
    return std::nullopt;
}

template <typename E, std::size_t N>
std::string_view nameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value)
{
    for (const auto& [v, text] : table) {
        if (v == value) return text;
    }
    return {};
}

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

std::string_view productName(Product p) { return nameOf(kProducts, p); }
std::optional<Product> parseProduct(std::string_view name) { return lookup(kProducts, name); }
std::string_view repaymentMethodName(RepaymentMethod m) { return nameOf(kMethods, m); }
std::optional<RepaymentMethod> parseRepaymentMethod(std::string_view name) { return lookup(kMethods, name); }
std::string_view relationName(Relation r) { return nameOf(kRelations, r); }
std::optional<Relation> parseRelation(std::string_view name) { return lookup(kRelations, name); }

}  // namespace doorstep
