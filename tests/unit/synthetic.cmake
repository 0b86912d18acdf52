# The repayment schedule calculator and the synthetic extract it feeds: RFC 4180 writing, made-up
# borrowers and loans, byte-identical output for a seed.
add_executable(doorstep_synthetic_tests
  test_amortization.cpp test_csv_writer.cpp test_synthetic_extract.cpp)
target_link_libraries(doorstep_synthetic_tests PRIVATE
  doorstep_io doorstep_domain doorstep_test_support doorstep_common Catch2::Catch2WithMain)
# The prefix is the target's name so that `ctest -R doorstep_synthetic_tests` selects these tests.
doorstep_catch_tests(doorstep_synthetic_tests doorstep_synthetic_tests)
