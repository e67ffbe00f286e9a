// Bad input through the real binary: one line on stderr naming the file (and line where one
// applies), Japanese by default and English with --lang en, exit code 2, and no output file or
// temporary file left behind.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <functional>
#include <set>
#include <string>

#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;
using test::run_piagraph;
using test::RunResult;

template <size_t N>
std::string raw(const char (&s)[N]) {
    return std::string(s, N - 1);
}

std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

struct BadInput {
    std::string name;
    // Creates the input inside `dir` and returns the path to pass to piagraph.
    std::function<fs::path(const fs::path& dir)> make;
    std::string ja;  // a fragment of the Japanese message
    std::string en;  // a fragment of the English message
    int line = 0;    // the line the message must name, 0 if none, kAnyLine if it may name one
};

// Binary data is reported at the line of its first control byte; which line that is says
// little, so only the file is required.
constexpr int kAnyLine = -1;

fs::path write_input(const fs::path& dir, const std::string& name, const std::string& bytes) {
    fs::path p = dir / name;
    test::write_text(p, bytes);
    return p;
}

std::vector<BadInput> bad_inputs() {
    return {
        {"empty", [](const fs::path& d) { return write_input(d, "empty.txt", ""); }, "空", "empty"},
        {"blank", [](const fs::path& d) { return write_input(d, "blank.txt", "\n \n\t\n"); }, "空", "empty"},
        {"png",
         [](const fs::path& d) {
             return write_input(d, "scan.txt", raw("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x02\0\0\0\x01\0\x08\x06\0\0\0"));
         },
         "バイナリ", "binary", kAnyLine},
        {"elf",
         [](const fs::path& d) {
             return write_input(d, "program.txt",
                                raw("\x7f"
                                    "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0\x3e\0\x01\0\0\0") +
                                    std::string(512, '\0'));
         },
         "バイナリ", "binary", kAnyLine},
        {"truncated-utf8",
         [](const fs::path& d) {
             // 「令和7年」 cut after the first byte of 年 on line 3.
             return write_input(d, "cut.txt", "評価書番号\t評価書名\n1\t住民基本台帳に関する事務\n令和7\xE5");
         },
         "途中で切れ", "truncated", 3},
        {"truncated-utf16",
         [](const fs::path& d) { return write_input(d, "cut16.txt", raw("\xFF\xFE\x55\x4f\x0a\x00\x55")); }, "UTF-16",
         "UTF-16"},
        {"directory",
         [](const fs::path& d) {
             fs::create_directory(d / "folder.txt");
             return d / "folder.txt";
         },
         "ディレクトリ", "directory"},
        {"missing", [](const fs::path& d) { return d / "missing.txt"; }, "見つかりません", "not found"},
        {"50MB",
         [](const fs::path& d) {
             fs::path p = d / "huge.txt";
             std::ofstream out(p, std::ios::binary);
             std::string line = std::string(1023, 'a') + "\n";
             for (int i = 0; i < 50 * 1024; ++i) out << line;
             return p;
         },
         "大きすぎ", "too large"},
    };
}

class BadInputTest : public ::testing::TestWithParam<BadInput> {};

// stderr is one line that starts with the input path (and line) and contains the fragment.
void expect_one_line(const RunResult& r, const fs::path& input, int line, const std::string& fragment) {
    EXPECT_EQ(r.exit_code, 2) << r.err;
    ASSERT_FALSE(r.err.empty());
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.back(), '\n');
    std::string prefix = input.string() + (line > 0 ? ":" + std::to_string(line) : std::string());
    EXPECT_EQ(r.err.rfind(prefix, 0), 0u) << "expected the message to start with '" << prefix << "': " << r.err;
    if (line != kAnyLine) {
        EXPECT_EQ(r.err.compare(0, prefix.size() + 2, prefix + ": "), 0) << "expected no line number: " << r.err;
    }
    EXPECT_TRUE(text::contains(r.err, fragment)) << "expected '" << fragment << "' in: " << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
}

TEST_P(BadInputTest, ExtractRefusesWithOneLineAndNoOutput) {
    const BadInput& c = GetParam();
    fs::path dir = test::temp_dir();
    fs::path input = c.make(dir);
    std::set<std::string> before = names_in(dir);
    fs::path output = dir / "model.json";

    RunResult ja = run_piagraph({"extract", input.string(), "-o", output.string()});
    expect_one_line(ja, input, c.line, c.ja);
    EXPECT_FALSE(fs::exists(output));
    EXPECT_EQ(names_in(dir), before) << "a temporary or partial file was left behind";

    RunResult en = run_piagraph({"--lang", "en", "extract", input.string(), "-o", output.string()});
    expect_one_line(en, input, c.line, c.en);
    EXPECT_FALSE(fs::exists(output));
    EXPECT_EQ(names_in(dir), before) << "a temporary or partial file was left behind";
}

INSTANTIATE_TEST_SUITE_P(Classes, BadInputTest, ::testing::ValuesIn(bad_inputs()),
                         [](const ::testing::TestParamInfo<BadInput>& info) {
                             std::string n = info.param.name;
                             std::replace(n.begin(), n.end(), '-', '_');
                             return n;
                         });

// Text that is no assessment at all: refused like any bad input, never a crash or an empty model.
TEST(NotAnAssessment, IsRefusedWithoutOutput) {
    fs::path dir = test::temp_dir();
    fs::path input = write_input(dir, "recipe.txt",
                                 "肉じゃがの作り方\n\n材料\tじゃがいも 3個\n材料\t牛肉 200g\n\n"
                                 "1. じゃがいもの皮をむき、一口大に切る。\n2. 鍋で牛肉を炒める。\n");
    fs::path output = dir / "model.json";
    for (const char* lang : {"ja", "en"}) {
        RunResult r = run_piagraph({"--lang", lang, "extract", input.string(), "-o", output.string()});
        EXPECT_EQ(r.exit_code, 2) << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_EQ(r.err.rfind(input.string() + ":", 0), 0u) << r.err;
        EXPECT_FALSE(text::contains(r.err, "内部エラー") || text::contains(r.err, "internal error")) << r.err;
        EXPECT_FALSE(fs::exists(output));
        EXPECT_EQ(names_in(dir), std::set<std::string>{"recipe.txt"});
    }
}

// An output path that cannot be written: one line, nothing created (whatever extraction did).
TEST(BadOutput, UnwritableTargetIsOneLineAndLeavesNothing) {
    fs::path dir = test::temp_dir();
    fs::path missing_dir_target = dir / "no-such-dir" / "model.json";
    RunResult r = run_piagraph({"extract", (test::source_dir() / "examples" / "midori" / "midori-juki.txt").string(),
                                "-o", missing_dir_target.string()});
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_FALSE(fs::exists(dir / "no-such-dir"));
    EXPECT_TRUE(names_in(dir).empty());
}

TEST(BadArguments, UnknownOptionIsExitTwoWithOneLine) {
    RunResult r = run_piagraph({"extract", "--no-such-option"});
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    RunResult none = run_piagraph({});
    EXPECT_EQ(none.exit_code, 2);
}

}  // namespace
}  // namespace piagraph
