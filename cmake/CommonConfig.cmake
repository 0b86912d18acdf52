# One place for the warnings and defines every Doorstep target shares.
add_library(doorstep_common INTERFACE)
target_compile_options(doorstep_common INTERFACE
  -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Wshadow
  -Wcast-align -Wformat=2 -Wimplicit-fallthrough)
# Not -Wnull-dereference: with GCC 12 at -O2 it fires inside libstdc++ (istreambuf_iterator) on correct code.
if(DOORSTEP_WERROR)
  target_compile_options(doorstep_common INTERFACE -Werror)
endif()
target_compile_definitions(doorstep_common INTERFACE
  QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_CONTEXTLESS_CONNECT QT_USE_QSTRINGBUILDER QT_NO_KEYWORDS
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  DOORSTEP_VERSION="${PROJECT_VERSION}")
if(DOORSTEP_SANITIZE)
  target_compile_options(doorstep_common INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(doorstep_common INTERFACE -fsanitize=address,undefined)
endif()
