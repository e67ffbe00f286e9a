// Coverage items as people name them (data/dictionary.json report/coverage_labels), for the
// extract summary, the report and PPC-X01. Not a rule.
#include <algorithm>
#include <climits>

#include "rule_support.hpp"

namespace piagraph {

namespace {

const nlohmann::json& labels() {
    static const nlohmann::json empty = nlohmann::json::object();
    const auto& raw = Dictionary::get().raw();
    const nlohmann::json::json_pointer ptr("/report/coverage_labels");
    return raw.contains(ptr) ? raw.at(ptr) : empty;
}

const char* lang_key(Lang lang) { return lang == Lang::en ? "en" : "ja"; }

std::string in_lang(const nlohmann::json& node, Lang lang) {
    if (!node.is_object()) return "";
    return node.value(lang_key(lang), node.value("ja", std::string()));
}

// One dotted segment of a key: its name ("provisions[]" when indexed) and its index (-1: none).
struct Segment {
    std::string name;
    int index = -1;
};

std::vector<Segment> segments(const std::string& item) {
    std::vector<Segment> out;
    size_t start = 0;
    while (start <= item.size()) {
        size_t dot = item.find('.', start);
        if (dot == std::string::npos) dot = item.size();
        std::string part = item.substr(start, dot - start);
        Segment s{part, -1};
        const size_t open = part.find('[');
        if (open != std::string::npos && part.back() == ']') {
            const std::string digits = part.substr(open + 1, part.size() - open - 2);
            if (!digits.empty() && digits.size() < 6 &&
                std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
                s.name = part.substr(0, open) + "[]";
                s.index = std::stoi(digits);
            }
        }
        out.push_back(std::move(s));
        start = dot + 1;
    }
    return out;
}

// The pattern of the first `n` segments ("files[].provisions[]").
std::string pattern(const std::vector<Segment>& segs, size_t n) {
    std::string out;
    for (size_t i = 0; i < n && i < segs.size(); ++i) out += (i ? "." : "") + segs[i].name;
    return out;
}

// Every item pattern in the order of the form: the lists of data/dictionary.json coverage_items
// (arrays keep their order; objects do not).
const std::vector<std::string>& form_order() {
    static const std::vector<std::string> order = [] {
        const auto& dict = Dictionary::get();
        // Every form's items, 全項目評価書 (the longest list) first; another form adds its own
        // (基礎 II しきい値判断項目) after them.
        std::vector<std::string> out, file_items, entrust_items = dict.list("/coverage_items/entrustment");
        auto add = [](std::vector<std::string>& to, const std::vector<std::string>& items) {
            for (const auto& i : items)
                if (std::find(to.begin(), to.end(), i) == to.end()) to.push_back(i);
        };
        for (const auto& form : dict.form_names()) {
            add(out, dict.list("/coverage_items/assessment/" + form));
            add(file_items, dict.list("/coverage_items/file/" + form));
            add(entrust_items, dict.list("/coverage_items/entrustment_by_form/" + form));
        }
        for (const auto& f : file_items) out.push_back("files[]." + f);
        for (const char* list : {"provisions", "transfers"})
            for (const auto& f : dict.list("/coverage_items/flow"))
                out.push_back(std::string("files[].") + list + "[]." + f);
        for (const auto& f : entrust_items) out.push_back("files[].entrustments[]." + f);
        return out;
    }();
    return order;
}

// The position of a pattern (exact), or of the first item under it, in the order of the form.
int rank_of(const std::string& prefix, bool exact) {
    const auto& order = form_order();
    for (size_t i = 0; i < order.size(); ++i)
        if (order[i] == prefix || (!exact && order[i].rfind(prefix + ".", 0) == 0)) return static_cast<int>(i);
    return INT_MAX / 2;
}

}  // namespace

std::string coverage_label(const std::string& item, Lang lang) {
    const auto segs = segments(item);
    const auto& items = labels().value("items", nlohmann::json::object());
    const auto& entries = labels().value("entries", nlohmann::json::object());
    const std::string full = pattern(segs, segs.size());
    const std::string own = in_lang(items.value(full, nlohmann::json()), lang);
    if (own.empty()) return item;
    std::vector<std::string> prefix;
    for (const auto& s : segs)
        if (s.index >= 0) {
            const std::string word = in_lang(entries.value(s.name, nlohmann::json()), lang);
            prefix.push_back((word.empty() ? s.name.substr(0, s.name.size() - 2) + " " : word) +
                             std::to_string(s.index + 1));
        }
    if (prefix.empty()) return own;
    std::string out;
    if (lang == Lang::en) {
        for (const auto& p : prefix) out += (out.empty() ? "" : ", ") + p;
        return out + ": " + own;
    }
    for (const auto& p : prefix) out += p + " ";
    return out + own;
}

std::string coverage_why(const Assessment& a, const std::string& item, Lang lang) {
    auto it = a.coverage.find(item);
    if (it != a.coverage.end() && !it->second.why.empty()) return it->second.why;
    return in_lang(labels().value("why", nlohmann::json()), lang);
}

std::vector<std::string> unread_in_form_order(const Assessment& a) {
    std::vector<std::pair<std::vector<int>, std::string>> keyed;
    for (const auto& item : a.unread_items()) {
        const auto segs = segments(item);
        std::vector<int> key;
        for (size_t i = 0; i < segs.size(); ++i) {
            const bool last = i + 1 == segs.size();
            key.push_back(rank_of(pattern(segs, i + 1), last));
            key.push_back(segs[i].index);
        }
        keyed.emplace_back(std::move(key), item);
    }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    std::vector<std::string> out;
    for (auto& [key, item] : keyed) out.push_back(std::move(item));
    return out;
}

}  // namespace piagraph
