// The depfile escaping against the reader that matters: Ninja itself. A build edge copies a depfile
// writeDepfile wrote; `ninja -t deps` lists the paths Ninja parsed from it.
#include <cstdio>
#include <devos/foundation/depfile.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
#include <gtest/gtest.h>
#include <memory>

using namespace devos::foundation;
namespace fs = std::filesystem;

namespace {

std::string run(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(::popen(command.c_str(), "r"), ::pclose);
    std::string out;
    char buffer[4096];
    while (pipe && std::fgets(buffer, sizeof buffer, pipe.get()))
        out += buffer;
    return out;
}

} // namespace

TEST(DepfileNinja, NinjaReadsBackEveryPathAsWritten) {
    fs::path dir = fs::path(testing::TempDir()) / "devos-depfile-ninja";
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::vector<std::string> inputs = {
        "/src/plain.cpp",       "/src/my dir/a b.cpp",  "/src/cost$1.hpp",        "/src/issue#7.hpp",
        "/src/back\\slash.hpp", "/src/odd\\ space.hpp", "/src/two\\\\ spaces.hpp"};
    ASSERT_TRUE(writeDepfile((dir / "prepared.d").string(), "out", inputs));
    ASSERT_TRUE(writeFileAtomically((dir / "build.ninja").string(),
                                    "rule copy\n"
                                    "  command = cp prepared.d out.d && touch out\n"
                                    "  depfile = out.d\n"
                                    "  deps = gcc\n"
                                    "build out: copy\n"));
    std::string built = run(std::string(DEVOS_NINJA) + " -C " + dir.string() + " out 2>&1");
    ASSERT_TRUE(fs::exists(dir / "out")) << built;
    std::string deps = run(std::string(DEVOS_NINJA) + " -C " + dir.string() + " -t deps out 2>&1");
    for (const auto& input : inputs)
        EXPECT_NE(deps.find("    " + input + "\n"), std::string::npos) << input << " not in:\n" << deps;
}
