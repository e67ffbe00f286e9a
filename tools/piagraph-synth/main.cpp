// piagraph-synth (GitHub issue 13, item 4): a synthetic national corpus for `piagraph batch`.
//
// `piagraph-synth --orgs N --per-org M --seed S [--defect-rate R] -o DIR` writes N fictional
// organisations (DIR/<prefecture>/<n>-<city>/) of M assessments each. Each is one of the example
// city's (examples/midori: 全項目, 重点 and 基礎 forms) grown to a real size (重点 20–80 KB, 全項目
// 100–600 KB as far as the form's 20 委託事項/提供先/移転先 per file allow) with clones of the examples'
// blocks; a clone is of a defective block with chance R. Half the documents are then converted by the
// conversion simulator (tests/simulator, `separate-lines`: every cell on its own line, as pdftotext
// prints a table), run once for the whole corpus through convert.py; the rest stay markdown-like.
// Every planted defect (the example's own and the clones') is written to DIR/expected-findings.jsonl
// as {"file": PATH relative to DIR, "kind": DESIGN kind, "line": N} at its line after growth and
// conversion. Same seed, same bytes (see grow.hpp).
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "grow.hpp"
#include "piagraph/io.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct Options {
    int orgs = 0;
    int per_org = 0;
    std::uint64_t seed = 1;
    double defect_rate = 0.1;
    std::string output;
    std::string examples = PIAGRAPH_SOURCE_DIR "/examples";
    std::string converter = PIAGRAPH_SOURCE_DIR "/tools/piagraph-synth/convert.py";
};

// A written document and where its planted defects are (1-based line, cell, kind).
struct Written {
    std::string file;  // relative to DIR
    bool converted = false;
    std::vector<std::tuple<int, int, std::string>> planted;
};

void write(const fs::path& p, const std::string& s) {
    fs::create_directories(p.parent_path());
    piagraph::write_file_atomic(p.string(), s);
}

// Fictional place names: two syllables of hiragana.
std::string place_name(std::mt19937_64& rng) {
    static const std::vector<std::string> first = {"あお", "あか", "いず", "うみ", "かえ", "かわ", "きた", "くす",
                                                   "さく", "しら", "すず", "たか", "つき", "なか", "はな", "ふじ",
                                                   "ほし", "みず", "もり", "やま", "ゆき", "わか"};
    static const std::vector<std::string> second = {"の", "ば", "ら", "み", "わ", "せ", "ね", "ぎ", "な", "た"};
    return first[synth::below(rng, first.size())] + second[synth::below(rng, second.size())];
}

// Real sizes: 重点 20–80 KB, 全項目 100–600 KB; a 基礎 stays as the example wrote it.
std::size_t target_bytes(const std::string& form, std::mt19937_64& rng) {
    if (form == "全項目") return (100 + synth::below(rng, 501)) * 1024;
    if (form == "重点") return (20 + synth::below(rng, 61)) * 1024;
    return 0;
}

// Which example: 全項目 and 重点 a third each, 基礎 the rest; an organisation assesses each 全項目
// affair once (two of one would share its systems, and its organisation-wide findings).
const synth::Template& pick_template(const std::vector<synth::Template>& templates,
                                     const std::set<std::string>& present, std::mt19937_64& rng) {
    const std::size_t roll = synth::below(rng, 3);
    const std::string form = roll == 0 ? "全項目" : roll == 1 ? "重点" : "基礎";
    std::vector<const synth::Template*> of_form, others;
    for (const auto& t : templates) {
        if (t.form == "全項目" && present.count(t.name)) continue;
        (t.form == form ? of_form : others).push_back(&t);
    }
    if (of_form.empty()) of_form = others;
    return *of_form[synth::below(rng, of_form.size())];
}

std::vector<Written> write_organisation(const Options& o, const std::vector<synth::Template>& templates,
                                        const std::map<std::string, synth::Prototypes>& prototypes,
                                        const std::map<std::string, std::vector<synth::Section>>& sections,
                                        const std::string& folder, const std::string& city, std::mt19937_64& rng) {
    std::vector<const synth::Template*> chosen;
    std::set<std::string> present;
    for (int k = 0; k < o.per_org; ++k) {
        chosen.push_back(&pick_template(templates, present, rng));
        present.insert(chosen.back()->name);
    }
    std::vector<Written> out;
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const synth::Template& t = *chosen[k];
        synth::GrowOptions grow{o.defect_rate, target_bytes(t.form, rng)};
        const auto lines = synth::grow(t, prototypes.at(t.form), sections.at(t.form), city, grow, rng);
        Written w;
        const std::string stem = t.name.substr(t.name.find('-') + 1);
        w.file = folder + "/" + (k < 9 ? "0" : "") + std::to_string(k + 1) + "-" + stem;
        w.converted = synth::chance(rng, 0.5);
        std::string text;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            text += lines[i].text;
            if (i + 1 < lines.size()) text += "\n";
            for (const auto& p : lines[i].planted)
                if (p.needs_file.empty() || present.count(p.needs_file))
                    w.planted.emplace_back(static_cast<int>(i + 1), p.cell, p.kind);
        }
        write(fs::path(o.output) / w.file, text);
        out.push_back(std::move(w));
    }
    return out;
}

std::string quoted(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

// The pdftotext-like half: one run of the conversion simulator rewrites the files and moves the lines.
bool convert(const Options& o, std::vector<Written>& docs) {
    const fs::path jobs = fs::path(o.output) / ".piagraph-synth-jobs.jsonl";
    std::ostringstream list;
    std::vector<Written*> converted;
    for (auto& d : docs) {
        if (!d.converted) continue;
        json lines = json::array();
        for (const auto& [line, cell, kind] : d.planted) lines.push_back({line, cell});
        list << json{{"path", (fs::path(o.output) / d.file).string()}, {"variant", "separate-lines"}, {"lines", lines}}
                    .dump()
             << "\n";
        converted.push_back(&d);
    }
    if (converted.empty()) return true;
    write(jobs, list.str());
    const std::string command = "python3 " + quoted(o.converter) + " " + quoted(jobs.string());
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) return false;
    std::string reply;
    char buffer[65536];
    for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) reply.append(buffer, n);
    const int status = pclose(pipe);
    fs::remove(jobs);
    std::istringstream in(reply);
    std::string line;
    for (auto* d : converted) {
        if (!std::getline(in, line)) return false;
        const json moved = json::parse(line)["lines"];
        for (std::size_t i = 0; i < d->planted.size(); ++i) std::get<0>(d->planted[i]) = moved.at(i).get<int>();
    }
    return status == 0;
}

std::string expected_findings(const std::vector<Written>& docs) {
    std::ostringstream out;
    for (const auto& d : docs) {
        std::set<std::pair<std::string, int>> seen;  // one finding per kind and line
        for (const auto& [line, cell, kind] : d.planted)
            if (line > 0 && seen.insert({kind, line}).second)
                out << json{{"file", d.file}, {"kind", kind}, {"line", line}}.dump(-1, ' ', false) << "\n";
    }
    return out.str();
}

int usage() {
    std::cerr << "使い方: piagraph-synth --orgs N --per-org M --seed S [--defect-rate R] -o DIR [--examples DIR]\n";
    return 2;
}

bool parse(int argc, char** argv, Options& o) {
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
            else if (a == "--defect-rate")
                o.defect_rate = std::stod(next());
            else if (a == "-o" || a == "--output")
                o.output = next();
            else if (a == "--examples")
                o.examples = next();
            else
                return false;
        }
    } catch (const std::exception&) {
        return false;
    }
    return o.orgs >= 1 && o.per_org >= 1 && !o.output.empty() && o.defect_rate >= 0 && o.defect_rate <= 1;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    if (!parse(argc, argv, o)) return usage();
    const auto templates = synth::load_templates(o.examples);
    if (templates.empty()) {
        std::cerr << "piagraph-synth: 例の評価書がありません: " << o.examples << "/midori\n";
        return 2;
    }
    std::map<std::string, synth::Prototypes> prototypes;          // by form
    std::map<std::string, std::vector<synth::Section>> sections;  // by form
    for (const auto& t : templates) {
        for (auto& s : synth::clean_sections(t)) sections[t.form].push_back(std::move(s));
        sections[t.form];
        auto& of_form = prototypes[t.form];
        auto of = synth::prototypes_of(t);
        for (int type = 0; type < synth::kBlockTypes; ++type)
            for (auto& p : of[type]) of_form[type].push_back(std::move(p));
    }
    std::mt19937_64 rng(o.seed);
    std::vector<Written> docs;
    std::set<std::string> used;
    for (int i = 0; i < o.orgs; ++i) {
        std::string city;
        do city = place_name(rng) + "市";
        while (!used.insert(city).second && used.size() < 220);
        const std::string folder =
            "県" + std::to_string(1 + synth::below(rng, 47)) + "/" + std::to_string(i) + "-" + city;
        for (auto& w : write_organisation(o, templates, prototypes, sections, folder, city, rng))
            docs.push_back(std::move(w));
    }
    if (!convert(o, docs)) {
        std::cerr << "piagraph-synth: the conversion simulator failed (" << o.converter << ")\n";
        return 1;
    }
    write(fs::path(o.output) / "expected-findings.jsonl", expected_findings(docs));
    return 0;
}
