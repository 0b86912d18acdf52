#pragma once
// Demo repayment-plan proposals (issue 12), one or more in every state, for the demo branch database: made
// through the real use cases by the demo officers and supervisor, so the history and the audit trail are
// as real use would leave them. For the demo only; `demo activity` (or the integrator) calls it after the
// demo portfolio is imported.
#include "domain/messages/error.h"

#include <filesystem>

namespace doorstep::app {

// The number of proposals made. Needs the demo accounts (branch_setup.h) and an imported portfolio.
Result<int> makeDemoPlanProposals(const std::filesystem::path& databasePath);

}  // namespace doorstep::app
