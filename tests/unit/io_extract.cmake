# Reading the core-banking extract: resident ID numbers and masking (domain), text encodings, the
# streaming CSV reader and the extract reader with every rule of docs/data-formats.md (io).
add_executable(doorstep_io_extract_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/test_resident_id.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_masking.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_text_encoding.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_csv_reader.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_extract_reader.cpp)
target_link_libraries(doorstep_io_extract_tests PRIVATE
  doorstep_io doorstep_domain doorstep_test_support doorstep_common Catch2::Catch2WithMain)
# The prefix is the target's name so that `ctest -R doorstep_io_extract_tests` selects these tests.
doorstep_catch_tests(doorstep_io_extract_tests doorstep_io_extract_tests)
