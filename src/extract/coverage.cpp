// Which items of its form an assessment's parser read (GitHub issue 9): an item is found when its
// label was met, whatever its value; only then may a reader say 「記載がありません」.
#include "coverage.hpp"

#include "piagraph/dictionary.hpp"

namespace piagraph::extract_detail {

namespace {

// The form's item list under "coverage_items/<group>"; an unknown form is read as 全項目 (the
// longest list), so nothing is silently left out.
std::vector<std::string> items_of(const std::string& group, const std::string& form) {
    const auto& dict = Dictionary::get();
    const auto& forms = dict.raw().at("coverage_items").at(group);
    const auto it = forms.find(form);
    return dict.list("/coverage_items/" + group + "/" + (it != forms.end() ? form : dict.form_names().front()));
}

CoverageItem from_loc(const Loc& loc) { return CoverageItem{loc.known(), loc, ""}; }

Loc loc_of(const std::map<std::string, Loc>& locs, const std::string& key) {
    auto it = locs.find(key);
    return it == locs.end() ? Loc{} : it->second;
}

// Items that also count as read when entries of them were read without their own label.
Loc entries_loc(const Assessment& a, const std::string& item) {
    if (item == "systems" && !a.systems.empty()) return a.systems.front().loc;
    if (item == "connections")
        for (const auto& s : a.systems)
            if (s.connections_loc.known()) return s.connections_loc;
    if (item == "files" && !a.files.empty()) return a.files.front().loc;
    if (item == "attachment1" && !a.attachment1_steps.empty()) return a.attachment1_steps.front().loc;
    if (item == "file_names" && !a.file_names.empty()) return loc_of(a.locs, "file_names");
    return {};
}

void cover_list(Assessment& a, const std::string& prefix, const std::vector<Flow>& flows) {
    const auto items = Dictionary::get().list("/coverage_items/flow");
    for (size_t i = 0; i < flows.size(); ++i)
        for (const auto& item : items) {
            const Loc at =
                item == "basis" && flows[i].basis_loc.known() ? flows[i].basis_loc : loc_of(flows[i].locs, item);
            a.coverage[prefix + "[" + std::to_string(i) + "]." + item] = from_loc(at);
        }
}

}  // namespace

void compute_coverage(Assessment& a) {
    a.coverage.clear();
    for (const auto& item : items_of("assessment", a.form)) {
        Loc at = loc_of(a.locs, item);
        if (!at.known()) at = entries_loc(a, item);
        a.coverage[item] = from_loc(at);
    }
    const auto file_items = items_of("file", a.form);
    auto entrust_items = Dictionary::get().list("/coverage_items/entrustment");
    for (auto& item : items_of("entrustment_by_form", a.form)) entrust_items.push_back(std::move(item));
    for (size_t i = 0; i < a.files.size(); ++i) {
        const FileBlock& f = a.files[i];
        const std::string prefix = "files[" + std::to_string(i) + "]";
        for (const auto& item : file_items) a.coverage[prefix + "." + item] = from_loc(loc_of(f.locs, item));
        cover_list(a, prefix + ".provisions", f.provisions);
        cover_list(a, prefix + ".transfers", f.transfers);
        for (size_t e = 0; e < f.entrustments.size(); ++e)
            for (const auto& item : entrust_items) {
                // ⑧許諾方法 and ⑨再委託事項 belong to 再委託する only.
                const bool resubcontract_field = item == "permission_method" || item == "resubcontract_items";
                if (resubcontract_field && f.entrustments[e].resubcontract == false) continue;
                a.coverage[prefix + ".entrustments[" + std::to_string(e) + "]." + item] =
                    from_loc(loc_of(f.entrustments[e].locs, item));
            }
    }
}

void cover_unread_page(Assessment& a, int page) {
    const auto& why = Dictionary::get().raw().at("coverage_items").at("unread_page_why");
    a.coverage["pages[" + std::to_string(page - 1) + "]"] =
        CoverageItem{false, Loc{0, 0, page}, why.is_string() ? why.get<std::string>() : std::string()};
}

}  // namespace piagraph::extract_detail
