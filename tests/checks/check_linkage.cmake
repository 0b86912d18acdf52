# cmake -DBINARY=<file> -DFORBIDDEN=<lib;…> -DREQUIRED=<lib;…> -P check_linkage.cmake
# Looks at the shared libraries the dynamic loader would bring in (ldd, so indirect ones count too).
execute_process(COMMAND ldd ${BINARY} OUTPUT_VARIABLE libraries ERROR_VARIABLE errors RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "ldd ${BINARY} failed: ${errors}")
endif()
foreach(lib IN LISTS FORBIDDEN)
  if(libraries MATCHES "[ \t/]${lib}[.-]")
    # The library comes first: CMake wraps long messages, and a test matches these words.
    message(FATAL_ERROR "${lib} is linked in, and must not be: ${BINARY}\n${libraries}")
  endif()
endforeach()
foreach(lib IN LISTS REQUIRED)
  if(NOT libraries MATCHES "[ \t/]${lib}[.-]")
    message(FATAL_ERROR "${lib} is not linked in, and must be: ${BINARY}\n${libraries}")
  endif()
endforeach()
message(STATUS "${BINARY}: linkage as required")
