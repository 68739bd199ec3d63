# Helpers for the fault tests (tests/faults): the e2e helpers plus a large report to interrupt.
source "$(dirname "${BASH_SOURCE[0]}")/../e2e/lib.sh"

# big_report <file> <failures>: a JUnit report of <failures> distinct failing tests (each one its own
# message and trace, so each gets its own vector), large enough that storing it takes a while.
big_report() {
    python3 - "$1" "$2" <<'PY'
import sys
path, n = sys.argv[1], int(sys.argv[2])
def word(i):  # a word of its own per failure: the embedder sees words, pattern ids drop numbers
    letters = ""
    for _ in range(4):
        letters += "bcdfghjklmnpqrstvwxz"[i % 20]
        i //= 20
    return "zo" + letters
with open(path, "w") as out:
    out.write(f'<testsuites><testsuite name="Orders" tests="{n}" failures="{n}">\n')
    for i in range(n):
        out.write(f'<testcase name="LosesDiscount{i}" classname="Orders" time="0.01">'
                  f'<failure message="order {i} lost its {word(i)} discount code">'
                  f'#0 0x{i:x} in orders::Pricing::apply{i}() /src/pricing_{i}.cpp:{i % 300 + 1}\n'
                  f'#1 0x{i + 1:x} in orders::Checkout::run() /src/checkout.cpp:{i % 50 + 1}</failure></testcase>\n')
    out.write('</testsuite></testsuites>\n')
PY
}
