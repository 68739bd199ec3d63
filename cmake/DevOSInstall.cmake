# Packaging: `cmake --install` gives a relocatable prefix with bin/devos, lib/devos/libDevOSPlugin.so
# and lib/cmake/DevOS/{DevOSConfig,DevOSConfigVersion,DevOSTargets,DevOS}.cmake; the build tree gets
# the same config so a consumer can point DevOS_DIR at it without installing.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)
set(DEVOS_CMAKE_INSTALL_DIR "${CMAKE_INSTALL_LIBDIR}/cmake/DevOS")

install(TARGETS devos EXPORT DevOSTargets RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
if(DEVOS_WITH_PLUGIN)
  set_target_properties(DevOSPlugin PROPERTIES EXPORT_NAME plugin)
  install(TARGETS DevOSPlugin EXPORT DevOSTargets LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}/devos")
endif()
install(EXPORT DevOSTargets NAMESPACE DevOS:: DESTINATION "${DEVOS_CMAKE_INSTALL_DIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/rules/" DESTINATION "${CMAKE_INSTALL_DATADIR}/devos/rules")

write_basic_package_version_file("${PROJECT_BINARY_DIR}/DevOSConfigVersion.cmake"
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMajorVersion)
configure_package_config_file(cmake/DevOSConfig.cmake.in "${PROJECT_BINARY_DIR}/install/DevOSConfig.cmake"
  INSTALL_DESTINATION "${DEVOS_CMAKE_INSTALL_DIR}")
install(FILES "${PROJECT_BINARY_DIR}/install/DevOSConfig.cmake" "${PROJECT_BINARY_DIR}/DevOSConfigVersion.cmake"
              cmake/DevOS.cmake cmake/DevOSDependencyProvider.cmake
        DESTINATION "${DEVOS_CMAKE_INSTALL_DIR}")

# The build tree as a package: DevOS_DIR=<build>.
export(EXPORT DevOSTargets NAMESPACE DevOS:: FILE "${PROJECT_BINARY_DIR}/DevOSTargets.cmake")
configure_package_config_file(cmake/DevOSConfig.cmake.in "${PROJECT_BINARY_DIR}/DevOSConfig.cmake"
  INSTALL_DESTINATION "${PROJECT_BINARY_DIR}" INSTALL_PREFIX "${PROJECT_BINARY_DIR}")
configure_file(cmake/DevOS.cmake "${PROJECT_BINARY_DIR}/DevOS.cmake" COPYONLY)
configure_file(cmake/DevOSDependencyProvider.cmake "${PROJECT_BINARY_DIR}/DevOSDependencyProvider.cmake" COPYONLY)
