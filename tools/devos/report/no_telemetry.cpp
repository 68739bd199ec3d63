// readTelemetry in a devos built without the runtime: there is no store to read.
#include "report/report_telemetry.hpp"

#include <cstdlib>

namespace devos::report {

foundation::Expected<TelemetrySummary> readTelemetry(const TelemetrySource& source) {
    if (const char* url = std::getenv("DEVOS_DATABASE_URL"); source.db || (url != nullptr && *url != '\0'))
        return foundation::fail(
            foundation::ErrorKind::Invalid,
            "this devos was built without the telemetry runtime, so it cannot read a store", "", 0,
            "build DevOS with DEVOS_WITH_RUNTIME=ON, or drop --db and DEVOS_DATABASE_URL");
    TelemetrySummary t;
    t.clustersNote = "similar-incident clusters need a devos built with the telemetry runtime "
                     "(DEVOS_WITH_RUNTIME=ON)";
    return t;
}

} // namespace devos::report
