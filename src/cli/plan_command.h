#pragma once
// doorstep-cli plan: a repayment-plan schedule from the calculators (docs/repayment-plans.md). Pure
// arithmetic: no database, no login.
#include <map>
#include <string>
#include <vector>

namespace doorstep::cli {

// `options` are the --name value pairs, `words` the command ("plan") and its operands. Prints the
// schedule to stdout (CSV or JSON, amounts in fen) and a one-line summary to stderr; returns the exit
// status: 0, or 2 with a sentence on stderr when an argument is wrong.
int runPlanCommand(const std::map<std::string, std::string>& options, const std::vector<std::string>& words);

}  // namespace doorstep::cli
