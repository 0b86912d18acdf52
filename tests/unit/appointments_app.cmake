# Contact and appointments in the database (issue 10): the settings, the contact log through the contact-rule
# guard, booking and the appointment moves by role, and their effect on screening. Real encrypted databases
# with a small synthetic extract.
add_executable(doorstep_appointments_app_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_appointment_settings.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_contact_service.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_appointment_service.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_demo_activity.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/appointment_branch.h)
target_include_directories(doorstep_appointments_app_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(doorstep_appointments_app_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_appointments_app_tests unit)

# The CLI's contacts, appointments and calendar export as a separate process; the .ics read back by Python's
# icalendar (Debian python3-icalendar, run with /usr/bin/python3).
add_executable(doorstep_appointment_cli_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_appointment_commands.cpp ${CMAKE_CURRENT_SOURCE_DIR}/appointment_branch.h)
target_include_directories(doorstep_appointment_cli_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_definitions(doorstep_appointment_cli_tests PRIVATE
  DOORSTEP_CLI_PATH="$<TARGET_FILE:doorstep-cli>" READ_ICS_SCRIPT="${CMAKE_CURRENT_SOURCE_DIR}/read_ics.py")
target_link_libraries(doorstep_appointment_cli_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
add_dependencies(doorstep_appointment_cli_tests doorstep-cli)
doorstep_catch_tests(doorstep_appointment_cli_tests cli)
