# Screening in the database (issue 4): the repository, and the use cases on top — rule-set versions, runs after
# import and recompute, the visit queue with role scoping, decisions and assignment. Real encrypted databases
# from tests/support, small synthetic and hand-built data.
add_executable(doorstep_screening_app_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_screening_repository.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_screening_service.cpp)
target_link_libraries(doorstep_screening_app_tests PRIVATE
  doorstep_app doorstep_test_support doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_screening_app_tests unit)
