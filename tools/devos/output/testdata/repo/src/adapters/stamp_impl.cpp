#include <ctime>

long current_epoch_seconds() {
    return static_cast<long>(std::time(nullptr));
}
