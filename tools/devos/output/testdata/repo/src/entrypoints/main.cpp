#include "logic/pricing.hpp"

int main() {
    return discounted(100) > 0 ? 0 : 1;
}
