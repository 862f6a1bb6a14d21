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
