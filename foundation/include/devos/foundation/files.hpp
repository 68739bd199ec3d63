#pragma once
#include <devos/foundation/error.hpp>
#include <string>
#include <string_view>

namespace devos::foundation {

// Whether writeFileAtomically creates the folders above the file that do not exist yet.
enum class MissingFolders { Fail, Create };

// How writeFileAtomically treats missing folders, and what its errors call the file.
struct WriteOptions {
    MissingFolders folders = MissingFolders::Fail;
    std::string_view what = "the file"; // "cannot write <what> (...)", e.g. "the baseline"
};

// The whole content of the file at `path`, byte for byte. NotFound when it does not exist, Io when it
// cannot be read (a folder, no permission ...): "cannot read <what>: <cause>", naming `path`.
[[nodiscard]] Expected<std::string> readTextFile(const std::string& path, std::string_view what = "the file");

// Replaces the content of `path` with `text` so that a reader sees the old content or the new one,
// never a part: the text goes to a uniquely named temporary file in the same folder, every write and
// the close are checked, it is flushed to the disk (fsync) and renamed over `path`. On any failure (a
// full disk, a read-only folder, a missing folder ...) the temporary file is removed, the old file is
// left as it was, and the Io error names `path` and the cause. A path that exists and is not a
// regular file (a folder, /dev/stdout) is Invalid and left alone.
[[nodiscard]] Expected<void> writeFileAtomically(const std::string& path, std::string_view text,
                                                 WriteOptions options = {});

} // namespace devos::foundation
