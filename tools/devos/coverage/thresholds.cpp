#include "coverage/thresholds.hpp"

#include <devos/engine/yaml_reader.hpp>

namespace devos::coverage {

foundation::Expected<Thresholds> Thresholds::parse(const YAML::Node& node, const YamlReader& reader) {
    if (!node.IsMap())
        return reader.error(node, "'thresholds' must map a threshold to a number",
                            "e.g. thresholds: { coverage: 80 }");
    if (auto ok = reader.onlyKeys(node, {"coverage"}, "'thresholds'"); !ok)
        return std::unexpected(ok.error());
    Thresholds thresholds;
    for (const auto& kv : node) {
        double percent = 0;
        try {
            percent = kv.second.as<double>();
        } catch (const YAML::Exception&) {
            return reader.error(kv.second, "threshold '" + kv.first.Scalar() + "' must be a number",
                                "a percentage of lines, e.g. coverage: 80");
        }
        if (!(percent >= 0 && percent <= 100)) // NaN too
            return reader.error(kv.second, "threshold '" + kv.first.Scalar() + "' must be between 0 and 100",
                                "a percentage of lines, e.g. coverage: 80");
        thresholds.coverage = percent;
        thresholds.coverageLine = YamlReader::line(kv.first);
    }
    return thresholds;
}

} // namespace devos::coverage
