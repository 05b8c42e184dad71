# The Debian packages (CPack DEB), one per install component (docs/operations.md, "Installing the
# packages"). Included at the end of the top-level CMakeLists.txt so that every install() of the
# project is known: a component added anywhere becomes its own package without more work here.
#   station  -> wardwatch                 the nurse station (window), its desktop file and icon
#   server   -> wardwatch-server          headless station, positioning engine, systemd units, account
#   tools    -> wardwatch-tools           wardsim, wardctl
#   X        -> wardwatch-X (_ as -), or the name in ww_package_name_X below
get_cmake_property(ww_components COMPONENTS)
if("Unspecified" IN_LIST ww_components)
  message(FATAL_ERROR "An install() rule has no COMPONENT: every installed file belongs to a package "
                      "(station, server, tools or a new component; cmake/Packaging.cmake)")
endif()

set(ww_package_name_station wardwatch)
set(ww_package_name_qtpositioning wardwatch-qt-positioning)

set(ww_package_summary_station "WardWatch nurse station")
set(ww_package_details_station "The dashboard of a hospital ward for the nurse station: alarms, census, floor\nplan, trends, devices and the ward's environment.")
set(ww_package_summary_server "WardWatch server: headless station and positioning engine")
set(ww_package_details_server "The headless station (alarms, alarm log, escalation) and the positioning engine\nas systemd services, run as the account wardwatch, configured in /etc/wardwatch.")
set(ww_package_summary_tools "WardWatch tools: ward simulator and wardctl")
set(ww_package_details_tools "wardsim simulates a ward's devices; wardctl checks alarm logs, keys, sites and\nrecords offline.")
set(ww_package_summary_qtpositioning "WardWatch Qt Positioning plugin")
set(ww_package_details_qtpositioning "A tag's position from the WardWatch engines as QGeoPositionInfo for any Qt or\nQML application.")

# Loaded as a plugin, so not found by shlibdeps: the SQLite driver of every program that opens an
# alarm log or a record (the stations write them, wardctl reads them, wardsim writes climate history).
set(ww_package_depends_station libqt6sql6-sqlite)
set(ww_package_depends_server libqt6sql6-sqlite)
set(ww_package_depends_tools libqt6sql6-sqlite)

# The server's maintainer scripts: the account (systemd-sysusers) and /etc/wardwatch.
set(ww_package_control_server ${PROJECT_SOURCE_DIR}/installer/debian/server/postinst
    ${PROJECT_SOURCE_DIR}/installer/debian/server/prerm ${PROJECT_SOURCE_DIR}/installer/debian/server/postrm)

foreach(component IN LISTS ww_components)
  string(TOUPPER ${component} upper)
  if(DEFINED ww_package_name_${component})
    set(name ${ww_package_name_${component}})
  else()
    string(TOLOWER "wardwatch-${component}" name)
    string(REPLACE "_" "-" name ${name})
  endif()
  set(CPACK_DEBIAN_${upper}_PACKAGE_NAME ${name})
  if(NOT DEFINED ww_package_summary_${component})
    set(ww_package_summary_${component} "WardWatch: ${component}")
    set(ww_package_details_${component} "The ${component} part of WardWatch.")
  endif()
  # A Debian description: the summary on the first line, the details after it.
  set(CPACK_COMPONENT_${upper}_DESCRIPTION "${ww_package_summary_${component}}\n${ww_package_details_${component}}")
  if(DEFINED ww_package_depends_${component})
    set(CPACK_DEBIAN_${upper}_PACKAGE_DEPENDS ${ww_package_depends_${component}})
  endif()
  if(DEFINED ww_package_control_${component})
    set(CPACK_DEBIAN_${upper}_PACKAGE_CONTROL_EXTRA "${ww_package_control_${component}}")
  endif()
endforeach()

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_PACKAGE_NAME wardwatch)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "WardWatch")
set(CPACK_PACKAGE_CONTACT "WardWatch engineering <engineering@wardwatch.invalid>")
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
# The build is RelWithDebInfo: the packages carry the programs without their debug information.
set(CPACK_STRIP_FILES ON)
include(CPack)
