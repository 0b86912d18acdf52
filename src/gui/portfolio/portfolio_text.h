#pragma once
// People's words for the portfolio's stable codes (product, five-category class, relation, method).
#include <QString>
#include <cstdint>
#include <string>
#include <string_view>

namespace doorstep::gui {

QString productText(std::string_view code);    // "consumer" → 消费贷款
QString riskClassText(std::string_view code);  // "substandard" → 次级
QString relationText(std::string_view code);   // "guarantor" → 担保人
QString methodText(std::string_view code);     // "equal_instalment" → 等额本息
QString moneyText(std::int64_t fen);           // ¥82,300.00
// A loan no later extract held (DOMAIN.md section 3), with the date of the last one that did ("" unknown).
QString leftBookText(const std::string& lastExtract);

}  // namespace doorstep::gui
