// The vocabulary of data/dictionary.json (embedded at build time): form names, option
// labels, checkbox mark spellings and the alias dictionary of the standard systems.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace piagraph {

struct StandardSystem {
    std::string id;
    std::string name;  // canonical name
    std::string box;   // the I-2 ③ box that denotes it, or ""
    std::string kind;  // system | location
    bool hub = false;
    std::vector<std::string> aliases;
};

// One of the three forms (dictionary "forms"): 全項目評価書 / 全項目 / 様式4 …
struct FormInfo {
    std::string name;        // 全項目評価書
    std::string short_name;  // 全項目
    std::string style;       // 様式4
};

class Dictionary {
public:
    // The embedded dictionary, parsed and checked against the embedded
    // schemas/dictionary.schema.json once, at first use: a missing or mistyped key throws
    // InputError naming the key, so no feature is switched off silently.
    static const Dictionary& get();
    // A dictionary from JSON text, checked the same way (tests; a build with another vocabulary).
    static Dictionary parse(const std::string& json_text);
    // What is wrong with a dictionary against the schema: "/form_labels/basis: missing" …
    static std::vector<std::string> problems(const nlohmann::json& dictionary);

    const nlohmann::json& raw() const { return raw_; }
    // An option list by its key in "options" (connections, source_kinds, …).
    const std::vector<std::string>& options(const std::string& group) const;
    const std::vector<std::string>& checked_marks() const { return checked_marks_; }
    const std::vector<StandardSystem>& systems() const { return systems_; }
    const std::vector<std::string>& form_names() const { return form_names_; }
    const std::vector<FormInfo>& forms() const { return forms_; }
    // The form a text names, by its name (全項目評価書) or its 様式 number (様式４, but not 様式41),
    // compared after NFKC; nullptr if none.
    const FormInfo* form_of(std::string_view text) const;
    // A string array anywhere in the file, by JSON pointer ("/parties/company_markers").
    std::vector<std::string> list(const std::string& json_pointer) const;
    // A string anywhere in the file, by JSON pointer ("/graph/unnamed/file").
    std::string word(const std::string& json_pointer) const;
    // A form label as the form prints it: the first spelling of form_labels/<key> ("basis" ->
    // 法令上の根拠). A key that is not there is a programming error (std::out_of_range).
    const std::string& form_label(const std::string& key) const;

    // The standard system a name mentions: the longest alias contained in the name's match key
    // (住民基本台帳ネットワークシステム wins over 住民基本台帳システム). Exact alias matches win
    // over contained ones. nullptr if none.
    const StandardSystem* resolve_system(std::string_view name) const;
    const StandardSystem* system_by_id(std::string_view id) const;

    // A system name without its trailing bracketed parts (個人住民税システム(税務システム内),
    // 住基ネット(以下「…」という。)), NFKC-normalised: the name to match and to show.
    std::string normalize_system_name(std::string_view name) const;

    // The standard system a system name IS (not merely mentions): its normalised name is an
    // alias, or an alias plus a generic remainder ("graph/alias_remainders": システム, 等), so
    // 国税連携支援システム is not 国税連携. Used for canonical ids everywhere.
    const StandardSystem* resolve_standard(std::string_view name) const;
    // The name a person recognises: a standard system's canonical name, else the name as written
    // (spaces squeezed).
    std::string display_name(std::string_view name) const;

    // A method label as written (電子記録媒体, 市内連携システム …) mapped to its standard label,
    // or nullopt if it is none of the option labels of that group.
    std::optional<std::string> standard_option(const std::string& group, std::string_view written) const;

private:
    explicit Dictionary(nlohmann::json raw);
    nlohmann::json raw_;
    std::vector<std::string> checked_marks_;
    std::vector<StandardSystem> systems_;
    std::vector<std::string> form_names_;
    std::vector<FormInfo> forms_;
    std::map<std::string, std::string, std::less<>> form_labels_;  // key -> first spelling
    // (match key, system index), longest key first
    std::vector<std::pair<std::string, size_t>> alias_keys_;
    std::map<std::string, std::vector<std::string>> options_;
    // group -> (match key of a label or alias -> standard label); the first spelling wins
    std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> option_keys_;
    std::vector<std::string> alias_remainders_;  // match keys
};

}  // namespace piagraph
