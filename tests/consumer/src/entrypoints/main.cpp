#include "logic/total.hpp"

int main() {
    return consumer::total({1, 2, 3}) == 6 ? 0 : 1;
}
