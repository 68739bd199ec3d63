#!/usr/bin/env bash
# Writes a template-heavy pure-logic repo: a header-only hash map with iterators, templated algorithms,
# records with implicit and defaulted special members, and UNITS logic TUs (default 20) that use them,
# each with function templates of its own. Two TUs call a logic declaration that has no body anywhere
# (the only unknown effects a correct link should report). Used by bench/unknown_effects.sh.
# Usage: bench/template_heavy_repo.sh <out-dir> [units]
set -euo pipefail
out=${1:?usage: template_heavy_repo.sh <out-dir> [units]}
units=${2:-20}
mkdir -p "$out/.devos" "$out/src/logic" "$out/src/contracts"
echo "tier: 1" > "$out/.devos/devos.yml"
cat > "$out/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.25)
project(template_heavy CXX)
set(CMAKE_CXX_STANDARD 23)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
file(GLOB sources CONFIGURE_DEPENDS src/logic/*.cpp)
add_library(template_heavy OBJECT ${sources})
target_include_directories(template_heavy PRIVATE src)
CMAKE

cat > "$out/src/logic/hash_map.hpp" <<'CPP'
#pragma once
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace gen {

template <typename K, typename V, typename Hash = std::hash<K>> class HashMap {
public:
    struct Entry {
        K key{};
        V value{};
        bool used = false;
    };
    template <bool Const> class Iter {
    public:
        using Pointer = std::conditional_t<Const, const Entry*, Entry*>;
        Iter(Pointer at, Pointer end) : at_(at), end_(end) { skipFree(); }
        auto& operator*() const { return *at_; }
        auto* operator->() const { return at_; }
        Iter& operator++() {
            ++at_;
            skipFree();
            return *this;
        }
        friend bool operator==(const Iter& a, const Iter& b) { return a.at_ == b.at_; }

    private:
        void skipFree() {
            while (at_ != end_ && !at_->used)
                ++at_;
        }
        Pointer at_;
        Pointer end_;
    };
    using iterator = Iter<false>;
    using const_iterator = Iter<true>;

    HashMap() : entries_(16) {}
    HashMap(const HashMap&) = default;
    HashMap& operator=(const HashMap&) = default;
    iterator begin() { return iterator(entries_.data(), entries_.data() + entries_.size()); }
    iterator end() { return iterator(entries_.data() + entries_.size(), entries_.data() + entries_.size()); }
    const_iterator begin() const { return const_iterator(entries_.data(), entries_.data() + entries_.size()); }
    const_iterator end() const {
        return const_iterator(entries_.data() + entries_.size(), entries_.data() + entries_.size());
    }
    iterator find(const K& key);
    bool contains(const K& key) const;
    V& operator[](const K& key);
    bool insert(const K& key, V value);
    bool erase(const K& key);
    std::size_t size() const { return count_; }

private:
    std::size_t slotOf(const K& key) const;
    void grow();
    std::vector<Entry> entries_;
    std::size_t count_ = 0;
};

template <typename K, typename V, typename H> std::size_t HashMap<K, V, H>::slotOf(const K& key) const {
    std::size_t at = H{}(key) % entries_.size();
    while (entries_[at].used && !(entries_[at].key == key))
        at = (at + 1) % entries_.size();
    return at;
}

template <typename K, typename V, typename H> void HashMap<K, V, H>::grow() {
    std::vector<Entry> old = std::move(entries_);
    entries_ = std::vector<Entry>(old.size() * 2);
    count_ = 0;
    for (Entry& e : old)
        if (e.used)
            insert(e.key, std::move(e.value));
}

template <typename K, typename V, typename H> typename HashMap<K, V, H>::iterator HashMap<K, V, H>::find(const K& key) {
    std::size_t at = slotOf(key);
    return entries_[at].used ? iterator(entries_.data() + at, entries_.data() + entries_.size()) : end();
}

template <typename K, typename V, typename H> bool HashMap<K, V, H>::contains(const K& key) const {
    return entries_[slotOf(key)].used;
}

template <typename K, typename V, typename H> V& HashMap<K, V, H>::operator[](const K& key) {
    if (!contains(key))
        insert(key, V{});
    return entries_[slotOf(key)].value;
}

template <typename K, typename V, typename H> bool HashMap<K, V, H>::insert(const K& key, V value) {
    if ((count_ + 1) * 2 > entries_.size())
        grow();
    Entry& e = entries_[slotOf(key)];
    if (e.used)
        return false;
    e = Entry{key, std::move(value), true};
    ++count_;
    return true;
}

template <typename K, typename V, typename H> bool HashMap<K, V, H>::erase(const K& key) {
    Entry& e = entries_[slotOf(key)];
    if (!e.used)
        return false;
    e = Entry{};
    --count_;
    return true;
}

} // namespace gen
CPP

cat > "$out/src/logic/algorithms.hpp" <<'CPP'
#pragma once
#include <compare>
#include <utility>
#include <vector>

namespace gen {

template <typename A, typename B> struct Pair {
    A first{};
    B second{};
    bool operator==(const Pair&) const = default;
    auto operator<=>(const Pair&) const = default;
};

template <typename Range, typename Predicate> long countIf(const Range& range, Predicate keep) {
    long n = 0;
    for (const auto& item : range)
        if (keep(item))
            ++n;
    return n;
}

template <typename Range, typename Key> long maxBy(const Range& range, Key key) {
    long best = 0;
    for (const auto& item : range)
        best = key(item) > best ? key(item) : best;
    return best;
}

template <typename Range, typename F> auto mapValues(const Range& range, F f) {
    std::vector<decltype(f(*range.begin()))> out;
    for (const auto& item : range)
        out.push_back(f(item));
    return out;
}

template <typename Range, typename T, typename F> T foldLeft(const Range& range, T init, F f) {
    for (const auto& item : range)
        init = f(std::move(init), item);
    return init;
}

} // namespace gen
CPP

cat > "$out/src/contracts/records.hpp" <<'CPP'
#pragma once
#include <compare>
#include <string>
#include <vector>

namespace gen {

struct Money {
    long cents = 0;
    auto operator<=>(const Money&) const = default;
};

struct Customer {
    std::string name;
    std::vector<std::string> tags;
    Money balance;
};

struct Invoice {
    Invoice() = default;
    Invoice(const Invoice&) = default;
    Invoice(Invoice&&) = default;
    Invoice& operator=(const Invoice&) = default;
    Invoice& operator=(Invoice&&) = default;
    ~Invoice() = default;
    std::string id;
    std::vector<Money> lines;
};

struct Ledger : Invoice {
    Customer customer;
    Money total;
};

} // namespace gen
CPP

cat > "$out/src/logic/rates.hpp" <<'CPP'
#pragma once

namespace gen {
// Declared in logic/ and defined in no translation unit: its effects really are unknown.
long externalRate(long cents);
} // namespace gen
CPP

for i in $(seq 1 "$units"); do
    rate=""
    [ "$i" -le 2 ] && rate=" + externalRate($i)"
    cat > "$out/src/logic/unit_$i.cpp" <<CPP
#include "contracts/records.hpp"
#include "logic/algorithms.hpp"
#include "logic/hash_map.hpp"
#include "logic/rates.hpp"

#include <string>
#include <utility>
#include <vector>

namespace gen::unit$i {
namespace {
template <typename T> T clamp$i(T value, T low, T high) { return value < low ? low : high < value ? high : value; }
} // namespace

struct Item$i {
    std::string label;
    Money price;
    long quantity = $i;
};

template <typename T> T weighted$i(T a, T b) { return a * $i + b; }

long total$i(const std::vector<Invoice>& invoices) {
    HashMap<std::string, Money> byId;
    for (const auto& invoice : invoices) {
        Money sum;
        for (const auto& line : invoice.lines)
            sum.cents += line.cents;
        byId[invoice.id] = sum;
    }
    HashMap<long, Item$i> items;
    items.insert($i, Item$i{"item", Money{$i}, 2});
    items[$i + 1].quantity += 3;
    items.erase($i + 2);
    long hits = countIf(byId, [](const auto& e) { return e.value.cents > $i; });
    long best = maxBy(items, [](const auto& e) { return e.value.quantity; });
    auto prices = mapValues(items, [](const auto& e) { return e.value.price.cents; });
    long folded = foldLeft(prices, 0L, [](long acc, long cents) { return acc + cents; });
    auto found = byId.find("x");
    HashMap<std::string, Money> snapshot = byId;
    snapshot = byId;
    return clamp$i<long>(weighted$i<long>(hits, best), 0, 1000) + folded + static_cast<long>(snapshot.size()) +
           (found == byId.end() ? 0 : found->value.cents)$rate;
}

long records$i(const Ledger& source) {
    Ledger ledger = source;
    ledger.id = "ledger-$i";
    Ledger copy = ledger;
    ledger = copy;
    Invoice invoice = copy;
    invoice = std::move(copy);
    Customer customer{"name", {"tag"}, Money{$i}};
    Customer other = customer;
    other = customer;
    Item$i item{"x", Money{1}, 1};
    Item$i second = item;
    second = item;
    Pair<long, Money> pair{$i, Money{2}};
    Pair<long, Money> same = pair;
    bool equal = pair == same && !(pair < same) && ledger.total == Money{};
    return static_cast<long>(invoice.lines.size() + other.tags.size()) + second.quantity + (equal ? 1 : 0);
}

} // namespace gen::unit$i
CPP
done
