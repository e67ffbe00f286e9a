// The line of a value in JSON text, by its path (assessments[0].systems[2].name): for messages
// about a model that nlohmann already parsed (which keeps no positions).
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace piagraph::model_detail {

// The line (1-based) where the value at `path` (BadValue syntax: keys joined by '.', indices
// in [], e.g. assessments[0].systems[2].name) starts in `text`, or 0. Only called on the error
// path, on text that nlohmann already parsed, so it can skip values without validating them.
class PathLocator {
public:
    PathLocator(const std::string& text, const std::string& path) : text_(text) {
        std::string token;
        for (char c : path) {
            if (c == '.' || c == '[') {
                if (!token.empty()) target_.push_back(token);
                token = c == '[' ? "[" : "";
            } else if (c == ']') {
                target_.push_back(token + "]");
                token.clear();
            } else {
                token += c;
            }
        }
        if (!token.empty()) target_.push_back(token);
    }

    // The same for a path already split: keys as written (a key may hold '.' or '[', as the
    // coverage keys "files[0].sources" do) and indices as "[N]".
    PathLocator(const std::string& text, std::vector<std::string> tokens) : text_(text), target_(std::move(tokens)) {}

    int line() {
        value(0);
        return found_;
    }

private:
    static constexpr int kMaxDepth = 256;  // hostile nesting must not exhaust the stack

    void skip_space() {
        while (pos_ < text_.size() &&
               (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r'))
            ++pos_;
    }

    // At a '"': the string's raw contents (escapes kept, enough to compare ASCII keys).
    std::string string_token() {
        std::string out;
        for (++pos_; pos_ < text_.size() && text_[pos_] != '"'; ++pos_) {
            if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) out += text_[pos_++];
            out += text_[pos_];
        }
        ++pos_;
        return out;
    }

    void value(int depth) {
        skip_space();
        if (found_ || pos_ >= text_.size() || depth > kMaxDepth) return;
        if (current_ == target_) {
            found_ = 1 + static_cast<int>(std::count(text_.begin(), text_.begin() + static_cast<long>(pos_), '\n'));
            return;
        }
        char c = text_[pos_];
        if (c == '{' || c == '[') {
            ++pos_;
            for (size_t index = 0; !found_; ++index) {
                skip_space();
                if (pos_ >= text_.size() || text_[pos_] == '}' || text_[pos_] == ']') break;
                if (c == '{') {
                    std::string key = string_token();
                    skip_space();
                    ++pos_;  // ':'
                    current_.push_back(key);
                } else {
                    current_.push_back("[" + std::to_string(index) + "]");
                }
                value(depth + 1);
                current_.pop_back();
                skip_space();
                if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
            }
            ++pos_;
        } else if (c == '"') {
            string_token();
        } else {
            while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}' && text_[pos_] != ']') ++pos_;
        }
    }

    const std::string& text_;
    std::vector<std::string> target_;
    std::vector<std::string> current_;
    size_t pos_ = 0;
    int found_ = 0;
};

}  // namespace piagraph::model_detail
