# Fails when a zh_CN translation breaks the typography of ../shared/brief/GLOSSARY.md or lets English through:
#  - an ASCII , : ; ( ) ? ! next to a Chinese character or full-width punctuation mark, or one space away
#    from it ("时间 (UTC)"): Chinese text takes ，：；（）？！. Accelerators "(&X)", file filters "(*.db)" and
#    the filter separator ";;" are exempt; a form label "用户名(&U)：" is checked as "用户名：".
#  - brackets that mix widths: "（…)" or "(…）".
#  - a translation without any Chinese character whose source is an English sentence (two words or more)
#    while the translation still holds English words: the English would reach the Chinese interface.
#    Translations of placeholders, numbers and codes only ("%1", "M0", "PDF", "UTF-8") are allowed.
# Every numerus form is checked on its own.
# Run: cmake -DTS_FILE=<path to a .ts file> -P check_chinese_typography.cmake
if(NOT TS_FILE)
  message(FATAL_ERROR "TS_FILE is not set")
endif()
file(READ "${TS_FILE}" text)

# UTF-8 byte classes (CMake's regular expressions work on bytes): a CJK ideograph U+4E00–U+9FFF starts
# with E4–E9; full-width punctuation is U+3000–U+303F (E3 80 xx) or U+FF00–U+FF5F (EF BC xx, EF BD xx).
string(ASCII 128 b80)
string(ASCII 191 bbf)
string(ASCII 227 be3)
string(ASCII 228 be4)
string(ASCII 233 be9)
string(ASCII 239 bef)
string(ASCII 188 bbc)
string(ASCII 189 bbd)
set(cont "[${b80}-${bbf}]")
set(han "[${be4}-${be9}]${cont}${cont}")
set(wide_punct "(${be3}${b80}${cont}|${bef}[${bbc}${bbd}]${cont})")
string(ASCII 136 b88)
string(ASCII 137 b89)
set(wide_open "${bef}${bbc}${b88}")   # （
set(wide_close "${bef}${bbc}${b89}")  # ）
set(ascii_punct "[,:;()?!]")

# The entities a text may hold, decoded (only < and > stay encoded, as &lt@SC@ and &gt@SC@).
string(REPLACE "&amp;" "&" text "${text}")
string(REPLACE "&apos;" "'" text "${text}")
string(REPLACE "&quot;" "\"" text "${text}")
# A ';' or a bracket would split or group the CMake lists the messages go into.
string(REPLACE ";" "@SC@" text "${text}")
string(REPLACE "[" "@LB@" text "${text}")
string(REPLACE "]" "@RB@" text "${text}")
string(REPLACE "</message>" "</message>;" messages "${text}")

set(problems "")
set(count 0)
foreach(entry IN LISTS messages)
  if(NOT entry MATCHES "<source>([^<]*)</source>")
    continue()
  endif()
  set(source "${CMAKE_MATCH_1}")
  if(NOT entry MATCHES "<translation[^>]*>(.*)</translation>")
    continue()
  endif()
  set(translation "${CMAKE_MATCH_1}")
  # One entry per numerus form, or the translation itself.
  set(forms "")
  if(translation MATCHES "<numerusform>")
    string(REGEX MATCHALL "<numerusform>[^<]*</numerusform>" tagged "${translation}")
    foreach(form IN LISTS tagged)
      string(REGEX REPLACE "</?numerusform>" "" form "${form}")
      list(APPEND forms "${form}")
    endforeach()
  else()
    list(APPEND forms "${translation}")
  endif()

  foreach(form IN LISTS forms)
    set(shown "${form}")
    set(shown_source "${source}")
    foreach(var shown shown_source)
      string(REPLACE "@SC@" ";" ${var} "${${var}}")
      string(REPLACE "@LB@" "[" ${var} "${${var}}")
      string(REPLACE "@RB@" "]" ${var} "${${var}}")
      string(REPLACE "\n" "\\n" ${var} "${${var}}")
    endforeach()

    # The exempt ASCII: accelerators, file filters and their separator.
    set(plain "${form}")
    string(REGEX REPLACE "\\(&[^)]\\)" "" plain "${plain}")
    string(REGEX REPLACE "\\(\\*[^)]*\\)" "" plain "${plain}")
    string(REPLACE "@SC@@SC@" "" plain "${plain}")
    # Encoded < and > (rich-text tags around a value) are not punctuation.
    string(REGEX REPLACE "&[a-z]+@SC@" "~" plain "${plain}")
    string(REPLACE "@SC@" ";" plain "${plain}")

    if(plain MATCHES "(${han}|${wide_punct}) ?${ascii_punct}|${ascii_punct} ?(${han}|${wide_punct})")
      string(APPEND problems "  ASCII punctuation beside Chinese: \"${shown}\" (source \"${shown_source}\")\n")
      math(EXPR count "${count} + 1")
    elseif(plain MATCHES "${wide_open}[^()]*\\)|\\([^()]*${wide_close}")
      string(APPEND problems "  brackets of two widths: \"${shown}\" (source \"${shown_source}\")\n")
      math(EXPR count "${count} + 1")
    endif()

    # A date or time pattern for QDate::toString ("yyyy-MM-dd") is not English.
    if(NOT plain MATCHES "${han}" AND NOT source MATCHES "^[yMdHhms:/. -]+$")
      # Placeholders (%1, %n, %L1), accelerators' & and encoded < > are not words.
      string(REGEX REPLACE "&[a-z]+@SC@|%L?[0-9n]+|&" " " source_words "${source}")
      string(REGEX MATCHALL "[A-Za-z][A-Za-z]+" words "${source_words}")
      list(LENGTH words word_count)
      string(REGEX REPLACE "&[a-z]+;|%L?[0-9n]+" " " english "${plain}")
      if(word_count GREATER 1 AND english MATCHES "[a-z]")
        string(APPEND problems "  English reaches the Chinese interface: \"${shown}\" (source \"${shown_source}\")\n")
        math(EXPR count "${count} + 1")
      endif()
    endif()
  endforeach()
endforeach()

if(count GREATER 0)
  message(FATAL_ERROR "Chinese typography: ${count} problems in ${TS_FILE}\n${problems}")
endif()
message(STATUS "Chinese typography of ${TS_FILE}: no problems")
