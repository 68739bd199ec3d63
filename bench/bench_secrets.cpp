// The secret scan's throughput: the shipped rules (keyword prefilter, then RE2) over generated
// repository files, ordinary code with the corpus's secrets and decoys among it, as `devos scan
// secrets` reads them (one find() per file).
#include "secret_corpus.hpp"

#include <benchmark/benchmark.h>
#include <devos/policy/secret_rules.hpp>

namespace {

// Ordinary C++ with the words the generic rule's keywords prefilter on (token, password, secret).
std::string ordinaryCode(int n) {
    return "// Parses the " + std::to_string(n) +
           "th token of a request and checks the password policy.\n"
           "std::expected<Order, Error> parse" +
           std::to_string(n) +
           "(std::string_view token, const Policy& p) {\n"
           "    if (token.empty() || token.size() > p.maxTokenLength)\n"
           "        return fail(\"bad token\", \"secret store unavailable\");\n"
           "    auto order = decode(token, p.password_min_length);\n"
           "    return order.value_or(Order{.id = " +
           std::to_string(n * 31) + "});\n}\n\n";
}

std::vector<std::string> repoFiles() {
    std::vector<std::string> files;
    int n = 0;
    for (const auto& c : devos::policy::corpus::secretCorpus(7, 4)) {
        std::string file;
        for (int i = 0; i < 12; ++i)
            file += ordinaryCode(n++);
        files.push_back(file + c.text);
    }
    return files;
}

void scanFiles(benchmark::State& state) {
    auto rules = std::move(*devos::policy::compileSecretRules(devos::policy::SecretUse::Scan));
    const auto files = repoFiles();
    std::int64_t bytes = 0;
    for (const auto& file : files)
        bytes += static_cast<std::int64_t>(file.size());
    for (auto _ : state)
        for (const auto& file : files)
            benchmark::DoNotOptimize(rules.find(file, "src/orders.cpp"));
    state.SetBytesProcessed(state.iterations() * bytes);
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(files.size()));
}
BENCHMARK(scanFiles)->Unit(benchmark::kMillisecond);

// Compiling the shipped rules: what every `devos scan` and every redactor pays once at start.
void compileRules(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(devos::policy::compileSecretRules(devos::policy::SecretUse::Redact));
}
BENCHMARK(compileRules)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
