# `cpack` in a build tree makes runbench_<version>_<arch>.deb of what
# `cmake --install` lays out, for /usr. The libraries Runbench links come from
# dpkg-shlibdeps; Qt's plugins it loads at run time (the SQLite driver, the
# SVG icon engine) and the Python the runs use are named here, for the Qt
# major of this build.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME runbench)
set(CPACK_PACKAGE_VENDOR "The Runbench developers")
set(CPACK_PACKAGE_CONTACT "The Runbench developers <runbench@users.noreply.github.com>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Workbench for tracked data-science runs")
set(CPACK_PACKAGE_DESCRIPTION
    "Runbench runs data-science scripts and keeps, for every run, its arguments, the metrics it logs, its \
console output, the files it writes and a snapshot of the project's code. A dashboard charts every metric \
across runs; details, comparison and restore of a run's code, sweeps, Slurm clusters and PostgreSQL \
histories come with it, and a command line reads the same history.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE https://github.com/runbench/runbench)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
if(QT_MAJOR_VERSION EQUAL 5)
    set(_runbench_qt_plugins "libqt5sql5-sqlite")
    set(_runbench_qt_recommends "libqt5sql5-psql")
else()
    set(_runbench_qt_plugins "libqt6sql6-sqlite, qt6-qpa-plugins")
    set(_runbench_qt_recommends "libqt6sql6-psql")
endif()
set(CPACK_DEBIAN_PACKAGE_DEPENDS "${_runbench_qt_plugins}, python3")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "${_runbench_qt_recommends}, git, fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "slurm-client, python3-numpy")
include(CPack)
