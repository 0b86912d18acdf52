# Visit notes and their review (issue 11): the note's content and workflow, and promise tracking. Pure C++.
add_executable(doorstep_visit_tests test_visit_note.cpp test_promise_tracking.cpp)
target_link_libraries(doorstep_visit_tests PRIVATE doorstep_domain doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_visit_tests unit)

# The repository and the use cases on real encrypted databases from tests/support.
add_executable(doorstep_visit_app_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_visit_note_repository.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_visit_note_service.cpp)
target_link_libraries(doorstep_visit_app_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_visit_app_tests unit)

# doorstep-cli visits and report visit, run as separate processes on a branch made by the test.
add_executable(doorstep_visits_cli_tests test_visits_command.cpp)
target_compile_definitions(doorstep_visits_cli_tests PRIVATE DOORSTEP_CLI_PATH="$<TARGET_FILE:doorstep-cli>")
target_link_libraries(doorstep_visits_cli_tests PRIVATE doorstep_app doorstep_test_support doorstep_common
                      Catch2::Catch2WithMain)
add_dependencies(doorstep_visits_cli_tests doorstep-cli)
doorstep_catch_tests(doorstep_visits_cli_tests cli)

# The visit report rendered with QtGui (offscreen).
add_executable(doorstep_visit_report_tests test_visit_report.cpp)
target_link_libraries(doorstep_visit_report_tests PRIVATE doorstep_app doorstep_report doorstep_test_support
                      doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_visit_report_tests unit)
