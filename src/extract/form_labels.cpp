#include "form_labels.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <stdexcept>

#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

std::string compact_key(std::string_view s) { return text::nfkc_compact(s); }

bool is_valueless_entry(std::string_view key) {
    static const auto no_value = Dictionary::get().list("/value_kinds/no_value");
    return std::find(no_value.begin(), no_value.end(), key) != no_value.end();
}

const FormLabels& FormLabels::get() {
    static const FormLabels labels;
    return labels;
}

FormLabels::FormLabels() {
    const auto& raw = Dictionary::get().raw();
    for (const auto& [key, list] : raw.at("form_labels").items()) {
        if (!list.is_array()) continue;  // "_comment"
        auto& out = spellings_[key];
        for (const auto& s : list) out.push_back(compact_key(s.get<std::string>()));
    }
    for (const auto& key : field_label_keys())
        for (const auto& spelling : spellings(key)) field_labels_.insert(spelling);
    row_labels_ = field_labels_;
    for (const char* key : kOtherRowLabelKeys)
        for (const auto& spelling : spellings(key)) row_labels_.insert(spelling);
    // And every label a row of the forms opens with (②事務の概要, ③消去方法 …), as dictionary
    // "field_labels" lists them by field.
    for (const auto& [field, list] : raw.at("field_labels").items())
        if (list.is_array())
            for (const auto& s : list) row_labels_.insert(compact_key(s.get<std::string>()));
    // The rarest-looking character would be best; the last kanji shared by every spelling is
    // good enough (評価書 ends the title, 番号 the number) and needs no frequency table.
    for (const auto& [key, list] : spellings_) {
        if (list.empty()) continue;
        const std::u32string first = text::to_u32(list.front());
        for (size_t i = first.size(); i-- > 0;) {
            if (first[i] < 0x4E00 || first[i] > 0x9FFF) continue;
            const std::string c = text::to_utf8(first.substr(i, 1));
            if (std::all_of(list.begin(), list.end(), [&](const std::string& s) { return text::contains(s, c); })) {
                filter_chars_.emplace(key, c);
                break;
            }
        }
    }
}

const std::string& FormLabels::filter_char(std::string_view key) const {
    static const std::string none;
    const auto it = filter_chars_.find(key);
    return it == filter_chars_.end() ? none : it->second;
}

const std::vector<std::string>& FormLabels::spellings(std::string_view key) const {
    // The readers ask for a few keys, mostly spelt by the same literal, for nearly every line: a
    // small per-thread cache indexed by where the key's characters lie answers before hashing
    // them. A slot is trusted only when its entry's key equals the one asked for.
    struct Slot {
        const char* data = nullptr;
        const std::pair<const std::string, std::vector<std::string>>* entry = nullptr;
    };
    thread_local std::array<Slot, 64> recent;
    Slot& slot = recent[(reinterpret_cast<std::uintptr_t>(key.data()) >> 2) % recent.size()];
    if (slot.data == key.data() && slot.entry && slot.entry->first == key) return slot.entry->second;
    // A key the dictionary lacks is a programming error, not a label that never matches.
    const auto it = spellings_.find(key);
    if (it == spellings_.end())
        throw std::out_of_range("form_labels/" + std::string(key) + " is not in data/dictionary.json");
    slot = {key.data(), &*it};
    return it->second;
}

const std::vector<std::string>& FormLabels::field_label_keys() {
    static const std::vector<std::string> keys{"affair_name",
                                               "population",
                                               "system_name",
                                               "system_functions",
                                               "system_connections",
                                               "basis",
                                               "linkage_status",
                                               "department",
                                               "sources",
                                               "methods",
                                               "entrust_choice",
                                               "entrust_content",
                                               "contractor",
                                               "entrust_methods",
                                               "resubcontract",
                                               "permission_method",
                                               "resubcontract_items",
                                               "resubcontractor",
                                               "flow_choice",
                                               "purpose",
                                               "info",
                                               "flow_methods",
                                               "timing",
                                               "storage",
                                               "retention",
                                               "erasure",
                                               "file_population",
                                               "file_scope",
                                               "use_subject",
                                               "user_departments",
                                               "user_count",
                                               "file_type",
                                               "file_department",
                                               "record_categories",
                                               "retention_reason",
                                               "flow_population"};
    return keys;
}

bool FormLabels::is_field_label(std::string_view label_key) const { return field_labels_.count(label_key) > 0; }

bool FormLabels::is(std::string_view key, std::string_view label_key) const {
    const auto& s = spellings(key);
    return std::find(s.begin(), s.end(), label_key) != s.end();
}

bool FormLabels::is_row_label(std::string_view label_key) const { return row_labels_.count(label_key) > 0; }

bool FormLabels::in(std::string_view key, std::string_view text) const {
    const std::string k = compact_key(text);
    const auto& s = spellings(key);
    return std::any_of(s.begin(), s.end(), [&](const std::string& x) { return text::contains(k, x); });
}

}  // namespace piagraph::extract_detail
