// kernel.cpp: rapidfuzz-cpp beside spinwise's kernel benchmarks
// (bench/kernel_test.go), on the same pairs file, printing go test's
// benchmark format so that benchstat reads both.
//
//   kernel PAIRS.tsv [REGEX]
//
// bench/run builds it with the system g++ against the rapidfuzz-cpp headers
// of ../shared/peers/rapidfuzz-cpp (never committed here) and runs it. REGEX
// (ECMAScript, searched in the full name) selects benchmarks; BENCHTIME
// (seconds, default 1) and COUNT (default 1) are read from the environment.
// Besides ns/op (wall time) it reports cpu-ns/op, the process's CPU time
// per op, as the Go side does. Before timing anything it checks that rapidfuzz computes the distance
// written in the file for every pair, and exits 1 if not.
//
// Strings are decoded from UTF-8 to char32_t once, outside the timed loops,
// as rapidfuzz's users hand it sequences of code points; the impl
// rapidfuzz-utf8 decodes the text inside the loop, as spinwise's Pattern
// must (it takes Go strings).

#include <rapidfuzz/distance/Levenshtein.hpp>

#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <regex>
#include <string>
#include <thread>
#include <vector>

namespace {

using u32 = std::u32string;

struct Pair {
    std::string a8, b8;
    u32 a, b;
    size_t d;
};

struct Set {
    std::string name;
    std::vector<Pair> pairs;
};

// decode appends the code points of UTF-8 s to out; an invalid byte
// becomes U+FFFD (the pairs file is valid UTF-8).
void decode(const std::string& s, u32& out)
{
    out.clear();
    size_t i = 0, n = s.size();
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            out.push_back(c);
            i++;
        }
        else if (c >= 0xC2 && c <= 0xDF && i + 1 < n) {
            out.push_back(char32_t((c & 0x1F) << 6 | (static_cast<unsigned char>(s[i + 1]) & 0x3F)));
            i += 2;
        }
        else if (c >= 0xE0 && c <= 0xEF && i + 2 < n) {
            out.push_back(char32_t((c & 0x0F) << 12 | (static_cast<unsigned char>(s[i + 1]) & 0x3F) << 6 |
                                   (static_cast<unsigned char>(s[i + 2]) & 0x3F)));
            i += 3;
        }
        else if (c >= 0xF0 && c <= 0xF4 && i + 3 < n) {
            out.push_back(char32_t((c & 0x07) << 18 | (static_cast<unsigned char>(s[i + 1]) & 0x3F) << 12 |
                                   (static_cast<unsigned char>(s[i + 2]) & 0x3F) << 6 |
                                   (static_cast<unsigned char>(s[i + 3]) & 0x3F)));
            i += 4;
        }
        else {
            out.push_back(0xFFFD);
            i++;
        }
    }
}

std::string unescape(const std::string& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); i++) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char c = s[++i];
            out.push_back(c == 'n' ? '\n' : c == 't' ? '\t' : c);
        }
        else {
            out.push_back(s[i]);
        }
    }
    return out;
}

std::vector<Set> readPairs(const char* path)
{
    std::ifstream in(path);
    if (!in) {
        std::fprintf(stderr, "kernel: cannot open %s\n", path);
        std::exit(1);
    }
    std::vector<Set> sets;
    std::string line;
    int lineNo = 0;
    while (std::getline(in, line)) {
        lineNo++;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        size_t start = 0;
        for (;;) {
            size_t tab = line.find('\t', start);
            f.push_back(line.substr(start, tab == std::string::npos ? std::string::npos : tab - start));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (f.size() != 4) {
            std::fprintf(stderr, "kernel: %s:%d: %zu fields, want 4\n", path, lineNo, f.size());
            std::exit(1);
        }
        if (sets.empty() || sets.back().name != f[0]) sets.push_back(Set{f[0], {}});
        Pair p;
        p.a8 = unescape(f[2]);
        p.b8 = unescape(f[3]);
        decode(p.a8, p.a);
        decode(p.b8, p.b);
        p.d = std::stoul(f[1]);
        sets.back().pairs.push_back(std::move(p));
    }
    return sets;
}

// The threshold of the cutoff ops: spinwise's Analyze default.
constexpr double threshold = 0.9;

std::regex filter(".");
double benchtime = 1;
int count = 1;
unsigned cores = 1;
volatile size_t sinkOut;

// cpuNanos is the CPU time the process has used, in nanoseconds.
double cpuNanos()
{
    timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e9 + double(ts.tv_nsec);
}

// bench times f(i) for i cycling over n pairs, growing the iteration count
// as go test does until one run lasts benchtime, and prints one line.
template <typename F>
void bench(const std::string& name, size_t n, F f)
{
    std::string full = "Benchmark" + name;
    if (!std::regex_search(full, filter)) return;
    size_t sink = 0;
    for (size_t i = 0; i < 2 * n; i++) sink += f(i % n); // warm up
    for (int c = 0; c < count; c++) {
        size_t iters = 1;
        double ns = 0, cpu = 0;
        for (;;) {
            size_t k = 0;
            double c0 = cpuNanos();
            auto t0 = std::chrono::steady_clock::now();
            for (size_t it = 0; it < iters; it++) {
                sink += f(k);
                if (++k == n) k = 0;
            }
            ns = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
            cpu = cpuNanos() - c0;
            if (ns >= benchtime * 1e9 || iters >= 1000000000) break;
            double want = benchtime * 1e9 * 1.2 * double(iters) / std::max(ns, 1.0);
            size_t next = static_cast<size_t>(want);
            iters = std::min(std::max(next, iters + 1), iters * 100);
        }
        std::printf("%s-%u\t%10zu\t%14.1f ns/op\t%14.1f cpu-ns/op\n", full.c_str(), cores, iters, ns / double(iters),
                    cpu / double(iters));
        std::fflush(stdout);
    }
    sinkOut = sink;
}

size_t maxLen(const Pair& p) { return std::max(p.a.size(), p.b.size()); }

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: kernel PAIRS.tsv [REGEX]\n");
        return 2;
    }
    if (argc > 2) filter = std::regex(argv[2]);
    if (const char* s = std::getenv("BENCHTIME")) benchtime = std::atof(s);
    if (const char* s = std::getenv("COUNT")) count = std::atoi(s);
    if (benchtime <= 0) benchtime = 1;
    if (count <= 0) count = 1;
    cores = std::max(1u, std::thread::hardware_concurrency());

    std::vector<Set> sets = readPairs(argv[1]);
    namespace lev = rapidfuzz;

    // Check first: every rapidfuzz route gives the file's distances and
    // the cutoff decisions they imply.
    for (const Set& set : sets) {
        for (size_t i = 0; i < set.pairs.size(); i++) {
            const Pair& p = set.pairs[i];
            lev::CachedLevenshtein<char32_t> cached(p.a);
            size_t got[2] = {lev::levenshtein_distance(p.a, p.b), cached.distance(p.b)};
            for (size_t g : got) {
                if (g != p.d) {
                    std::fprintf(stderr, "kernel: %s pair %zu: rapidfuzz %zu, the file says %zu\n", set.name.c_str(),
                                 i, g, p.d);
                    return 1;
                }
            }
            bool want = 1 - double(p.d) / double(maxLen(p)) >= threshold;
            bool ok1 = cached.normalized_similarity(p.b, threshold) > 0;
            bool ok2 = lev::levenshtein_normalized_similarity(p.a, p.b, {1, 1, 1}, threshold) > 0;
            if (ok1 != want || ok2 != want) {
                std::fprintf(stderr, "kernel: %s pair %zu: rapidfuzz cutoff decisions %d %d, want %d\n",
                             set.name.c_str(), i, ok1, ok2, want);
                return 1;
            }
        }
    }

    for (const Set& set : sets) {
        const std::vector<Pair>& ps = set.pairs;
        size_t n = ps.size();
        std::vector<std::unique_ptr<lev::CachedLevenshtein<char32_t>>> pats;
        for (const Pair& p : ps) pats.emplace_back(new lev::CachedLevenshtein<char32_t>(p.a));
        std::string pre = "Kernel/set=" + set.name + "/op=";
        u32 buf;
        bench(pre + "simcut/impl=rapidfuzz", n,
              [&](size_t i) { return size_t(pats[i]->normalized_similarity(ps[i].b, threshold) > 0); });
        bench(pre + "simcut/impl=rapidfuzz-utf8", n, [&](size_t i) {
            decode(ps[i].b8, buf);
            return size_t(pats[i]->normalized_similarity(buf, threshold) > 0);
        });
        bench(pre + "cached/impl=rapidfuzz", n, [&](size_t i) { return pats[i]->distance(ps[i].b); });
        bench(pre + "build/impl=rapidfuzz", n, [&](size_t i) {
            lev::CachedLevenshtein<char32_t> c(ps[i].a);
            return c.distance(ps[i].a, 0); // keeps the scorer; equal strings: no kernel runs
        });
        bench(pre + "build/impl=rapidfuzz-utf8", n, [&](size_t i) {
            decode(ps[i].a8, buf);
            lev::CachedLevenshtein<char32_t> c(buf);
            return c.distance(buf, 0);
        });
        bench(pre + "oneshot/impl=rapidfuzz", n,
              [&](size_t i) { return lev::levenshtein_distance(ps[i].a, ps[i].b); });
        bench(pre + "oneshotcut/impl=rapidfuzz", n, [&](size_t i) {
            return size_t(lev::levenshtein_normalized_similarity(ps[i].a, ps[i].b, {1, 1, 1}, threshold) > 0);
        });
    }
    return 0;
}
