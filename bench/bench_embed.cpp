// Hashing embedder throughput on generated test-failure messages (~90 bytes, C++ identifiers, paths,
// addresses), the texts it embeds in practice; and its grouping quality against exact-duplicate
// grouping (raw text, and pattern_id) on a generated corpus with injected noise.
#include <benchmark/benchmark.h>
#include <devos/adapters/cpu_vector_index.hpp>
#include <devos/logic/hashing_embedder.hpp>
#include <devos/logic/incident_text.hpp>
#include <devos/logic/pattern_id.hpp>
#include <map>
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

// 120 failure patterns (6 kinds x 20 functions, so most patterns have near neighbours that share a
// kind or a function) x 5 variants. Every variant gets fresh addresses, numbers, line numbers, temp
// paths and uuids (noise the pattern_id normalizer removes); with `wordNoise`, half of them also get
// a host name and a request id glued to identifiers (noise it keeps).
struct Sample {
    std::string text;
    int pattern;
};

std::vector<Sample> groupingCorpus(bool wordNoise) {
    const std::vector<std::string> kinds{
        "SEGV on unknown address 0x{a} in", "assertion failed: expected {n} but got {n} in",
        "timeout after {n} ms waiting for", "unexpected exception std::runtime_error: connection reset in",
        "null dereference of 0x{a} in",     "heap-use-after-free on address 0x{a} in"};
    const std::vector<std::string> functions{
        "OrderRepo::save",         "OrderRepo::load",      "OrderRepo::remove",   "PaymentGateway::refundAll",
        "PaymentGateway::charge",  "CacheShard::evictLRU", "CacheShard::insert",  "JsonWriter::writeEscaped",
        "JsonReader::parseNumber", "HttpClient::retry",    "HttpClient::connect", "Scheduler::tick",
        "Scheduler::cancel",       "Inventory::reserve",   "Inventory::release",  "Ledger::post",
        "Ledger::reconcile",       "Auth::verifyToken",    "Auth::refresh",       "Mailer::send"};
    std::mt19937 rng(11);
    const auto hex = [&](int digits) {
        std::string out;
        for (int i = 0; i < digits; ++i)
            out += "0123456789abcdef"[rng() % 16];
        return out;
    };
    const auto fill = [&](std::string text) {
        for (std::size_t at; (at = text.find("{a}")) != std::string::npos;)
            text.replace(at, 3, hex(12));
        for (std::size_t at; (at = text.find("{n}")) != std::string::npos;)
            text.replace(at, 3, std::to_string(rng() % 5000));
        return text;
    };
    std::vector<Sample> out;
    for (std::size_t k = 0; k < kinds.size(); ++k)
        for (std::size_t f = 0; f < functions.size(); ++f)
            for (int v = 0; v < 5; ++v) {
                const auto& fn = functions[f];
                std::string file = fn.substr(0, fn.find(':'));
                std::string text = fill(kinds[k]) + " " + fn + " at /tmp/build-" + hex(6) + "/src/" + file +
                                   ".cpp:" + std::to_string(rng() % 900) + " (run " + hex(8) + "-" + hex(4) +
                                   "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12) + ", attempt " +
                                   std::to_string(rng() % 9) + ")";
                if (wordNoise && v % 2 == 1)
                    text += " on worker" + hex(4) + " request_id=req" + hex(10);
                out.push_back({std::move(text), static_cast<int>(k * functions.size() + f)});
            }
    return out;
}

// Top-1 of each sample among the others: by exact key equality (the first other sample with the same
// key, none when it has no duplicate), or by cosine >= 0.7 of the hashing embedder's vectors.
enum class Grouping { RawText, PatternId, EmbedRaw, EmbedIncidentText };

std::vector<int> topOne(const std::vector<Sample>& corpus, Grouping how) {
    std::vector<int> best(corpus.size(), -1);
    if (how == Grouping::RawText || how == Grouping::PatternId) {
        std::map<std::string, std::vector<int>> groups;
        for (std::size_t i = 0; i < corpus.size(); ++i)
            groups[how == Grouping::RawText ? corpus[i].text
                                            : devos::logic::computePatternId(corpus[i].text, "", {})]
                .push_back(static_cast<int>(i));
        for (const auto& [key, members] : groups)
            for (const int i : members)
                for (const int j : members)
                    if (j != i && best[i] < 0)
                        best[i] = j;
        return best;
    }
    std::vector<std::string> texts;
    for (const auto& s : corpus)
        texts.push_back(how == Grouping::EmbedRaw ? s.text : devos::logic::incidentText(s.text, ""));
    const auto vectors = devos::logic::HashingEmbedder{}.embed(texts);
    const std::string model(devos::logic::HashingEmbedder::kModel);
    std::vector<float> rows;
    std::vector<std::uint64_t> ids;
    for (std::size_t i = 0; i < vectors->size(); ++i) {
        rows.insert(rows.end(), (*vectors)[i].values.begin(), (*vectors)[i].values.end());
        ids.push_back(i);
    }
    const std::size_t dims = devos::logic::HashingEmbedder::kDims;
    devos::adapters::CpuVectorIndex index(dims, model);
    (void)index.add(ids, {model, dims, rows});
    const auto hits = index.search({model, dims, rows}, 2, 0.7F);
    for (std::size_t i = 0; i < corpus.size(); ++i)
        for (const auto& hit : (*hits)[i])
            if (hit.id != i && best[i] < 0)
                best[i] = static_cast<int>(hit.id);
    return best;
}

// Precision: answered top-1s of the same pattern; recall: samples whose top-1 is of their pattern
// (every sample has four siblings).
void groupingQuality(benchmark::State& state) {
    const auto corpus = groupingCorpus(state.range(1) != 0);
    std::vector<int> best;
    for (auto _ : state)
        best = topOne(corpus, static_cast<Grouping>(state.range(0)));
    double answered = 0;
    double right = 0;
    for (std::size_t i = 0; i < corpus.size(); ++i) {
        answered += best[i] >= 0 ? 1 : 0;
        right += best[i] >= 0 && corpus[best[i]].pattern == corpus[i].pattern ? 1 : 0;
    }
    state.counters["precision"] = answered > 0 ? right / answered : 1.0;
    state.counters["recall"] = right / static_cast<double>(corpus.size());
    state.counters["samples"] = static_cast<double>(corpus.size());
}
BENCHMARK(groupingQuality)
    ->ArgNames({"method", "wordNoise"})
    ->ArgsProduct({{0, 1, 2, 3}, {0, 1}})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
