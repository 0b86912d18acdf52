# The loan ledger's packed format (storage/loan_ledger.h): round trips and damaged blobs.
# Test names start with "ledger" so `ctest -R ledger` selects them.
add_executable(doorstep_ledger_tests test_loan_ledger.cpp)
target_link_libraries(doorstep_ledger_tests PRIVATE doorstep_storage doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_ledger_tests unit)
