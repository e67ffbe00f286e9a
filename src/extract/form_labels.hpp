// The structural labels of the forms (dictionary "form_labels"), matched the way the parsers need:
// row labels exactly, headings by containment, both after NFKC without white space.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace piagraph::extract_detail {

class FormLabels {
public:
    static const FormLabels& get();
    // The spellings of a key, NFKC without white space.
    const std::vector<std::string>& spellings(std::string_view key) const;
    // A label key (see label_key()) equal to one of the spellings.
    bool is(std::string_view key, std::string_view label_key) const;
    // A text (any form) containing one of the spellings.
    bool in(std::string_view key, std::string_view text) const;

private:
    FormLabels();
    std::map<std::string, std::vector<std::string>, std::less<>> spellings_;  // made once
};

// NFKC without white space: the form in which labels are compared.
std::string compact_key(std::string_view s);

}  // namespace piagraph::extract_detail
