# Warnings as a private interface target, never exported.
add_library(hakit_warnings INTERFACE)
add_library(hakit::warnings ALIAS hakit_warnings)
target_compile_options(hakit_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Wnon-virtual-dtor
  -Wold-style-cast -Wcast-align -Wunused -Woverloaded-virtual -Wnull-dereference
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough)
if(HAKIT_WERROR)
  target_compile_options(hakit_warnings INTERFACE -Werror)
endif()
