// devos_policy_codegen <rules-dir> <output.cpp>: parses rules/catalog.yml, layers.yml and purity.yml
// (with the same validation a repo config gets) and writes them as C++ data defining
// Policy::defaults(). A broken rule file fails the build here, naming the file and line.
#include <devos/engine/policy.hpp>
#include <devos/foundation/files.hpp>
#include <filesystem>
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
        auto text = devos::foundation::readTextFile((rules / names[i]).string(), "the rule file");
        if (!text) {
            std::cerr << text.error().render() << "\n";
            return 1;
        }
        texts[i] = std::move(*text);
    }
    auto policy = devos::engine::Policy::fromYaml(texts[0], texts[1], texts[2]);
    if (!policy) {
        std::cerr << policy.error().render() << "\n";
        return 1;
    }
    if (auto written = devos::foundation::writeFileAtomically(argv[2], devos::engine::policyAsCpp(*policy),
                                                              {.what = "the generated policy"});
        !written) {
        std::cerr << written.error().render() << "\n";
        return 1;
    }
    return 0;
}
