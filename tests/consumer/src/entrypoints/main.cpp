// The composition root: nothing to wire in this tiny consumer.
int main() {
    return 0;
}
