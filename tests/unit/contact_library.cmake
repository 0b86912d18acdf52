# The template library, the SMS outbox and tomorrow's reminders (issue 10): the domain's defaults and checks
# without a database; the repositories, the supervisors' use cases and the outbox on real encrypted databases.
add_executable(doorstep_contact_library_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_template_library.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_template_repository.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_template_service.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_sms_outbox.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/appointment_branch.h)
target_include_directories(doorstep_contact_library_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(doorstep_contact_library_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_contact_library_tests unit)
