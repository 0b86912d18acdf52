# Messages by id, the workflow pattern and the visit queue's state machine (issue 7). Pure C++, no database.
add_executable(doorstep_workflow_tests test_message.cpp test_message_catalogue.cpp test_visit_queue_state.cpp)
target_compile_definitions(doorstep_workflow_tests PRIVATE DOORSTEP_SOURCE_DIR="${PROJECT_SOURCE_DIR}/src")
target_link_libraries(doorstep_workflow_tests PRIVATE doorstep_domain doorstep_common Catch2::Catch2WithMain)
doorstep_catch_tests(doorstep_workflow_tests unit)
