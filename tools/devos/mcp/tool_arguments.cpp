#include "mcp/tool_arguments.hpp"

namespace devos::mcp {
namespace {

using nlohmann::json;

std::string typeOf(const json& v) {
    if (v.is_number_integer())
        return "integer";
    if (v.is_number())
        return "number";
    if (v.is_boolean())
        return "boolean";
    if (v.is_string())
        return "string";
    if (v.is_array())
        return "array";
    if (v.is_object())
        return "object";
    return "null";
}

bool hasType(const json& v, const std::string& type) {
    if (type == "number")
        return v.is_number();
    return typeOf(v) == type;
}

std::string shown(const json& v) {
    std::string text = v.dump();
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

std::optional<std::string> check(const json& schema, const json& value, const std::string& where) {
    const std::string subject = where.empty() ? "the arguments" : "argument `" + where + "`";
    if (schema.contains("type") && !hasType(value, schema["type"].get<std::string>()))
        return subject + " must be " + schema["type"].get<std::string>() + " (got " + typeOf(value) + " " +
               shown(value) + ")";
    if (schema.contains("enum")) {
        bool found = false;
        std::string allowed;
        for (const auto& option : schema["enum"]) {
            found = found || option == value;
            allowed += (allowed.empty() ? "" : ", ") +
                       (option.is_string() ? option.get<std::string>() : option.dump());
        }
        if (!found)
            return subject + " must be one of: " + allowed + " (got " + shown(value) + ")";
    }
    if (value.is_number()) {
        if (schema.contains("minimum") && value.get<double>() < schema["minimum"].get<double>())
            return subject + " must be at least " + schema["minimum"].dump() + " (got " + value.dump() + ")";
        if (schema.contains("maximum") && value.get<double>() > schema["maximum"].get<double>())
            return subject + " must be at most " + schema["maximum"].dump() + " (got " + value.dump() + ")";
    }
    if (value.is_string()) {
        const auto size = value.get_ref<const std::string&>().size();
        if (schema.contains("minLength") && size < schema["minLength"].get<std::size_t>())
            return subject + " must not be shorter than " + schema["minLength"].dump() + " characters";
        if (schema.contains("maxLength") && size > schema["maxLength"].get<std::size_t>())
            return subject + " must not be longer than " + schema["maxLength"].dump() + " characters (got " +
                   std::to_string(size) + ")";
    }
    if (value.is_array()) {
        if (schema.contains("maxItems") && value.size() > schema["maxItems"].get<std::size_t>())
            return subject + " takes at most " + schema["maxItems"].dump() + " items (got " +
                   std::to_string(value.size()) + ")";
        if (schema.contains("items"))
            for (std::size_t i = 0; i < value.size(); ++i)
                if (auto problem = check(schema["items"], value[i], where + "[" + std::to_string(i) + "]"))
                    return problem;
    }
    if (value.is_object()) {
        const json properties = schema.value("properties", json::object());
        for (const auto& name : schema.value("required", json::array()))
            if (!value.contains(name.get<std::string>()))
                return "missing required argument `" + (where.empty() ? "" : where + ".") +
                       name.get<std::string>() + "`";
        for (const auto& [name, item] : value.items()) {
            const std::string path = where.empty() ? name : where + "." + name;
            if (properties.contains(name)) {
                if (auto problem = check(properties[name], item, path))
                    return problem;
            } else if (where.empty() || schema.value("additionalProperties", json(true)) == false) {
                std::string known;
                for (const auto& [key, unused] : properties.items())
                    known += (known.empty() ? "" : ", ") + key;
                return "unknown argument `" + path +
                       "` (this tool takes: " + (known.empty() ? "nothing" : known) + ")";
            }
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> argumentProblem(const json& schema, const json& value) {
    return check(schema, value, "");
}

} // namespace devos::mcp
