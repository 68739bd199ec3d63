#pragma once
// The edit behind devos_allow: a `// devos-allow(<rule>): <reason> until YYYY-MM-DD` comment inserted
// above a finding's line, with the line's indentation. Pure: text in, text out; the reason and the
// date are agent-written input, so they are checked strictly before anything is written.
#include <devos/engine/allow_comment.hpp>
#include <devos/foundation/error.hpp>
#include <string>

namespace devos::mcp {

// What to allow, where, why and until when.
struct AllowRequest {
    std::string rule;
    unsigned line = 0; // 1-based line of the finding
    std::string reason;
    std::string until;                          // YYYY-MM-DD, after `today`
    std::string today;                          // YYYY-MM-DD
    int maxDays = engine::kDefaultAllowMaxDays; // the repo's allow.max_days
};

// The file text with the comment, the line it went on and the comment itself; `alreadyAllowed` when
// the finding's line or the line above already allows the rule (the text is then unchanged).
struct AllowEdit {
    std::string text;
    unsigned commentLine = 0;
    std::string comment;
    bool alreadyAllowed = false;
};

// Invalid when the reason is empty, longer than 200 bytes or spans lines, the date is not a real
// YYYY-MM-DD after today (or more than `maxDays` ahead), or the line is not in the file.
[[nodiscard]] foundation::Expected<AllowEdit> insertAllowComment(const std::string& fileText,
                                                                 const AllowRequest& request);

} // namespace devos::mcp
