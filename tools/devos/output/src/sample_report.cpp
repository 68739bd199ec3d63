#include "sample_report.hpp"

#include <stdexcept>

namespace devos::output::samples {

std::string sampleRepoRoot() {
    return DEVOS_OUTPUT_TESTDATA "/repo";
}

const engine::Policy& shippedPolicy() {
    static const engine::Policy policy = [] {
        auto loaded = engine::Policy::defaults();
        if (!loaded)
            throw std::runtime_error(loaded.error().render());
        return *std::move(loaded);
    }();
    return policy;
}

Report sampleReport() {
    using engine::Level;
    Report report;
    report.catalog = &shippedPolicy().catalog;
    report.repoRoot = sampleRepoRoot();
    report.automationId = "devos/check/";
    report.toolNotifications = {"dropped flag -fno-canonical-system-headers from compile_commands.json for "
                                "src/logic/pricing.cpp"};

    engine::Finding include{
        .ruleId = "layer.include",
        .level = Level::Error,
        .at = {"src/logic/pricing.cpp", 3, 1},
        .end = {"src/logic/pricing.cpp", 3, 27},
        .message = "logic/ may not include adapters/db.hpp (layer adapters)",
        .subject = "adapters/db.hpp",
        .instead = "Depend on an interface in ports/ and inject the adapter from entrypoints/.",
        .notes = {},
        .fixes = {{{"src/logic/pricing.cpp", 3, 1}, {"src/logic/pricing.cpp", 4, 1}, ""}}};
    engine::Finding clock{.ruleId = "purity.clock",
                          .level = Level::Error,
                          .at = {"src/logic/pricing.cpp", 9, 12},
                          .end = {"src/logic/pricing.cpp", 9, 42},
                          .message =
                              "logic function 'stamped' reads the clock: std::chrono::system_clock::now",
                          .subject = "stamped -> std::chrono::system_clock::now",
                          .instead = "Inject a Clock port and pass the time in.",
                          .notes = {},
                          .fixes = {}};
    engine::Finding env{.ruleId = "purity.env",
                        .level = Level::Error,
                        .at = {"src/logic/pricing.cpp", 13, 24},
                        .end = {"src/logic/pricing.cpp", 13, 35},
                        .message = "logic function 'discounted' reads the environment: getenv",
                        .subject = "discounted -> getenv",
                        .instead = "Read configuration in an adapter and pass the value in.",
                        .notes = {},
                        .fixes = {},
                        .baselined = true};
    engine::Finding transitive{
        .ruleId = "purity.transitive",
        .level = Level::Error,
        .at = {"src/logic/pricing.cpp", 18, 12},
        .end = {"src/logic/pricing.cpp", 18, 33},
        .message = "logic function 'fromAdapter' reaches an effect: fromAdapter() -> current_epoch_seconds() "
                   "-> std::time [purity.clock]",
        .subject = "fromAdapter",
        .instead = "Inject a Clock port and pass the time in.",
        .notes = {{{"src/adapters/stamp_impl.cpp", 3, 6}, "current_epoch_seconds() is defined in adapters/"},
                  {{"src/adapters/stamp_impl.cpp", 4, 30}, "std::time reads the clock [purity.clock]"}},
        .fixes = {}};
    engine::Finding logicCall{
        .ruleId = "layer.logic-call",
        .level = Level::Warning,
        .at = {"src/entrypoints/main.cpp", 4, 12},
        .end = {"src/entrypoints/main.cpp", 4, 22},
        .message = "entrypoint 'main' calls logic function 'discounted' directly",
        .subject = "main -> discounted",
        .instead = "Call a service that uses the logic function.",
        .notes = {{{"src/logic/pricing.cpp", 12, 6}, "'discounted' is declared in logic/"}},
        .fixes = {}};
    report.findings = {include, clock, env, transitive, logicCall};
    engine::sortAndDeduplicate(report.findings);
    return report;
}

} // namespace devos::output::samples
