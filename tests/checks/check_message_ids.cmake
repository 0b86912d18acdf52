# cmake -DSOURCE_DIR=<repo> -P check_message_ids.cmake
# Fails on a message for people written as an English sentence instead of a message id (issue 7, item 2):
# fail(ErrorCode::X, "A sentence."), fail(code, fmt::format(...)), fail(code, "…" + …) or Error{code, "…"}.
# People read every error and import problem by its id, in their language (domain/messages/message_catalogue.h).
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<repository root>")
endif()

set(violations "")
file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR} LIST_DIRECTORIES false ${SOURCE_DIR}/src/*.h ${SOURCE_DIR}/src/*.cpp)
foreach(file IN LISTS files)
  file(READ ${SOURCE_DIR}/${file} code)
  # Joined lines: a call may wrap after the code. A ';' would split the CMake list the matches go into.
  string(REGEX REPLACE "\n[ \t]*" " " code "${code}")
  string(REPLACE ";" "@SEMICOLON@" code "${code}")
  # The second argument of fail(...) — after a first one that may hold one pair of parentheses — is a string.
  string(REGEX MATCHALL "fail\\([^,()@]+(\\([^()]*\\))?[^,()@]*, *(\"|fmt::format|std::string)[^@]*"
         old_fail "${code}")
  string(REGEX MATCHALL "Error *\\{ *ErrorCode::[A-Za-z]+, *(\"|fmt::format)[^@]*" old_error "${code}")
  foreach(hit IN LISTS old_fail old_error)
    string(SUBSTRING "${hit}" 0 100 hit)
    list(APPEND violations "old-form message: ${file}: ${hit}")
  endforeach()
endforeach()

if(violations)
  list(LENGTH violations count)
  list(JOIN violations "\n" text)
  message(FATAL_ERROR "${text}\n${count} old-form messages; write fail(code, MessageId{\"feature.what\"}, "
                      "{MessageArg…}) with a catalogue row instead")
endif()
message(STATUS "messages: every one by id")
