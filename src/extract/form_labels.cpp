#include "form_labels.hpp"

#include <algorithm>
#include <map>
#include <mutex>

#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"

namespace piagraph::extract_detail {

std::string compact_key(std::string_view s) {
    std::string out;
    for (char32_t c : text::to_u32(text::nfkc(s)))
        if (c != U' ' && c != U'\t' && c != U'\r' && c != U'\n' && c != 0x3000 && c != 0xA0) out += text::to_utf8(c);
    return out;
}

const FormLabels& FormLabels::get() {
    static const FormLabels labels;
    return labels;
}

const std::vector<std::string>& FormLabels::spellings(const std::string& key) const {
    static std::mutex mutex;
    static std::map<std::string, std::vector<std::string>> cache;
    std::lock_guard<std::mutex> lock(mutex);
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    std::vector<std::string> out;
    const auto& raw = Dictionary::get().raw();
    if (raw.contains("form_labels") && raw.at("form_labels").contains(key))
        for (const auto& s : raw.at("form_labels").at(key)) out.push_back(compact_key(s.get<std::string>()));
    return cache.emplace(key, std::move(out)).first->second;
}

bool FormLabels::is(const std::string& key, std::string_view label_key) const {
    const auto& s = spellings(key);
    return std::find(s.begin(), s.end(), label_key) != s.end();
}

bool FormLabels::in(const std::string& key, std::string_view text) const {
    const std::string k = compact_key(text);
    const auto& s = spellings(key);
    return std::any_of(s.begin(), s.end(), [&](const std::string& x) { return text::contains(k, x); });
}

}  // namespace piagraph::extract_detail
