// Helpers shared by the tests: where the corpus is, running the piagraph binary, temp dirs.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "piagraph/model.hpp"

namespace piagraph::test {

std::filesystem::path source_dir();
std::filesystem::path shared_dir();
// ../shared/corpus/<name>; empty path if ../shared is absent.
std::filesystem::path corpus(const std::string& name);
bool have_shared();
// An annotated gold model of ../shared/corpus/annotations/<name> (they are valid model JSON).
Model gold_model(const std::string& name);

// A system entry (システムN) as a parser reads it: ① at `line`, ③ on the line after.
System make_system(int no, const std::string& name, std::vector<std::string> boxes, std::vector<std::string> other,
                   int line = 0);

// An assessment of one business with one file of that name: the start of most model-level tests.
Assessment one_file_assessment(const std::string& affair, const std::string& form, const std::string& file_name);

struct RunResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};
// Runs the built piagraph with the given arguments (shell-quoted here).
RunResult run_piagraph(const std::vector<std::string>& args);
// Runs any command line through /bin/sh.
RunResult run_command(const std::string& command_line);

// A fresh empty directory, removed at process exit.
std::filesystem::path temp_dir();
std::string read_text(const std::filesystem::path& p);
void write_text(const std::filesystem::path& p, const std::string& content);

}  // namespace piagraph::test

// Skips the test with a message when ../shared is not beside the checkout.
#define PIAGRAPH_REQUIRE_SHARED()                                                                         \
    do {                                                                                                  \
        if (!::piagraph::test::have_shared()) GTEST_SKIP() << "../shared is absent: corpus test skipped"; \
    } while (0)
