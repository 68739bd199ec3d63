#pragma once
// The Grafana dashboards and provisioning files of dashboards/grafana, compiled in at build time
// (cmake/EmbedDashboards.cmake), for `devos init --dashboards DIR`.
#include "init/init_templates.hpp"

#include <vector>

namespace devos::init {

// Every file, path relative to dashboards/grafana ('/' separators), sorted by path.
[[nodiscard]] const std::vector<ScaffoldFile>& grafanaFiles();

} // namespace devos::init
