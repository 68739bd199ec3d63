#include "cli/exit_code.hpp"

#include <cstdio>

namespace devos::cli {

int exitCodeOf(const foundation::Error& error, Stage stage) {
    return stage == Stage::Setup ? kUsage : foundation::exitCodeOf(error.kind);
}

int stopOn(std::string_view command, const foundation::Error& error, Stage stage) {
    std::fprintf(stderr, "devos %.*s: %s\n", static_cast<int>(command.size()), command.data(),
                 error.render().c_str());
    return exitCodeOf(error, stage);
}

int usageError(std::string_view command, std::string_view message) {
    std::fprintf(stderr, "devos %.*s: %.*s\n", static_cast<int>(command.size()), command.data(),
                 static_cast<int>(message.size()), message.data());
    return kUsage;
}

} // namespace devos::cli
