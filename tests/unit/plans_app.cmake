# Repayment-plan proposals in the database (issue 12): the repository, the settings and the use cases with
# their moves by role, and adherence after imports and recomputes. Real encrypted databases from tests/support.
add_executable(doorstep_plan_app_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_plan_repository.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_plan_settings.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_plan_service.cpp)
target_link_libraries(doorstep_plan_app_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_plan_app_tests unit)
