# Contact and appointments in the domain (issue 10): the contact-rule guard, message templates and the tone
# check, the appointment workflow, booking checks, the travel model and the day plan. Pure C++, no database.
add_executable(doorstep_appointment_tests
  test_clock_time.cpp test_travel.cpp test_contact_rules.cpp test_tone_check.cpp test_message_template.cpp
  test_appointment.cpp test_booking_checks.cpp test_day_plan.cpp day_plan_instances.h)
target_link_libraries(doorstep_appointment_tests PRIVATE doorstep_domain doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_appointment_tests unit)
