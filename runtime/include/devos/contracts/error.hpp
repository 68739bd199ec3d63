#pragma once
#include <devos/foundation/error.hpp>

// The runtime's errors are DevOS's one Error (devos/foundation/error.hpp), under the names its layers
// have always used: kind, file, line, message, hint; fail(kind, message, file, line, hint).
namespace devos::contracts {

using foundation::Error;
using foundation::ErrorKind;
using foundation::Expected;
using foundation::fail;

} // namespace devos::contracts
