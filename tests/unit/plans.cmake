# Repayment plans (issue 12): the calculators, the comparison, the proposal's workflow and adherence.
# Pure C++, no database.
add_executable(doorstep_plan_tests
  test_plan_schedule.cpp)
target_link_libraries(doorstep_plan_tests PRIVATE doorstep_domain doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_plan_tests unit)
