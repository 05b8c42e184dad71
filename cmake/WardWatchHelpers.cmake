# ww_add_library(NAME SOURCES... LINK...) : a static library of ours with the shared warning set
# and precompiled Qt headers (two cores: PCH pays for itself).
function(ww_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC;PRIVATE" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC} PRIVATE ww_warnings ${ARG_PRIVATE})
  target_precompile_headers(${name} PRIVATE <QtCore/QtCore>)
endfunction()

# ww_add_test(NAME SOURCES... LINK... [LABELS ...] [TIMEOUT s] [FIXTURES ...])
# Every test runs offscreen, in C locale and UTC, with its own temporary HOME so that
# QStandardPaths never touches the user's files.
function(ww_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;LINK;LABELS;FIXTURES;ARGS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ww_warnings ${ARG_LINK})
  target_compile_definitions(${name} PRIVATE WW_SHARED_DATA="${PROJECT_SOURCE_DIR}/../shared/data"
                             WW_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_test(NAME ${name} COMMAND ${name} ${ARG_ARGS})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 60)
  endif()
  set(home ${CMAKE_CURRENT_BINARY_DIR}/home/${name})
  file(MAKE_DIRECTORY ${home})
  file(CHMOD ${home} DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE)
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT} LABELS "${ARG_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;TZ=UTC;LC_ALL=C;HOME=${home};XDG_RUNTIME_DIR=${home}")
  if(ARG_FIXTURES)
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${ARG_FIXTURES}")
  endif()
endfunction()
