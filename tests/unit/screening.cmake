# Screening rules, contact facts and case assignment (issue 4). Pure C++, no database.
# Test names start with "screen", "contact_facts" or "assign" so `ctest -R 'screen|contact_facts|assign'` selects them.
add_executable(doorstep_screening_tests test_screening.cpp test_contact_facts.cpp test_assignment.cpp)
target_link_libraries(doorstep_screening_tests PRIVATE doorstep_domain doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_screening_tests unit)
