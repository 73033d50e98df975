# ctest -R clang_format: fails when a C++ file differs from what .clang-format makes of it.
# Usage: cmake -DCLANG_FORMAT=... -DSOURCE_DIR=... -P CheckFormat.cmake
file(GLOB_RECURSE sources
  "${SOURCE_DIR}/grammar/*.cpp" "${SOURCE_DIR}/grammar/*.hpp"
  "${SOURCE_DIR}/compiler/*.cpp" "${SOURCE_DIR}/compiler/*.hpp"
  "${SOURCE_DIR}/lint/*.cpp" "${SOURCE_DIR}/lint/*.hpp"
  "${SOURCE_DIR}/runtime/*.cpp" "${SOURCE_DIR}/runtime/*.hpp"
  "${SOURCE_DIR}/tests/*.cpp" "${SOURCE_DIR}/tests/*.hpp")
list(SORT sources)
execute_process(
  COMMAND "${CLANG_FORMAT}" --dry-run --Werror ${sources}
  RESULT_VARIABLE result
  ERROR_VARIABLE complaints)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${complaints}\nRun: clang-format -i <the files above>")
endif()
list(LENGTH sources count)
message(STATUS "${count} files formatted as .clang-format says")
