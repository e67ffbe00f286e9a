// piagraph-synth (GitHub issue 13, item 4; a first cut): a synthetic national corpus for
// `piagraph batch`. `piagraph-synth --orgs N --per-org M --seed S -o DIR` writes N fictional
// organisations (DIR/<prefecture>/<city>/) of M documents each, made from the example city's
// assessments (examples/midori: 全項目, 重点 and 基礎 forms, markdown-like conversion) with the
// city's name replaced line by line, so the example's deliberate defects (examples/
// expected-findings.json) stay at known lines; they are written to DIR/expected-findings.jsonl as
// {"file": PATH relative to DIR, "kind": DESIGN kind, "line": N}. Same seed, same bytes: the
// generator is std::mt19937_64 (its sequence is fixed by the standard) with no std::*_distribution.
//
// Not yet: the pdftotext conversion (tests/simulator), real size distributions (重点 20–80 KB,
// 全項目 100–600 KB), defects planted at a chosen rate.
#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "piagraph/io.hpp"
#include "piagraph/limits.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The example texts are small; the limit is only the project's own for any text it reads.
std::string read(const fs::path& p) { return piagraph::read_file_bytes(p.string(), piagraph::limits::kMaxTextBytes); }

void write(const fs::path& p, const std::string& s) {
    fs::create_directories(p.parent_path());
    piagraph::write_file_atomic(p.string(), s);
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

// Fictional place names: two syllables of hiragana, a uniform pick by modulo of the generator.
std::string place_name(std::mt19937_64& rng) {
    static const std::vector<std::string> first = {"あお", "あか", "いず", "うみ", "かえ", "かわ", "きた", "くす",
                                                   "さく", "しら", "すず", "たか", "つき", "なか", "はな", "ふじ",
                                                   "ほし", "みず", "もり", "やま", "ゆき", "わか"};
    static const std::vector<std::string> second = {"の", "ば", "ら", "み", "わ", "せ", "ね", "ぎ", "な", "た"};
    return first[rng() % first.size()] + second[rng() % second.size()];
}

struct Options {
    int orgs = 0;
    int per_org = 0;
    std::uint64_t seed = 1;
    std::string output;
    std::string examples = PIAGRAPH_SOURCE_DIR "/examples";
};

int usage() {
    std::cerr << "使い方: piagraph-synth --orgs N --per-org M --seed S -o DIR [--examples DIR]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string a = argv[i];
            auto next = [&]() -> std::string {
                if (i + 1 >= argc) throw std::invalid_argument(a);
                return argv[++i];
            };
            if (a == "--orgs")
                o.orgs = std::stoi(next());
            else if (a == "--per-org")
                o.per_org = std::stoi(next());
            else if (a == "--seed")
                o.seed = std::stoull(next());
            else if (a == "-o" || a == "--output")
                o.output = next();
            else if (a == "--examples")
                o.examples = next();
            else
                return usage();
        }
    } catch (const std::exception&) {
        return usage();
    }
    if (o.orgs < 1 || o.per_org < 1 || o.output.empty()) return usage();

    const fs::path examples(o.examples);
    std::vector<std::string> templates;
    for (const auto& e : fs::directory_iterator(examples / "midori"))
        if (e.path().extension() == ".txt") templates.push_back(e.path().filename().string());
    std::sort(templates.begin(), templates.end());
    if (templates.empty()) {
        std::cerr << "piagraph-synth: 例の評価書がありません: " << (examples / "midori").string() << "\n";
        return 2;
    }
    std::map<std::string, std::string> text;
    for (const auto& t : templates) text[t] = read(examples / "midori" / t);
    const json defects = json::parse(read(examples / "expected-findings.json"))["findings"];

    std::mt19937_64 rng(o.seed);
    const fs::path out(o.output);
    std::ostringstream expected;
    std::set<std::string> used;
    for (int i = 0; i < o.orgs; ++i) {
        std::string city;
        do city = place_name(rng) + "市";
        while (!used.insert(city).second && used.size() < 220);
        const std::string prefecture = "県" + std::to_string(1 + rng() % 47);
        const std::string folder = prefecture + "/" + std::to_string(i) + "-" + city;
        // Which templates: each document once, in a seeded order (M beyond the templates repeats none).
        std::vector<std::string> chosen = templates;
        for (std::size_t k = chosen.size(); k > 1; --k) std::swap(chosen[k - 1], chosen[rng() % k]);
        chosen.resize(std::min<std::size_t>(chosen.size(), static_cast<std::size_t>(o.per_org)));
        std::sort(chosen.begin(), chosen.end());
        for (const auto& t : chosen) {
            const std::string name = replace_all(t, "midori", "doc");
            write(out / folder / name, replace_all(text[t], "みどり市", city));
        }
        const std::set<std::string> present(chosen.begin(), chosen.end());
        for (const auto& d : defects) {
            const std::string file = fs::path(d["file"].get<std::string>()).filename().string();
            if (!present.count(file)) continue;
            // An organisation-wide defect needs its silent end in the organisation too.
            if (d.contains("silent_end") &&
                !present.count(fs::path(d["silent_end"]["file"].get<std::string>()).filename().string()))
                continue;
            const json line = {{"file", folder + "/" + replace_all(file, "midori", "doc")},
                               {"kind", d["kind"]},
                               {"line", d["lines"][0]}};
            expected << line.dump(-1, ' ', false) << "\n";
        }
    }
    write(out / "expected-findings.jsonl", expected.str());
    return 0;
}
