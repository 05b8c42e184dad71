# Fails when TS_FILE's source strings or contexts differ from what lupdate finds in the sources now.
# "-I ." lets lupdate read the headers, so a class in namespace ww gets the context tr() uses at run
# time ("ww::MainWindow"); without it the contexts were "MainWindow" and nothing was translated.
set(fresh ${WORK_DIR}/fresh.ts)
file(MAKE_DIRECTORY ${WORK_DIR})
file(REMOVE ${fresh})
execute_process(COMMAND ${LUPDATE} -silent -locations none -I . app ui models core records alarms transport domain -ts ${fresh}
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc})")
endif()
file(STRINGS ${fresh} now REGEX "<source>|<name>")
file(STRINGS ${TS_FILE} committed REGEX "<source>|<name>")
list(SORT now)
list(SORT committed)
if(NOT now STREQUAL committed)
  message(FATAL_ERROR "${TS_FILE} is stale: run\n  lupdate -locations none -I . -no-obsolete app ui models core records alarms transport domain -ts translations/wardwatch_de.ts translations/wardwatch_zh_CN.ts\nand translate the new strings.")
endif()
message(STATUS "translations up to date")
