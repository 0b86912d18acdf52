# Repayment plans (issue 12): the calculators, the comparison, the proposal's workflow and adherence.
# Pure C++, no database.
add_executable(doorstep_plan_tests
  test_plan_schedule.cpp test_plan_comparison.cpp test_plan_proposal_state.cpp test_plan_authority.cpp
  test_plan_adherence.cpp)
target_link_libraries(doorstep_plan_tests PRIVATE doorstep_domain doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_plan_tests unit)

# doorstep-cli plan, run as a separate process (no database, no login).
add_executable(doorstep_plan_cli_tests test_plan_command.cpp)
target_compile_definitions(doorstep_plan_cli_tests PRIVATE DOORSTEP_CLI_PATH="$<TARGET_FILE:doorstep-cli>")
target_link_libraries(doorstep_plan_cli_tests PRIVATE doorstep_test_support doorstep_common Catch2::Catch2WithMain)
add_dependencies(doorstep_plan_cli_tests doorstep-cli)
doorstep_catch_tests(doorstep_plan_cli_tests cli)
