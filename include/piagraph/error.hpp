// Errors that reach the user: one line naming the file (and line), in Japanese or English.
#pragma once

#include <stdexcept>
#include <string>

namespace piagraph {

enum class Lang { ja, en };

// A message in both languages; the CLI picks one with --lang.
struct Message {
    std::string ja;
    std::string en;
    const std::string& in(Lang lang) const { return lang == Lang::ja ? ja : en; }
};

// Bad input: a file that cannot be read, decoded or understood. Exit code 2.
class InputError : public std::runtime_error {
public:
    InputError(std::string file, int line, Message message)
        : std::runtime_error(message.en), file_(std::move(file)), line_(line), message_(std::move(message)) {}
    const std::string& file() const { return file_; }
    int line() const { return line_; }
    const Message& message() const { return message_; }
    // "FILE:LINE: message" (line omitted when unknown).
    std::string format(Lang lang) const;

private:
    std::string file_;
    int line_;
    Message message_;
};

}  // namespace piagraph
