# The portfolio in the database: the extract writer, stored delinquency and its history, the list and
# case queries, settings, and the use cases on top (import, recompute, officers' views). Real encrypted
# databases from tests/support, small synthetic and hand-written extracts.
add_executable(doorstep_portfolio_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_portfolio_writer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_loan_status_repository.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_portfolio_query.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_settings_repository.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_portfolio_import.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_portfolio_service.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_portfolio_listing.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_delinquency_service.cpp)
target_link_libraries(doorstep_portfolio_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_portfolio_tests unit)
