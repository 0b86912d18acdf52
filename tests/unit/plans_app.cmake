# Repayment-plan proposals in the database (issue 12): the repository, the settings and the use cases with
# their moves by role, and adherence after imports and recomputes. Real encrypted databases from tests/support.
add_executable(doorstep_plan_app_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_plan_repository.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_plan_settings.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_plan_service.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_plan_export.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_demo_plans.cpp)
target_link_libraries(doorstep_plan_app_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_plan_app_tests unit)

# doorstep-cli plans, run as a separate process on a branch made by the test.
add_executable(doorstep_plans_cli_tests test_plans_command.cpp)
target_compile_definitions(doorstep_plans_cli_tests PRIVATE DOORSTEP_CLI_PATH="$<TARGET_FILE:doorstep-cli>")
target_link_libraries(doorstep_plans_cli_tests PRIVATE doorstep_app doorstep_test_support doorstep_common
                      Catch2::Catch2WithMain)
add_dependencies(doorstep_plans_cli_tests doorstep-cli)
doorstep_catch_tests(doorstep_plans_cli_tests cli)
