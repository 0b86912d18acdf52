# Fails when a translation file has an unfinished or empty entry, or when a sentence the core can
# return (fail(ErrorCode::..., "A whole sentence.")) is missing from the GUI's table of translatable
# errors. Texts starting in lower case are fragments that import problems are composed of; texts
# built at run time are not sentences a person sees on their own.
# Run: cmake -DSOURCE_DIR=<repo> -P check_translations.cmake
set(problems "")
file(GLOB ts_files "${SOURCE_DIR}/resources/translations/*.ts")
list(LENGTH ts_files ts_count)
if(ts_count LESS 2)
  string(APPEND problems "expected the zh_CN and en translation files\n")
endif()
foreach(ts IN LISTS ts_files)
  file(READ "${ts}" text)
  string(REGEX MATCHALL "<translation type=\"unfinished\"" unfinished "${text}")
  string(REGEX MATCHALL "<translation */>" empty "${text}")
  list(LENGTH unfinished n_unfinished)
  list(LENGTH empty n_empty)
  if(n_unfinished GREATER 0 OR n_empty GREATER 0)
    string(APPEND problems "${ts}: ${n_unfinished} unfinished and ${n_empty} empty translations\n")
  endif()
endforeach()

file(READ "${SOURCE_DIR}/src/gui/error_text.cpp" table)
file(GLOB_RECURSE core_sources "${SOURCE_DIR}/src/domain/*.cpp" "${SOURCE_DIR}/src/storage/*.cpp"
     "${SOURCE_DIR}/src/io/*.cpp" "${SOURCE_DIR}/src/app/*.cpp")
foreach(source IN LISTS core_sources)
  file(READ "${source}" code)
  # Joined lines: a call may wrap after the code.
  string(REGEX REPLACE "\n[ \t]*" " " code "${code}")
  # A ';' would split the CMake list the matches go into.
  string(REPLACE ";" "@SEMICOLON@" code "${code}")
  string(REGEX MATCHALL "fail\\(ErrorCode::(InvalidInput|Conflict|AlreadyExists|NotFound|PermissionDenied|WrongCredentials|AccountDisabled|Throttled|SchemaTooNew|FileMissing), \"[A-Z][^\"]+\"\\)" calls "${code}")
  foreach(call IN LISTS calls)
    string(REGEX REPLACE "^[^\"]*\"(.*)\"\\)$" "\\1" message "${call}")
    string(REPLACE "@SEMICOLON@" ";" message "${message}")
    string(FIND "${table}" "\"${message}\"" found)
    if(found EQUAL -1)
      string(APPEND problems "${source}: \"${message}\" is not in src/gui/error_text.cpp\n")
    endif()
  endforeach()
endforeach()

# Every audited action and record kind has words in the audit trail's table (src/gui/audit_table_model.cpp).
file(READ "${SOURCE_DIR}/src/gui/audit_table_model.cpp" audit_table)
file(GLOB app_sources "${SOURCE_DIR}/src/app/*.cpp")
foreach(source IN LISTS app_sources)
  file(READ "${source}" code)
  string(REGEX MATCHALL "audit\\(\"[a-z_]+\\.[a-z_]+\", \"[a-z_]+\"" calls "${code}")
  foreach(call IN LISTS calls)
    string(REGEX REPLACE "^audit\\(\"([a-z_.]+)\", \"([a-z_]+)\"$" "\\1;\\2" parts "${call}")
    foreach(code_name IN LISTS parts)
      string(FIND "${audit_table}" "QStringLiteral(\"${code_name}\")" found)
      if(found EQUAL -1)
        string(APPEND problems "${source}: audit code \"${code_name}\" has no text in src/gui/audit_table_model.cpp\n")
      endif()
    endforeach()
  endforeach()
endforeach()

if(problems)
  message(FATAL_ERROR "Translation check failed:\n${problems}")
endif()
message(STATUS "translations complete")
