#pragma once
// An extract problem in the interface's language, by its message id with the file, line, column and values
// as arguments: "loans.csv 第 3 行，interest_rate 列：'abc' 不是百分比形式的利率（如 4.35）".
#include "io/portfolio/extract_reader.h"

#include <QString>

namespace doorstep::gui {

QString importProblemText(const io::ExtractProblem& problem);

}  // namespace doorstep::gui
