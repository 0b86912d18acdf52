#pragma once
// An extract problem in the user's language: "loans.csv 第 3 行,interest_rate 列:'abc' 不是百分比利率".
// The reader speaks English; the fixed parts of its sentences are translated here, and a sentence
// with no translation is shown as the reader wrote it.
#include "io/extract_reader.h"

#include <QString>

namespace doorstep::gui {

QString importProblemText(const io::ExtractProblem& problem);

}  // namespace doorstep::gui
