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

# DevOS::runtime: a static library, its public headers, and its own export set, so a consumer that
# does not ask for it never needs its dependencies (DevOSConfig.cmake loads it as a component).
set(DEVOS_RUNTIME_EXPORTED OFF)
set(DEVOS_RUNTIME_WITH_POSTGRES OFF)
set(DEVOS_RUNTIME_WITH_CUDA OFF)
if(TARGET devos_runtime)
  set(DEVOS_RUNTIME_EXPORTED ON)
  get_target_property(devos_runtime_links devos_runtime LINK_LIBRARIES)
  if("PostgreSQL::PostgreSQL" IN_LIST devos_runtime_links)
    set(DEVOS_RUNTIME_WITH_POSTGRES ON)
  endif()
  if("CUDA::cublas" IN_LIST devos_runtime_links)
    set(DEVOS_RUNTIME_WITH_CUDA ON)
  endif()
  # DevOS::foundation (Error, text, files): the runtime's headers include it, so it travels with them.
  install(TARGETS devos_runtime devos_foundation EXPORT DevOSRuntimeTargets ARCHIVE DESTINATION "${CMAKE_INSTALL_LIBDIR}")
  if(TARGET devos_cuda_index) # the GPU index, opened by the runtime at run time (see runtime/CMakeLists.txt)
    install(TARGETS devos_cuda_index LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}")
  endif()
  install(DIRECTORY "${PROJECT_SOURCE_DIR}/runtime/include/" "${PROJECT_SOURCE_DIR}/foundation/include/"
          DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
  install(EXPORT DevOSRuntimeTargets NAMESPACE DevOS:: DESTINATION "${DEVOS_CMAKE_INSTALL_DIR}")
  export(EXPORT DevOSRuntimeTargets NAMESPACE DevOS:: FILE "${PROJECT_BINARY_DIR}/DevOSRuntimeTargets.cmake")
endif()
install(DIRECTORY "${PROJECT_SOURCE_DIR}/rules/" DESTINATION "${CMAKE_INSTALL_DATADIR}/devos/rules")
# Grafana dashboards and provisioning over the PostgreSQL telemetry store (README: Dashboards).
install(DIRECTORY "${PROJECT_SOURCE_DIR}/dashboards/grafana/" DESTINATION "${CMAKE_INSTALL_DATADIR}/devos/grafana")

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
