# Domain rules of the portfolio: money, dates, rates, delinquency and classification. Pure C++, no database.
add_executable(doorstep_domain_portfolio_tests
  test_delinquency.cpp test_classification.cpp test_money.cpp test_calendar.cpp test_rate.cpp)
target_link_libraries(doorstep_domain_portfolio_tests PRIVATE doorstep_domain doorstep_common Catch2::Catch2WithMain)
# The prefix is the target's name so that `ctest -R doorstep_domain_portfolio_tests` selects these tests.
doorstep_catch_tests(doorstep_domain_portfolio_tests doorstep_domain_portfolio_tests)
