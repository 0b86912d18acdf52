# cmake -DSOURCE_DIR=<repo> -P check_layers.cmake
# Fails when a core layer includes a Qt header or a Qt layer includes SQLite/SQLCipher (ARCHITECTURE.md).
if(NOT SOURCE_DIR)
  message(FATAL_ERROR "pass -DSOURCE_DIR=<repository root>")
endif()

set(violations "")

# check(<layers> <regex> <why>): every C++ file under src/<layer> for each layer, line by line.
function(check layers regex why)
  foreach(layer IN LISTS layers)
    file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR} LIST_DIRECTORIES false
         ${SOURCE_DIR}/src/${layer}/*.h ${SOURCE_DIR}/src/${layer}/*.hpp
         ${SOURCE_DIR}/src/${layer}/*.cpp ${SOURCE_DIR}/src/${layer}/*.cc)
    foreach(file IN LISTS files)
      file(STRINGS ${SOURCE_DIR}/${file} hits REGEX "${regex}")
      foreach(hit IN LISTS hits)
        string(STRIP "${hit}" hit)
        list(APPEND violations "layer violation: ${file}: ${hit}  (${why})")
      endforeach()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

# <QString>, <QtCore/QObject>, "QFile" …: Qt headers all start with Q.
check("domain;storage;io;app;cli" "^[ \t]*#[ \t]*include[ \t]*[<\"]Q"
      "the core layers use no Qt")
check("gui;report" "^[ \t]*#[ \t]*include[ \t]*[<\"][^>\"]*(sqlite3\\.h|sqlcipher)"
      "only storage/ speaks SQL")
# SQL statements are prepared and run in storage/ only (repositories speak domain types).
check("domain;io;app;cli;gui;report" "(\\.|->)(prepare|execute)\\("
      "all SQL lives in storage/")

if(violations)
  list(JOIN violations "\n" text)
  message(FATAL_ERROR "${text}")
endif()
message(STATUS "layer includes: no violations")
