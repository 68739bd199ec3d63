#include "check/unknown_flags.hpp"

#include <clang/Driver/Options.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <set>

namespace devos::check {

FilteredCommand dropUnknownFlags(const std::vector<std::string>& arguments) {
    FilteredCommand out;
    if (arguments.empty())
        return out;
    std::vector<const char*> argv;
    for (size_t i = 1; i < arguments.size(); ++i)
        argv.push_back(arguments[i].c_str());
    unsigned missingIndex = 0, missingCount = 0;
    const llvm::opt::OptTable& table = clang::driver::getDriverOptTable();
    llvm::opt::InputArgList parsed = table.ParseArgs(argv, missingIndex, missingCount);
    std::set<std::string> unknown;
    for (const llvm::opt::Arg* arg : parsed.filtered(clang::driver::options::OPT_UNKNOWN))
        unknown.insert(arg->getAsString(parsed));
    out.arguments.push_back(arguments[0]);
    for (size_t i = 1; i < arguments.size(); ++i) {
        if (unknown.contains(arguments[i]))
            out.dropped.push_back(arguments[i]);
        else
            out.arguments.push_back(arguments[i]);
    }
    return out;
}

} // namespace devos::check
