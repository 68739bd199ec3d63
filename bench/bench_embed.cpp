// Hashing embedder throughput on generated test-failure messages (~90 bytes, C++ identifiers, paths,
// addresses), the texts it embeds in practice.
#include <benchmark/benchmark.h>
#include <devos/logic/hashing_embedder.hpp>
#include <random>

namespace {

std::vector<std::string> failureMessages(std::size_t count) {
    const std::vector<std::string> kinds{"segfault in", "assertion failed in", "timeout waiting for",
                                         "unexpected exception std::runtime_error in", "null dereference in"};
    const std::vector<std::string> symbols{"OrderRepo::save", "PaymentGateway::refundAll",
                                           "http_client_retry", "CacheShard::evictLRU",
                                           "JsonWriter::writeEscaped"};
    std::mt19937 rng(7);
    std::vector<std::string> out;
    for (std::size_t i = 0; i < count; ++i) {
        const auto& symbol = symbols[rng() % symbols.size()];
        out.push_back(kinds[rng() % kinds.size()] + " " + symbol + " at 0x" + std::to_string(rng()) +
                      " (src/" + symbol.substr(0, symbol.find(':')) + ".cpp:" + std::to_string(rng() % 900) +
                      ")");
    }
    return out;
}

void hashingEmbed(benchmark::State& state) {
    const auto texts = failureMessages(1024);
    const devos::logic::HashingEmbedder embedder;
    std::size_t bytes = 0;
    for (const auto& t : texts) {
        bytes += t.size();
    }
    for (auto _ : state) {
        auto vectors = embedder.embed(texts);
        benchmark::DoNotOptimize(vectors);
    }
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(texts.size()));
    state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(bytes));
}
BENCHMARK(hashingEmbed)->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
