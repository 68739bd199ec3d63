// devos_policy_codegen <rules-dir> <output.cpp>: parses rules/catalog.yml, layers.yml and purity.yml
// (with the same validation a repo config gets) and writes them as C++ data defining
// Policy::defaults(). A broken rule file fails the build here, naming the file and line.
#include <devos/engine/policy.hpp>
#include <devos/engine/text_file.hpp>
#include <filesystem>
#include <fstream>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: devos_policy_codegen <rules-dir> <output.cpp>\n";
        return 2;
    }
    const std::filesystem::path rules = argv[1];
    std::string texts[3];
    const char* names[3] = {"catalog.yml", "layers.yml", "purity.yml"};
    for (int i = 0; i < 3; ++i) {
        auto text = devos::engine::readTextFile((rules / names[i]).string());
        if (!text) {
            std::cerr << (rules / names[i]).string() << ": error: cannot read the rule file\n";
            return 1;
        }
        texts[i] = std::move(*text);
    }
    auto policy = devos::engine::Policy::fromYaml(texts[0], texts[1], texts[2]);
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
