// What the rule files share: a rule made of an info record and a function, the factory
// declarations the registry lists, and helpers to cite model locations.
#pragma once

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "piagraph/checks.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::checks {

using RuleFunction = std::function<void(const Graph&, const RuleInfo&, std::vector<Finding>&)>;

class FunctionRule : public Rule {
public:
    FunctionRule(RuleInfo info, RuleFunction fn) : info_(std::move(info)), fn_(std::move(fn)) {}
    const RuleInfo& info() const override { return info_; }
    void run(const Graph& graph, std::vector<Finding>& out) const override { fn_(graph, info_, out); }

private:
    RuleInfo info_;
    RuleFunction fn_;
};

// Each rule file defines one factory; registry.cpp lists them all. An explicit list, because
// a static library drops object files that nothing references (static registrars would vanish).
#define PIAGRAPH_RULE(name, info, fn)                                        \
    std::unique_ptr<::piagraph::Rule> make_rule_##name() {                   \
        return std::make_unique<::piagraph::checks::FunctionRule>(info, fn); \
    }

inline Location at(const Assessment& a, const Loc& loc, std::string note, std::string quote = "") {
    return Location{a.source_file,   loc.line,         loc.end_line ? loc.end_line : loc.line,
                    std::move(note), std::move(quote), loc.page};
}

inline Location at(const Evidence& e, std::string note) {
    return Location{e.file, e.line, e.end_line, std::move(note), e.quote, e.page};
}

// A header-level or file-level field location, falling back to the enclosing block.
inline Loc field_loc(const std::map<std::string, Loc>& locs, const std::string& field, const Loc& fallback) {
    auto it = locs.find(field);
    return it != locs.end() && it->second.known() ? it->second : fallback;
}

inline Finding finding(const RuleInfo& info, const Assessment& a, Message message, std::vector<Location> locations,
                       std::vector<std::string> subjects = {}, Severity severity_override = Severity::info,
                       bool override_severity = false) {
    Finding f;
    f.rule = info.id;
    f.kind = info.kind;
    f.severity = override_severity ? severity_override : info.severity;
    f.message = std::move(message);
    f.locations = std::move(locations);
    f.assessment = a.affair;
    f.subjects = std::move(subjects);
    return f;
}

inline std::string label_of_system(const char* id) {
    const StandardSystem* s = Dictionary::get().system_by_id(id);
    return s ? s->name : "";
}

// The nth option of a dictionary group (the form's fixed order, REFERENCE §1.4).
inline std::string option(const char* group, size_t index) {
    const auto& list = Dictionary::get().options(group);
    return index < list.size() ? list[index] : "";
}

// Whether a list of method/box labels contains the label (NFKC, spacing and その他(…) aware).
inline bool has_label(const std::vector<std::string>& labels, const std::string& wanted) {
    const std::string key = text::match_key(wanted);
    for (const auto& l : labels) {
        const std::string k = text::match_key(l);
        if (k == key) return true;
        // その他(住民基本台帳ネットワークシステム) is その他, never the system named inside.
    }
    return false;
}

inline bool blank(const std::string& s) {
    const std::string t = text::match_key(s);
    return t.empty() || t == "-" || t == "ー" || t == "―" || t == "－";
}

using text::join;

// A flow that refers to a 別紙 (an annex not in the document) stands for many entries.
inline bool refers_to_annex(const Flow& f) {
    static const std::string annex = text::match_key("別紙");
    return text::match_key(f.recipient).find(annex) != std::string::npos ||
           text::match_key(f.basis).find(annex) != std::string::npos;
}

}  // namespace piagraph::checks

namespace piagraph::checks {

inline const Assessment* assessment_of(const Graph& graph, const std::string& affair) {
    for (const auto& a : graph.assessments)
        if (a.affair == affair) return &a;
    return nullptr;
}

// T01/T02: connections declared by one end only, within one assessment or across the
// assessments of one organisation (defined in t01_one_sided_doc.cpp).
void report_one_sided(const Graph& graph, const RuleInfo& info, bool across_assessments, std::vector<Finding>& out);

// Systems whose ③ marks the connection `box` although they are none of the standard systems
// `owners` (dictionary ids) that connect there (T04 NWS, T05 住基ネット), in read assessments.
template <class Fn>
void for_each_unexpected_box(const Graph& graph, const std::string& box, const std::vector<std::string>& owners,
                             Fn fn) {
    for (const auto& a : graph.assessments) {
        if (!a.form_has("connections") || !a.was_read("connections")) continue;
        for (const auto& s : a.systems) {
            if (!has_label(s.connections, box)) continue;
            const StandardSystem* standard = resolve_standard_system(s.name);
            if (standard && std::find(owners.begin(), owners.end(), standard->id) != owners.end()) continue;
            fn(a, s);
        }
    }
}

}  // namespace piagraph::checks

namespace piagraph::checks {

inline bool contains_any(const std::string& s, const std::vector<std::string>& words) {
    const std::string k = text::match_key(s);
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return k.find(text::match_key(w)) != std::string::npos; });
}

inline bool ends_with_any(const std::string& s, const std::vector<std::string>& words) {
    const std::string k = text::match_key(s);
    return std::any_of(words.begin(), words.end(),
                       [&](const std::string& w) { return text::ends_with(k, text::match_key(w)); });
}

}  // namespace piagraph::checks

namespace piagraph::checks {

// A flow that holds nothing: a template block, not an entry.
inline bool empty_flow(const Flow& f) { return blank(f.recipient) && blank(f.basis) && f.methods.empty(); }

inline Loc basis_loc(const Flow& f) { return f.basis_loc.known() ? f.basis_loc : f.loc; }

// Coverage keys (Assessment::coverage, GitHub issue 9) of a file's, a flow's or an entrustment's
// field, found by the address of the block within the assessment ("" when it is not one of its
// blocks: then Assessment::was_read counts it as read). A rule that asserts an absence asks
// a.was_read(key) first: an item whose label was never read is not "empty".
inline std::string file_item(const Assessment& a, const FileBlock& f, const std::string& field) {
    for (size_t i = 0; i < a.files.size(); ++i)
        if (&a.files[i] == &f) return "files[" + std::to_string(i) + "]." + field;
    return "";
}

inline std::string flow_item(const Assessment& a, const FileBlock& f, const Flow& fl, bool provision,
                             const std::string& field) {
    const auto& list = provision ? f.provisions : f.transfers;
    const std::string file = file_item(a, f, "");
    for (size_t i = 0; i < list.size() && !file.empty(); ++i)
        if (&list[i] == &fl)
            return file + (provision ? "provisions[" : "transfers[") + std::to_string(i) + "]." + field;
    return "";
}

inline std::string entrustment_item(const Assessment& a, const FileBlock& f, const Entrustment& e,
                                    const std::string& field) {
    const std::string file = file_item(a, f, "");
    for (size_t i = 0; i < f.entrustments.size() && !file.empty(); ++i)
        if (&f.entrustments[i] == &e) return file + "entrustments[" + std::to_string(i) + "]." + field;
    return "";
}

// Calls fn(assessment, file, flow, is_provision) for every listed 提供先/移転先.
template <typename Fn>
void for_each_flow(const Graph& graph, Fn fn) {
    for (const auto& a : graph.assessments)
        for (const auto& f : a.files) {
            for (const auto& p : f.provisions)
                if (!empty_flow(p)) fn(a, f, p, true);
            for (const auto& t : f.transfers)
                if (!empty_flow(t)) fn(a, f, t, false);
        }
}

inline std::string flow_word(bool provision, Lang lang) {
    if (lang == Lang::en) return provision ? "provision" : "transfer";
    return provision ? "提供先" : "移転先";
}

}  // namespace piagraph::checks

namespace piagraph::checks {

// Every legal-basis field of an assessment, with what it is and where it was read.
struct BasisField {
    std::string what_ja, what_en, text;
    Loc loc;
};

inline std::vector<BasisField> basis_fields(const Assessment& a) {
    std::vector<BasisField> out{
        {"個人番号の利用の根拠", "basis of use", a.individual_number_basis,
         field_loc(a.locs, "individual_number_basis", a.loc)},
        {"情報連携②", "linkage ②", a.linkage.basis, field_loc(a.locs, "linkage.basis", a.linkage.loc)}};
    for (const auto& f : a.files) {
        for (size_t i = 0; i < f.provisions.size(); ++i)
            out.push_back({"提供先" + std::to_string(i + 1) + "「" + f.provisions[i].recipient + "」①",
                           "provision " + std::to_string(i + 1) + " ①", f.provisions[i].basis,
                           basis_loc(f.provisions[i])});
        for (size_t i = 0; i < f.transfers.size(); ++i)
            out.push_back({"移転先" + std::to_string(i + 1) + "「" + f.transfers[i].recipient + "」①",
                           "transfer " + std::to_string(i + 1) + " ①", f.transfers[i].basis,
                           basis_loc(f.transfers[i])});
    }
    return out;
}

// Citations of the numbering repealed on 2024-05-27 (別表第一/第二 and their 省令).
inline std::vector<Citation> repealed_appendix(const std::vector<Citation>& cs) {
    std::vector<Citation> out;
    for (const auto& c : cs)
        if ((c.law == "番号法" && (c.table == "別表第一" || c.table == "別表第二")) || c.law == "別表第一省令" ||
            c.law == "別表第二省令")
            out.push_back(c);
    return out;
}

}  // namespace piagraph::checks

namespace piagraph::checks {

// The decoded lines of a source document, for rules that look at prose the model does not
// carry: the graph's (the pipeline keeps every document's lines), else read once from the file
// when it is a readable text or PDF (a graph built without the pipeline); nullptr for a JSON model.
const std::vector<std::string>* source_text_lines(const Graph& graph, const std::string& file);

}  // namespace piagraph::checks

namespace piagraph::checks {

// The rules' own tables: data/dictionary.json "checks" (law eras, recipient classes, thresholds).
// A table that is not there is a programming error (it throws), never a rule switched off.
inline const nlohmann::json& check_data(const std::string& pointer) {
    return Dictionary::get().raw().at(nlohmann::json::json_pointer("/checks" + pointer));
}

inline std::vector<std::string> check_list(const std::string& pointer) {
    return Dictionary::get().list("/checks" + pointer);
}

// The era of a dated table (newest first) in force on an ISO date; the newest for "".
inline const nlohmann::json& era_on(const nlohmann::json& eras, const std::string& date) {
    static const nlohmann::json none;
    for (const auto& e : eras)
        if (date.empty() || e.value("from", "") <= date) return e;
    return eras.empty() ? none : eras.back();
}

// Whether a basis cites a 番号法第19条 号 of a flow kind ("/article19_items/<kind>") as numbered
// in the era in force on `date`, or in any era when `date` is "*".
inline bool cites_19_kind(const std::vector<Citation>& cs, const std::string& basis, const std::string& kind,
                          const std::string& date) {
    const auto& eras = check_data("/article19_items/" + kind);
    auto in_era = [&](const nlohmann::json& era) {
        if (era.contains("needs") && !contains_any(basis, era["needs"].get<std::vector<std::string>>())) return false;
        for (int item : era.value("items", std::vector<int>{}))
            if (cites(cs, "番号法", 19, item)) return true;
        return false;
    };
    if (date != "*") return eras.is_array() && in_era(era_on(eras, date));
    for (const auto& era : eras)
        if (in_era(era)) return true;
    return false;
}

// The graph key of the assessment's affair (a finding's subject when it has no narrower one).
inline std::string business_key(const Assessment& a) { return "business:" + text::match_key(a.affair); }

// The date the checks run on, as an ISO date: set_check_date's, else $PIAGRAPH_TODAY, else
// today's (defined in f08_reassess_age.cpp; tests inject it to stay deterministic).
std::string check_date();
void set_check_date(const std::string& iso_date);

}  // namespace piagraph::checks

namespace piagraph::checks {

// Whether a standard system (dictionary ids) is on a system path of the assessment: declared as
// a system, named in some ③その他, or reached through its ③ box (T08, R02).
inline bool has_system_path(const Assessment& a, const std::vector<std::string>& ids, const std::string& box) {
    auto standard = [&](const std::string& name) {
        const StandardSystem* s = resolve_standard_system(name);
        return s && std::find(ids.begin(), ids.end(), s->id) != ids.end();
    };
    for (const auto& s : a.systems) {
        if (standard(s.name) || (!box.empty() && has_label(s.connections, box))) return true;
        if (std::any_of(s.other.begin(), s.other.end(), standard)) return true;
    }
    return false;
}

// Whether coverage found the item's label (a hand-made model without coverage proves nothing).
inline bool label_found(const Assessment& a, const std::string& item) {
    auto it = a.coverage.find(item);
    return it != a.coverage.end() && it->second.found;
}

}  // namespace piagraph::checks
