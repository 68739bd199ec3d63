// devos_policy_codegen <rules-dir> <output.cpp>: parses rules/catalog.yml, layers.yml and purity.yml
// (with the same validation a repo config gets) and writes them as C++ data defining
// Policy::defaults(). A broken rule file fails the build here, naming the file and line.
#include <devos/engine/policy.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace {

bool readFile(const std::filesystem::path& path, std::string& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return false;
    std::stringstream text;
    text << in.rdbuf();
    out = text.str();
    return true;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: devos_policy_codegen <rules-dir> <output.cpp>\n";
        return 2;
    }
    const std::filesystem::path rules = argv[1];
    std::string catalog, layers, purity;
    for (auto [name, text] : {std::pair{"catalog.yml", &catalog}, {"layers.yml", &layers}, {"purity.yml", &purity}})
        if (!readFile(rules / name, *text)) {
            std::cerr << (rules / name).string() << ": error: cannot read the rule file\n";
            return 1;
        }
    auto policy = devos::engine::Policy::fromYaml(catalog, layers, purity);
    if (!policy) {
        std::cerr << policy.error().render() << "\n";
        return 1;
    }
    const std::string source = devos::engine::policyAsCpp(*policy);
    const std::string temp = std::string(argv[2]) + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out << source;
        if (!out.flush()) {
            std::cerr << temp << ": error: cannot write the generated policy\n";
            return 1;
        }
    }
    std::filesystem::rename(temp, argv[2]);
    return 0;
}
