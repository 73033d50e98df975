# address+undefined for the whole build when HAKIT_SANITIZE is on (the asan preset).
add_library(hakit_sanitizers INTERFACE)
add_library(hakit::sanitizers ALIAS hakit_sanitizers)
if(HAKIT_SANITIZE)
  target_compile_options(hakit_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
  target_link_options(hakit_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
