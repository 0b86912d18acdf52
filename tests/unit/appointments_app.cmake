# Contact and appointments in the database (issue 10): the settings, the contact log through the contact-rule
# guard, booking and the appointment moves by role, and their effect on screening. Real encrypted databases
# with a small synthetic extract.
add_executable(doorstep_appointments_app_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_appointment_settings.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_contact_service.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_appointment_service.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/appointment_branch.h)
target_include_directories(doorstep_appointments_app_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_link_libraries(doorstep_appointments_app_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_appointments_app_tests unit)
