// PPC-F05: the file names of I-3 and of the II blocks (one block per file) disagree.
#include "rule_support.hpp"

namespace piagraph::checks {
namespace {
const RuleInfo kInfo{
    "PPC-F05",
    "file-list",
    Severity::warning,
    {"特定個人情報ファイルの一覧が一致しない", "file lists disagree"},
    {"I-3 の特定個人情報ファイル名と、II の各ファイルのブロック（ファイルごとに一つ）は同じファイルを"
     "指すはずです。片方にしかないファイル名があります。I-3 と II の見出しをそろえてください。",
     "The file names of I-3 and the II blocks (one per file) should name the same files. A name appears on "
     "one side only: align I-3 with the headings of II."},
    {"「I-3 特定個人情報ファイル名」と各「II ファイルの概要」のファイル名を、ブロック番号（（１）など）を除いて"
     "比べます。両方の項目が読めた評価書だけを判定します。審査の観点(6)によります。",
     "I-3 特定個人情報ファイル名 and the file name of each II block, compared without the block number "
     "((1) …). Only assessments where both items were read are judged. 審査の観点 (6)."}};

// The name without its block number （１）/(1)/1. and the ignored trailing words.
std::string file_key(const std::string& name, const std::vector<std::string>& ignored) {
    std::string k = text::match_key(name);
    if (!k.empty() && k[0] == '(') {
        const size_t close = k.find(')');
        if (close != std::string::npos && close <= 4) k = k.substr(close + 1);
    }
    size_t digits = 0;
    while (digits < k.size() && std::isdigit(static_cast<unsigned char>(k[digits]))) ++digits;
    if (digits > 0 && digits < k.size() && k[digits] == '.') k = k.substr(digits + 1);
    for (const auto& w : ignored) {
        const std::string wk = text::match_key(w);
        if (text::ends_with(k, wk) && k.size() > wk.size()) k = k.substr(0, k.size() - wk.size());
    }
    return k;
}

std::vector<std::string> missing_from(const std::vector<std::string>& names, const std::set<std::string>& keys,
                                      const std::vector<std::string>& ignored) {
    std::vector<std::string> out;
    for (const auto& n : names)
        if (!blank(n) && !keys.count(file_key(n, ignored))) out.push_back(n);
    return out;
}

void run(const Graph& graph, const RuleInfo& info, std::vector<Finding>& out) {
    const auto ignored = check_list("/file_list/ignored_suffixes");
    for (const auto& a : graph.assessments) {
        if (!a.form_has("files") || !a.was_read("file_names") || !a.was_read("files")) continue;
        if (a.file_names.empty() || a.files.empty()) continue;  // an empty I-3 or II is PPC-F04's or X01's
        std::vector<std::string> block_names;
        for (const auto& f : a.files) block_names.insert(block_names.end(), f.names.begin(), f.names.end());
        std::set<std::string> listed, blocks;
        for (const auto& n : a.file_names) listed.insert(file_key(n, ignored));
        for (const auto& n : block_names) blocks.insert(file_key(n, ignored));
        const auto only_listed = missing_from(a.file_names, blocks, ignored);
        const auto only_blocks = missing_from(block_names, listed, ignored);
        if (only_listed.empty() && only_blocks.empty()) continue;
        std::vector<std::string> ja, en;
        if (!only_listed.empty())
            ja.push_back("I-3 にだけある: " + join(only_listed, "、")),
                en.push_back("only in I-3: " + join(only_listed, ", "));
        if (!only_blocks.empty())
            ja.push_back("II にだけある: " + join(only_blocks, "、")),
                en.push_back("only in II: " + join(only_blocks, ", "));
        std::vector<Location> locs{at(a, field_loc(a.locs, "file_names", a.loc), "I-3", join(a.file_names, "、"))};
        for (const auto& f : a.files)
            if (!f.names.empty() &&
                std::find(only_blocks.begin(), only_blocks.end(), f.names.front()) != only_blocks.end())
                locs.push_back(at(a, f.loc, "II", f.names.front()));
        out.push_back(finding(info, a,
                              {"I-3 と II の特定個人情報ファイル名が一致しません（" + join(ja, "。") + "）",
                               "the file names of I-3 and II disagree (" + join(en, "; ") + ")"},
                              std::move(locs), {"file-list:" + a.affair}));
    }
}
}  // namespace

PIAGRAPH_RULE(F05, kInfo, run)

}  // namespace piagraph::checks
