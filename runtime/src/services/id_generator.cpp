#include <devos/logic/ulid.hpp>
#include <devos/services/id_generator.hpp>

namespace devos::services {

contracts::Ulid IdGenerator::next() {
    logic::UlidRandom random{};
    entropy_.fill(random);
    return logic::encodeUlid(static_cast<std::uint64_t>(clock_.nowMillis()), random);
}

} // namespace devos::services
