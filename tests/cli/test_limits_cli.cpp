// The limits that keep a hostile input bounded (GitHub issue 12, item 6), through the real
// binary: each limit reached is one clear line (Japanese by default, English with --lang en)
// and exit code 2 (running out of memory before any limit too), or, for a diagram too large to
// lay out, a diagram of its first nodes that says what it left out. Inputs are built here; the
// tests assert behaviour, never time.
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "piagraph/limits.hpp"
#include "piagraph/text.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;
using test::run_piagraph;
using test::RunResult;

fs::path write_input(const fs::path& dir, const std::string& name, const std::string& bytes) {
    const fs::path p = dir / name;
    test::write_text(p, bytes);
    return p;
}

// Exit 2 and one line on stderr that starts with `prefix` and holds `fragment`; no internal error.
void expect_refused(const RunResult& r, const std::string& prefix, const std::string& fragment) {
    EXPECT_EQ(r.exit_code, 2) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind(prefix, 0), 0u) << "expected '" << prefix << "' first: " << r.err;
    EXPECT_TRUE(text::contains(r.err, fragment)) << "expected '" << fragment << "' in: " << r.err;
    EXPECT_FALSE(text::contains(r.err, "内部エラー") || text::contains(r.err, "internal error")) << r.err;
}

std::string deep_json(size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(LimitsCli, JsonModelNested100000DeepIsOneClearLine) {
    const fs::path dir = test::temp_dir();
    const fs::path model = write_input(dir, "deep.json", "{\"assessments\": " + deep_json(100000) + "}");
    for (const char* command : {"check", "render", "report"}) {
        expect_refused(run_piagraph({command, model.string()}), model.string() + ":1: ", "JSON の入れ子が深すぎます");
        expect_refused(run_piagraph({"--lang", "en", command, model.string()}),
                       model.string() + ":1: ", "JSON nested too deep");
    }
}

TEST(LimitsCli, JsonModelOverTheTextLimitIsRefused) {
    // A model is text: it gets the text limit, not the PDF's larger one.
    const fs::path dir = test::temp_dir();
    const std::string pad(limits::kMaxTextBytes, 'x');
    const fs::path model = write_input(dir, "big.json", "{\"assessments\": [], \"pad\": \"" + pad + "\"}");
    expect_refused(run_piagraph({"check", model.string()}), model.string() + ": ", "ファイルが大きすぎます");
    expect_refused(run_piagraph({"--lang", "en", "check", model.string()}), model.string() + ": ", "file too large");
}

TEST(LimitsCli, DeepStyleAndBaselineAreOneClearLine) {
    const fs::path dir = test::temp_dir();
    // A model as the input: the limits of the style and the baseline are what is tested.
    const fs::path example = write_input(dir, "model.json", R"({"assessments": [{"affair": "a"}]})");
    std::string style = "{\"nodes\": ";
    for (int i = 0; i < 100000; ++i) style += "{\"a\": ";
    style += "1" + std::string(100001, '}');
    const fs::path style_file = write_input(dir, "deep-style.json", style);
    expect_refused(run_piagraph({"--lang", "en", "render", example.string(), "--style", style_file.string()}),
                   style_file.string() + ":1: ", "JSON nested too deep");
    const fs::path baseline = write_input(dir, "deep-baseline.json", "{\"accepted\": " + deep_json(100000) + "}");
    expect_refused(run_piagraph({"check", example.string(), "--baseline", baseline.string()}),
                   baseline.string() + ":1: ", "JSON の入れ子が深すぎます");
}

// システム7 … of a copy of the example, `count` of them, each connected to the next.
std::string document_with_systems(size_t count) {
    const std::string example = test::read_text(test::source_dir() / "examples" / "midori" / "midori-juki.txt");
    const size_t line = example.find("\nシステム7");
    if (line == std::string::npos) return {};
    const size_t at = line + 1;
    std::string systems;
    for (size_t i = 100; i < 100 + count; ++i) {
        const std::string n = std::to_string(i);
        systems += "システム" + n + "\n①システムの名称\t業務システム" + n + "\n②システムの機能\t業務" + n +
                   "の処理\n③他のシステムとの接続\t[] 情報提供ネットワークシステム [○] 庁内連携システム [] "
                   "住民基本台帳ネットワークシステム [] 既存住民基本台帳システム [] 宛名システム等 [] 税務システム "
                   "[○] その他 (業務システム" +
                   std::to_string(i + 1) + ")\n";
    }
    return example.substr(0, at) + systems + example.substr(at);
}

TEST(LimitsCli, DocumentWithTenThousandSystemsIsRefusedWithoutOutput) {
    const fs::path dir = test::temp_dir();
    const std::string text = document_with_systems(10000);
    ASSERT_FALSE(text.empty()) << "the example has no システム7";
    const fs::path input = write_input(dir, "many.txt", text);
    const fs::path output = dir / "model.json";
    expect_refused(run_piagraph({"extract", input.string(), "-o", output.string()}), input.string() + ":",
                   "システムが多すぎます");
    expect_refused(run_piagraph({"--lang", "en", "extract", input.string(), "-o", output.string()}),
                   input.string() + ":", "too many systems");
    EXPECT_FALSE(fs::exists(output));
}

TEST(LimitsCli, JsonModelWithTenThousandSystemsIsRefused) {
    const fs::path dir = test::temp_dir();
    std::string model = "{\"assessments\": [{\"affair\": \"a\", \"systems\": [";
    for (int i = 0; i < 10000; ++i)
        model += std::string(i ? "," : "") + "{\"name\": \"業務システム" + std::to_string(i) + "\"}";
    const fs::path input = write_input(dir, "many.json", model + "]}]}");
    expect_refused(run_piagraph({"check", input.string()}), input.string() + ":1: ", "システムが多すぎます");
    expect_refused(run_piagraph({"--lang", "en", "render", input.string()}),
                   input.string() + ":1: ", "too many systems");
}

// The time and the memory limit of extraction, each reached with the option set to 0: one line
// naming the file, the limit and the option, no output file; the option raised, the same input
// is read.
TEST(LimitsCli, ExtractionTimeAndMemoryLimitsNameTheOptionThatRaisesThem) {
    struct Limit {
        const char* option;
        const char* raised;  // a value under which the example is read
        std::string ja, en;
    };
    const std::vector<Limit> limits_reached = {
        {"--max-seconds", "600", "読み取りに時間がかかりすぎました（上限 0 秒。--max-seconds で変更できます）",
         "extraction took too long (limit 0 s; raise it with --max-seconds)"},
        {"--max-memory", "64", "読み取りに必要なメモリが多すぎます（上限 0 MB。--max-memory で変更できます）",
         "extraction needs too much memory (limit 0 MB; raise it with --max-memory)"},
    };
    const fs::path out = test::temp_dir() / "model.json";
    const std::string in = (test::source_dir() / "examples" / "midori" / "midori-juki.txt").string();
    for (const auto& limit : limits_reached) {
        expect_refused(run_piagraph({"extract", in, limit.option, "0", "-o", out.string()}), in + ": ", limit.ja);
        expect_refused(run_piagraph({"--lang", "en", "extract", in, limit.option, "0", "-o", out.string()}), in + ": ",
                       limit.en);
        EXPECT_FALSE(fs::exists(out)) << limit.option;
        const RunResult raised = run_piagraph({"extract", in, limit.option, limit.raised, "-o", out.string()});
        EXPECT_EQ(raised.exit_code, 0) << limit.option << ": " << raised.err;
        fs::remove(out);
    }
}

#if defined(__SANITIZE_ADDRESS__)
#define PIAGRAPH_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define PIAGRAPH_ASAN 1
#endif
#endif

TEST(LimitsCli, RunningOutOfMemoryIsOneClearLine) {
#ifdef PIAGRAPH_ASAN
    GTEST_SKIP() << "the address sanitizer reserves more address space than the limit set here";
#endif
    // 100 MB of address space: enough to start and read the example (about 40 MB), not to read
    // 30 MB of text (the example repeated), whose lines, parts and model need several times that.
    constexpr const char* kAddressSpaceKb = "100000";
    const fs::path dir = test::temp_dir();
    const fs::path example = test::source_dir() / "examples" / "midori" / "midori-juki.txt";
    const std::string one = test::read_text(example);
    std::string many = one;
    while (many.size() < 30u * 1000u * 1000u) many += "\n\f\n" + one;
    const fs::path big = write_input(dir, "big.txt", many);
    auto limited = [&](const fs::path& in, const std::string& lang) {
        return test::run_command("ulimit -v " + std::string(kAddressSpaceKb) + " && '" + PIAGRAPH_EXE + "' --lang " +
                                 lang + " extract '" + in.string() + "' -o '" + (dir / "model.json").string() + "'");
    };
    const RunResult small = limited(example, "ja");
    ASSERT_EQ(small.exit_code, 0) << "the limit is too low to start: " << small.err;
    // Where the allocation fails (reading, extracting, writing JSON) decides whether the line
    // names the file or the program; it is one line either way.
    expect_refused(limited(big, "ja"), "", "メモリが足りなくなりました");
    expect_refused(limited(big, "en"), "", "out of memory");
}

// The longest text of the SVG's <text> elements, in characters.
size_t longest_svg_text(const std::string& svg) {
    static const std::regex text_element("<text[^>]*>([^<]*)</text>");
    size_t longest = 0;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), text_element); it != std::sregex_iterator(); ++it)
        longest = std::max(longest, text::length((*it)[1].str()));
    return longest;
}

TEST(LimitsCli, LabelsTenThousandCharactersLongAreDrawnCut) {
    // Every text that becomes a label (organisation cluster, business, system, file, recipient,
    // contractor, step) 10,000 characters long: drawn, each label cut to the limit.
    const fs::path dir = test::temp_dir();
    std::string l;
    for (int i = 0; i < 10000; ++i) l += "長";
    const std::string model =
        R"({"assessments": [{"organization": ")" + l + R"(", "affair": ")" + l + R"(", "department": ")" + l +
        R"(", "systems": [{"name": ")" + l + R"(", "connections": ["庁内連携システム"], "other": [")" + l +
        R"("]}], "files": [{"names": [")" + l + R"("], "sources": [{"kind": "本人又は本人の代理人", "detail": ")" + l +
        R"("}], "provisions": [{"recipient": ")" + l + R"(", "basis": ")" + l +
        R"("}], "entrustments": [{"contractor": ")" + l + R"("}]}], "attachment1_steps": [{"label": "1-①", "text": ")" +
        l + R"("}]}]})";
    const fs::path input = write_input(dir, "long.json", model);
    for (const char* view : {"annex1", "systems", "flows", "org"}) {
        const fs::path svg = dir / (std::string(view) + ".svg");
        const RunResult r = run_piagraph({"render", input.string(), "--view", view, "-o", svg.string()});
        ASSERT_EQ(r.exit_code, 0) << view << ": " << r.err;
        const std::string out = test::read_text(svg);
        EXPECT_TRUE(text::contains(out, "</svg>")) << view;
        EXPECT_LE(longest_svg_text(out), limits::kMaxLabelChars + 1) << view;
    }
    const RunResult check = run_piagraph({"check", input.string()});
    EXPECT_NE(check.exit_code, 2) << check.err;
}

TEST(LimitsCli, DiagramOverTheLayoutLimitIsDrawnBoundedAndSaysSo) {
    // Ten assessments of one organisation, 1,000 systems each (the most one may have): 10,000
    // systems in the org view. The picture lays out its first nodes and says how many it left out;
    // DOT keeps them all.
    const fs::path dir = test::temp_dir();
    std::string model = "{\"assessments\": [";
    for (int a = 0; a < 10; ++a) {
        model += std::string(a ? "," : "") + "{\"organization\": \"架空市\", \"affair\": \"事務" + std::to_string(a) +
                 "\", \"systems\": [";
        for (size_t s = 0; s < limits::kMaxSystemsPerAssessment; ++s)
            model += std::string(s ? "," : "") + "{\"name\": \"業務" + std::to_string(a) + "システム" +
                     std::to_string(s) + "\", \"connections\": [\"庁内連携システム\"]}";
        model += "]}";
    }
    const fs::path input = write_input(dir, "org.json", model + "]}");
    const fs::path svg = dir / "org.svg";
    const RunResult ja = run_piagraph({"render", input.string(), "--no-checks", "--view", "org", "-o", svg.string()});
    ASSERT_EQ(ja.exit_code, 0) << ja.err;
    EXPECT_TRUE(text::contains(ja.err, "ノード")) << ja.err;
    EXPECT_TRUE(text::contains(ja.err, "配置の上限 " + std::to_string(limits::kMaxLayoutNodes))) << ja.err;
    const std::string picture = test::read_text(svg);
    EXPECT_TRUE(text::contains(picture, "先頭のノードだけを描いています")) << picture.substr(0, 2000);
    EXPECT_TRUE(text::contains(picture, std::to_string(limits::kMaxLayoutNodes) + " / ")) << picture.substr(0, 2000);

    const RunResult en =
        run_piagraph({"--lang", "en", "render", input.string(), "--no-checks", "--view", "org", "-o", svg.string()});
    ASSERT_EQ(en.exit_code, 0) << en.err;
    EXPECT_TRUE(text::contains(en.err, "nodes left out (layout limit " + std::to_string(limits::kMaxLayoutNodes)))
        << en.err;

    const fs::path dot = dir / "org.dot";
    const RunResult all = run_piagraph({"render", input.string(), "--no-checks", "--view", "org", "-o", dot.string()});
    ASSERT_EQ(all.exit_code, 0) << all.err;
    EXPECT_FALSE(text::contains(all.err, "配置の上限")) << all.err;
    EXPECT_TRUE(text::contains(test::read_text(dot), "業務9システム999"));
}

}  // namespace
}  // namespace piagraph
