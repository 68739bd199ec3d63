#include "mcp/tool_arguments.hpp"

#include <gtest/gtest.h>

namespace devos::mcp {
namespace {

using nlohmann::json;

const json kSchema = json::parse(R"j({"type":"object","required":["gate"],"properties":{
    "gate":{"type":"string","enum":["fast","full"]},
    "k":{"type":"integer","minimum":1,"maximum":50},
    "paths":{"type":"array","maxItems":2,"items":{"type":"string","maxLength":5}},
    "open":{"type":"object","properties":{"a":{"type":"integer"}}},
    "closed":{"type":"object","additionalProperties":false,"properties":{"a":{"type":"integer"}}}}})j");

TEST(ToolArguments, ConformingArgumentsPass) {
    EXPECT_EQ(argumentProblem(kSchema, {{"gate", "fast"}, {"k", 3}, {"paths", {"a", "b"}}}), std::nullopt);
}

TEST(ToolArguments, EachProblemNamesTheArgumentAndWhatIsAllowed) {
    auto problem = [&](const json& args) { return argumentProblem(kSchema, args).value_or("<none>"); };
    EXPECT_EQ(problem(json::object()), "missing required argument `gate`");
    EXPECT_EQ(problem({{"gate", "slow"}}), "argument `gate` must be one of: fast, full (got \"slow\")");
    EXPECT_EQ(problem({{"gate", 1}}), "argument `gate` must be string (got integer 1)");
    EXPECT_EQ(problem({{"gate", "fast"}, {"k", 0}}), "argument `k` must be at least 1 (got 0)");
    EXPECT_EQ(problem({{"gate", "fast"}, {"k", 2.5}}), "argument `k` must be integer (got number 2.5)");
    EXPECT_EQ(problem({{"gate", "fast"}, {"paths", {"a", "b", "c"}}}),
              "argument `paths` takes at most 2 items (got 3)");
    EXPECT_EQ(problem({{"gate", "fast"}, {"paths", {"toolong"}}}),
              "argument `paths[0]` must not be longer than 5 characters (got 7)");
    EXPECT_EQ(problem({{"gate", "fast"}, {"force", true}}),
              "unknown argument `force` (this tool takes: closed, gate, k, open, paths)");
    EXPECT_EQ(problem({{"gate", "fast"}, {"open", {{"b", 1}}}}), "<none>");
    EXPECT_EQ(problem({{"gate", "fast"}, {"closed", {{"b", 1}}}}),
              "unknown argument `closed.b` (this tool takes: a)");
    EXPECT_EQ(problem(json::array()), "the arguments must be object (got array [])");
}

} // namespace
} // namespace devos::mcp
