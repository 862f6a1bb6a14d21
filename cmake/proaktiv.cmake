# proaktiv_library(NAME SOURCES ... DEPS ...): one static library per subsystem, include root src/.
function(proaktiv_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
endfunction()

# proaktiv_test(NAME SOURCES ... DEPS ...): a GoogleTest binary whose cases CTest lists one by one.
# Tests find the shared data folder through PROAKTIV_SHARED_DIR and the repo through
# PROAKTIV_SOURCE_DIR.
function(proaktiv_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_compile_definitions(${name} PRIVATE
    PROAKTIV_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    PROAKTIV_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
endfunction()

# proaktiv_embed(OUT_VAR HEADER h NAMESPACE ns ENTRIES kName=path ...): generates a source file
# that defines each kName (declared in HEADER) as the text of the file at path (relative to the
# project root), rebuilt when a file changes. Sets OUT_VAR to the generated file.
function(proaktiv_embed out_var)
  cmake_parse_arguments(ARG "" "HEADER;NAMESPACE" "ENTRIES" ${ARGN})
  string(MAKE_C_IDENTIFIER "${ARG_HEADER}" stem)
  set(output ${CMAKE_CURRENT_BINARY_DIR}/${stem}_embedded.cc)
  set(entries "")
  set(depends "")
  foreach(entry IN LISTS ARG_ENTRIES)
    string(REPLACE "=" ";" pair "${entry}")
    list(GET pair 0 name)
    list(GET pair 1 path)
    list(APPEND entries "${name}=${PROJECT_SOURCE_DIR}/${path}")
    list(APPEND depends ${PROJECT_SOURCE_DIR}/${path})
  endforeach()
  string(REPLACE ";" "|" entries_arg "${entries}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DHEADER=${ARG_HEADER}
            -DNAMESPACE=${ARG_NAMESPACE} "-DENTRIES=${entries_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${depends} ${PROJECT_SOURCE_DIR}/cmake/embed_files.cmake
    VERBATIM)
  set(${out_var} ${output} PARENT_SCOPE)
endfunction()

# proaktiv_fuzz_target(NAME SOURCE LIBRARY): a libFuzzer executable over LIBRARY, made only with
# -DPROAKTIV_FUZZ=ON and clang (scripts/fuzz.sh builds and runs every one). LIBRARY is compiled
# with the fuzzer's coverage and AddressSanitizer; the target links the fuzzer, ASan and UBSan.
function(proaktiv_fuzz_target name source library)
  if(NOT PROAKTIV_FUZZ OR NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    return()
  endif()
  target_compile_options(${library} PRIVATE -fsanitize=fuzzer-no-link,address
                                            -fno-omit-frame-pointer)
  add_executable(${name} ${source})
  target_compile_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_options(${name} PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(${name} PRIVATE ${library})
endfunction()
