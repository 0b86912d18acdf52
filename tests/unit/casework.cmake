# The case window's figures (issue 8): the timeline's assembly (pure) and the case overview on a real database.
add_executable(doorstep_casework_tests test_case_timeline.cpp)
target_link_libraries(doorstep_casework_tests PRIVATE doorstep_domain doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_casework_tests unit)

add_executable(doorstep_casework_app_tests test_case_overview.cpp ${CMAKE_CURRENT_SOURCE_DIR}/appointment_branch.h)
target_include_directories(doorstep_casework_app_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(doorstep_casework_app_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_casework_app_tests unit)
