// The structural labels of the forms (dictionary "form_labels"), matched the way the parsers need:
// row labels exactly, headings by containment, both after NFKC without white space.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace piagraph::extract_detail {

// Hashes std::string and std::string_view alike, so that a table of labels keyed by std::string
// is looked up with a view, without a copy.
struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

class FormLabels {
public:
    static const FormLabels& get();
    // The spellings of a key, NFKC without white space.
    const std::vector<std::string>& spellings(std::string_view key) const;
    // A label key (see label_key()) equal to one of the spellings.
    bool is(std::string_view key, std::string_view label_key) const;
    // A text (any form) containing one of the spellings.
    bool in(std::string_view key, std::string_view text) const;
    // A kanji that every spelling of a key holds ("評価書番号" -> 番 for "number"), "" if none: a
    // line without it cannot hold the label, so long lines are refused before normalising them.
    const std::string& filter_char(std::string_view key) const;
    // A label key that labels a field of sections I and II (kFieldLabelKeys).
    bool is_field_label(std::string_view label_key) const;
    // The keys of those fields' labels: the row labels a value follows.
    static const std::vector<std::string>& field_label_keys();
    // A label key that labels a row of the form: a field's (is_field_label), one of kOtherRowLabelKeys or
    // one dictionary "field_labels" lists.
    bool is_row_label(std::string_view label_key) const;

private:
    FormLabels();
    // Made once; hashed, as the readers look a key up for nearly every line.
    std::unordered_map<std::string, std::vector<std::string>, KeyHash, std::equal_to<>> spellings_;
    std::set<std::string, std::less<>> field_labels_;               // every field label spelling
    std::set<std::string, std::less<>> row_labels_;                 // and every other row label's
    std::map<std::string, std::string, std::less<>> filter_chars_;  // key -> filter_char
};

// The form_labels keys of the cover's row labels, of the change table's header, of 基礎's
// しきい値判断 rows, of VI 評価実施手続's rows and of the head of the department, besides the
// fields' (FormLabels::field_label_keys).
inline constexpr const char* kOtherRowLabelKeys[] = {"number",
                                                     "title_field",
                                                     "organization",
                                                     "published",
                                                     "approval_date",
                                                     "cover",
                                                     "change_date",
                                                     "kiso_population",
                                                     "handlers",
                                                     "serious_incident",
                                                     "threshold_result",
                                                     "comment_period",
                                                     "shortening_reason",
                                                     "review_date",
                                                     "review_method",
                                                     "review_result",
                                                     "head_title"};

// The form_labels keys of the numbered entries (システム3, 委託事項2, 提供先1, 移転先5).
inline constexpr const char* kEntryKeys[] = {"entry_system", "entry_entrust", "entry_provision", "entry_transfer"};

// Whether an entry key's row holds no value of its own (システムN: its name is in ①), by the
// dictionary's value_kinds.no_value.
bool is_valueless_entry(std::string_view key);

// NFKC without white space: the form in which labels are compared.
std::string compact_key(std::string_view s);

}  // namespace piagraph::extract_detail
