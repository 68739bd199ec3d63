#include <devos/contracts/telemetry_event.hpp>

namespace devos::contracts {

const char* sourceName(EventSource s) {
    switch (s) {
    case EventSource::Ci:
        return "ci";
    case EventSource::Runtime:
        return "runtime";
    case EventSource::Agent:
        return "agent";
    case EventSource::User:
        return "user";
    }
    return "runtime";
}

const char* kindName(EventKind k) {
    switch (k) {
    case EventKind::Error:
        return "error";
    case EventKind::Warn:
        return "warn";
    case EventKind::Info:
        return "info";
    }
    return "info";
}

bool parseSource(const std::string& name, EventSource& out) {
    for (EventSource s : {EventSource::Ci, EventSource::Runtime, EventSource::Agent, EventSource::User})
        if (name == sourceName(s)) {
            out = s;
            return true;
        }
    return false;
}

bool parseKind(const std::string& name, EventKind& out) {
    for (EventKind k : {EventKind::Error, EventKind::Warn, EventKind::Info})
        if (name == kindName(k)) {
            out = k;
            return true;
        }
    return false;
}

} // namespace devos::contracts
