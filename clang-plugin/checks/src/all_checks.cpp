#include <devos/checks/adapter_include_check.hpp>
#include <devos/checks/all_checks.hpp>
#include <devos/checks/denied_effect_check.hpp>
#include <devos/checks/denied_header_check.hpp>
#include <devos/checks/entrypoint_logic_call_check.hpp>
#include <devos/checks/impure_call_check.hpp>
#include <devos/checks/inline_asm_check.hpp>
#include <devos/checks/layer_include_check.hpp>
#include <devos/checks/layer_symbol_check.hpp>
#include <devos/checks/main_location_check.hpp>
#include <devos/checks/mock_internal_check.hpp>
#include <devos/checks/mutable_state_check.hpp>
#include <devos/checks/port_interface_check.hpp>
#include <devos/checks/throw_check.hpp>
#include <devos/checks/unassigned_file_check.hpp>
#include <devos/checks/volatile_check.hpp>

namespace devos::checks {

std::vector<std::unique_ptr<RuleCheck>> makeAllChecks(CheckContext& context) {
    std::vector<std::unique_ptr<RuleCheck>> checks;
#define DEVOS_CHECK(Name) checks.push_back(std::make_unique<Name>(context));
#include <devos/checks/checks.inc>
#undef DEVOS_CHECK
    return checks;
}

} // namespace devos::checks
