// piagraph batch (GitHub issue 13): a small ROOT made of copies of the example city at several
// depths plus one broken document; the index, the failures, findings.jsonl against analyse(),
// resuming, --force, shards merged, and index.html in a real headless Chromium.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <tuple>

#include "browser.hpp"
#include "piagraph/batch.hpp"
#include "piagraph/pipeline.hpp"
#include "test_support.hpp"

namespace piagraph {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kExamples = test::source_dir() / "examples" / "midori";

struct Tree {
    fs::path root;
    // organisation -> its good documents (relative to root)
    std::map<std::string, std::vector<std::string>> good;
    std::string broken;  // relative to root
};

void copy_into(Tree& t, const std::string& org, const std::vector<std::string>& names) {
    fs::create_directories(t.root / org);
    for (const auto& n : names) {
        fs::copy_file(kExamples / n, t.root / org / n);
        t.good[org].push_back(org + "/" + n);
    }
}

// Four organisations at depths 1 to 3; one holds a document of binary bytes.
Tree make_tree() {
    Tree t;
    t.root = test::temp_dir() / "root";
    copy_into(t, "北海道/みどり市",
              {"midori-juki.txt", "midori-kiso.txt", "midori-kojin-juminzei.txt", "midori-kokuho.txt"});
    copy_into(t, "東京都/区部/あおば区", {"midori-juki.txt", "midori-kokuho.txt"});
    copy_into(t, "国/さくら庁", {"midori-kiso.txt"});
    copy_into(t, "もみじ町", {"midori-kojin-juminzei.txt"});
    // A document with items the reader could not find: rows of the coverage table.
    fs::copy_file(test::source_dir() / "tests/fixtures/coverage/kojin-juminzei-unread.txt",
                  t.root / "もみじ町/unread.txt");
    t.good["もみじ町"].push_back("もみじ町/unread.txt");
    t.broken = "国/さくら庁/壊れた.txt";
    static const char kBinary[] = "\x00\x01\x02\xff\xfe binary\x00\x00";
    test::write_text(t.root / t.broken, std::string(kBinary, sizeof kBinary - 1));
    // Not documents, not organisations.
    fs::create_directories(t.root / "東京都" / "空");
    test::write_text(t.root / "東京都" / "空" / "memo.csv", "a,b\n");
    return t;
}

struct Db {
    sqlite3* db = nullptr;
    explicit Db(const fs::path& p) {
        EXPECT_EQ(sqlite3_open_v2(p.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
    }
    ~Db() { sqlite3_close(db); }
    long long count(const std::string& sql) {
        sqlite3_stmt* st = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sql << sqlite3_errmsg(db);
        long long n = -1;
        if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        return n;
    }
    // Every row of a table as text, sorted (the order rows were inserted in does not matter).
    std::multiset<std::string> rows(const std::string& table) {
        std::multiset<std::string> out;
        sqlite3_stmt* st = nullptr;
        EXPECT_EQ(sqlite3_prepare_v2(db, ("SELECT * FROM " + table).c_str(), -1, &st, nullptr), SQLITE_OK);
        while (sqlite3_step(st) == SQLITE_ROW) {
            std::string row;
            for (int i = 0; i < sqlite3_column_count(st); ++i) {
                const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
                row += (p ? std::string(p) : std::string("<null>")) + "\x1f";
            }
            out.insert(row);
        }
        sqlite3_finalize(st);
        return out;
    }
};

const std::vector<std::string> kTables = {"organisations", "assessments", "systems",  "connections", "files",
                                          "flows",         "findings",    "coverage", "failures"};

BatchOptions options_for(const Tree& t, const fs::path& out) {
    BatchOptions o;
    o.root = t.root.string();
    o.output = out.string();
    o.jobs = 2;
    return o;
}

using Key = std::tuple<std::string, std::string, int, std::string>;  // file, kind, line, rule

TEST(Batch, ShardHashIsFnv1a) {
    EXPECT_EQ(fnv1a64(""), 14695981039346656037ull);
    EXPECT_EQ(fnv1a64("a"), 0xaf63dc4c8601ec8cull);
    EXPECT_EQ(fnv1a64("foobar"), 0x85944171f73967e8ull);
    // Paths alike but for a digit spread evenly over the shards (FNV-1a's parity alone would not).
    std::map<int, int> two, sixteen;
    for (int k = 0; k < 1000; ++k) {
        const std::string rel = "p" + std::to_string(k % 47) + "/c" + std::to_string(k);
        ++two[shard_of(rel, 2)];
        ++sixteen[shard_of(rel, 16)];
        EXPECT_TRUE(in_shard(rel, shard_of(rel, 16), 16));
    }
    EXPECT_GT(two[0], 420);
    EXPECT_GT(two[1], 420);
    ASSERT_EQ(sixteen.size(), 16u);
    for (const auto& [shard, count] : sixteen) EXPECT_GT(count, 30) << shard;
    int i = -1, n = -1;
    parse_shard("1/4", i, n);
    EXPECT_EQ(i, 1);
    EXPECT_EQ(n, 4);
    for (const char* bad : {"4/4", "-1/2", "1/0", "a/2", "1", "1/2x", "/2"})
        EXPECT_THROW(parse_shard(bad, i, n), InputError) << bad;
}

TEST(Batch, FindsOrganisationsAtAnyDepth) {
    const Tree t = make_tree();
    const auto orgs = find_organisations(t.root.string());
    std::vector<std::string> rels;
    for (const auto& o : orgs) rels.push_back(o.rel);
    EXPECT_EQ(rels, (std::vector<std::string>{"もみじ町", "北海道/みどり市", "国/さくら庁", "東京都/区部/あおば区"}));
    EXPECT_EQ(orgs[2].files, (std::vector<std::string>{"国/さくら庁/midori-kiso.txt", "国/さくら庁/壊れた.txt"}));
}

TEST(Batch, IndexFailuresAndFindingsMatchAnalyse) {
    const Tree t = make_tree();
    const fs::path out = test::temp_dir() / "out";
    const BatchSummary s = run_batch(options_for(t, out));
    EXPECT_EQ(s.organisations, 4u);
    EXPECT_EQ(s.analysed, 4u);
    EXPECT_EQ(s.documents, 10u);
    ASSERT_EQ(s.failures.size(), 1u);
    EXPECT_EQ(s.failures[0].file, t.broken);
    EXPECT_EQ(s.failures[0].organisation, "国/さくら庁");
    EXPECT_FALSE(s.failures[0].error.ja.empty());

    // What analyse() says of the same files, organisation by organisation.
    std::set<Key> expected;
    std::size_t assessments = 0, findings = 0, systems = 0;
    for (const auto& [org, files] : t.good) {
        std::vector<std::string> paths;
        for (const auto& f : files) paths.push_back(t.root.string() + "/" + f);
        const Analysis a = analyse(paths);
        assessments += a.inputs.assessments.size();
        for (const auto& as : a.inputs.assessments) systems += as.systems.size();
        findings += a.findings.size();
        for (const auto& f : a.findings) {
            const std::string file =
                f.locations.empty() ? "" : f.locations.front().file.substr(t.root.string().size() + 1);
            expected.insert({file, f.kind, f.locations.empty() ? 0 : f.locations.front().line, f.rule});
        }
    }
    ASSERT_GT(findings, 0u);
    EXPECT_EQ(s.assessments, assessments);
    EXPECT_EQ(s.findings, findings);

    Db db(out / "index.sqlite");
    EXPECT_EQ(db.count("SELECT count(*) FROM organisations"), 4);
    EXPECT_EQ(db.count("SELECT count(*) FROM assessments"), static_cast<long long>(assessments));
    EXPECT_EQ(db.count("SELECT count(*) FROM systems"), static_cast<long long>(systems));
    EXPECT_EQ(db.count("SELECT count(*) FROM findings"), static_cast<long long>(findings));
    EXPECT_EQ(db.count("SELECT sum(documents) FROM organisations"), 10);
    EXPECT_GT(db.count("SELECT count(*) FROM coverage WHERE file = 'もみじ町/unread.txt'"), 0);
    EXPECT_EQ(db.count("SELECT count(*) FROM failures WHERE file = '" + t.broken + "' AND error <> ''"), 1);
    EXPECT_EQ(db.count("SELECT failed_documents FROM organisations WHERE org = '国/さくら庁'"), 1);
    EXPECT_EQ(db.count("SELECT count(*) FROM organisations WHERE report IS NULL"), 0);
    EXPECT_EQ(db.count("SELECT count(DISTINCT kind) FROM flows WHERE kind IN ('入手','提供','移転','委託')"), 4);
    EXPECT_EQ(db.count("SELECT count(*) FROM flows WHERE kind NOT IN ('入手','提供','移転','委託')"), 0);
    EXPECT_GT(db.count("SELECT count(*) FROM connections"), 0);
    EXPECT_GT(db.count("SELECT count(*) FROM files WHERE storage_classes LIKE '%cloud%'"), 0);
    // The README's example queries run.
    EXPECT_GE(db.count("SELECT count(*) FROM connections WHERE (from_name LIKE '%中間サーバー%' OR to_name LIKE "
                       "'%中間サーバー%') AND declared_by_from + declared_by_to = 1"),
              0);
    for (const auto& org : t.good) EXPECT_TRUE(fs::is_regular_file(out / org.first / "report.html")) << org.first;

    // findings.jsonl: one finding a line, the same as analyse() found.
    std::istringstream lines(test::read_text(out / "findings.jsonl"));
    std::set<Key> got;
    std::size_t count = 0;
    for (std::string line; std::getline(lines, line);) {
        ++count;
        const json j = json::parse(line);
        for (const char* key : {"file", "kind", "line", "rule", "message", "organisation"})
            ASSERT_TRUE(j.contains(key)) << key << " in " << line;
        EXPECT_EQ(j["file"].get<std::string>().rfind(j["organisation"].get<std::string>() + "/", 0), 0u) << line;
        got.insert({j["file"].get<std::string>(), j["kind"].get<std::string>(), j["line"].get<int>(),
                    j["rule"].get<std::string>()});
    }
    EXPECT_EQ(count, findings);
    EXPECT_EQ(got, expected);

    const std::string html = test::read_text(out / "index.html");
    EXPECT_NE(html.find("</html>"), std::string::npos);
    EXPECT_NE(html.find("href=\"%E5%8C%97%E6%B5%B7%E9%81%93/%E3%81%BF%E3%81%A9%E3%82%8A%E5%B8%82/report.html\""),
              std::string::npos);
    EXPECT_NE(html.find("壊れた.txt"), std::string::npos);
}

TEST(Batch, ResumesSkippingWhatIsUpToDateAndForceRedoes) {
    const Tree t = make_tree();
    const fs::path out = test::temp_dir() / "out";
    const BatchSummary first = run_batch(options_for(t, out));
    EXPECT_EQ(first.analysed, 4u);
    const std::string index = test::read_text(out / "findings.jsonl");
    const auto report = out / "北海道/みどり市/report.html";
    const auto written = fs::last_write_time(report);

    const BatchSummary second = run_batch(options_for(t, out));
    EXPECT_EQ(second.analysed, 0u);
    EXPECT_EQ(second.skipped, 4u);
    EXPECT_EQ(second.findings, first.findings);
    EXPECT_EQ(second.assessments, first.assessments);
    EXPECT_EQ(second.failures.size(), 1u) << "a failure stays reported while its document is unchanged";
    EXPECT_EQ(fs::last_write_time(report), written);
    EXPECT_EQ(test::read_text(out / "findings.jsonl"), index);

    // A changed document redoes its organisation only.
    fs::last_write_time(t.root / "もみじ町/midori-kojin-juminzei.txt", fs::file_time_type::clock::now());
    const BatchSummary third = run_batch(options_for(t, out));
    EXPECT_EQ(third.analysed, 1u);
    EXPECT_EQ(third.skipped, 3u);

    // An index-only run, then a run with reports: the reports are written.
    const fs::path index_only = test::temp_dir() / "index-only";
    BatchOptions no_report = options_for(t, index_only);
    no_report.reports = false;
    EXPECT_EQ(run_batch(no_report).analysed, 4u);
    EXPECT_FALSE(fs::exists(index_only / "北海道/みどり市/report.html"));
    EXPECT_EQ(run_batch(no_report).skipped, 4u);
    EXPECT_EQ(run_batch(options_for(t, index_only)).analysed, 4u);
    EXPECT_TRUE(fs::exists(index_only / "北海道/みどり市/report.html"));

    BatchOptions force = options_for(t, out);
    force.force = true;
    const BatchSummary fourth = run_batch(force);
    EXPECT_EQ(fourth.analysed, 4u);
    EXPECT_EQ(fourth.skipped, 0u);
    EXPECT_NE(fs::last_write_time(report), written);
    EXPECT_EQ(test::read_text(out / "findings.jsonl"), index);
}

TEST(Batch, ShardsMergedGiveTheSameIndexAsOneRun) {
    const Tree t = make_tree();
    std::set<int> shards;
    for (const auto& o : find_organisations(t.root.string())) shards.insert(in_shard(o.rel, 0, 2) ? 0 : 1);
    EXPECT_EQ(shards.size(), 2u) << "the tree should fall into both shards";

    const fs::path whole = test::temp_dir() / "whole";
    run_batch(options_for(t, whole));
    std::vector<std::string> parts;
    for (int i = 0; i < 2; ++i) {
        const fs::path out = test::temp_dir() / ("shard" + std::to_string(i));
        BatchOptions o = options_for(t, out);
        o.shard_index = i;
        o.shard_count = 2;
        run_batch(o);
        parts.push_back(out.string());
    }
    const fs::path merged = test::temp_dir() / "merged";
    const BatchSummary m = merge_batches(parts, merged.string());
    EXPECT_EQ(m.organisations, 4u);
    EXPECT_EQ(m.failures.size(), 1u);
    Db a(whole / "index.sqlite"), b(merged / "index.sqlite");
    for (const auto& table : kTables) {
        const auto rows = a.rows(table);
        EXPECT_FALSE(rows.empty()) << table;
        EXPECT_EQ(rows, b.rows(table)) << table;
    }
    EXPECT_EQ(test::read_text(merged / "findings.jsonl"), test::read_text(whole / "findings.jsonl"));
    for (const auto& org : t.good) EXPECT_TRUE(fs::is_regular_file(merged / org.first / "report.html")) << org.first;
    EXPECT_EQ(test::read_text(merged / "index.html"), test::read_text(whole / "index.html"));
}

TEST(BatchCli, ExitCodeProgressAndIndexPageInChromium) {
    const Tree t = make_tree();
    const fs::path out = test::temp_dir() / "out";
    const auto run = test::run_piagraph({"--lang", "en", "batch", t.root.string(), "-o", out.string(), "--jobs", "2"});
    EXPECT_EQ(run.exit_code, 1) << run.err;
    EXPECT_NE(run.err.find("4 organisations (4 analysed, 0 up to date)"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("1 documents failed"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find(t.broken), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("docs/s"), std::string::npos) << "a last progress line: " << run.err;

    const auto again = test::run_piagraph({"batch", t.root.string(), "-o", out.string(), "--quiet"});
    EXPECT_EQ(again.exit_code, 1);
    EXPECT_EQ(again.err.find("文書/秒"), std::string::npos) << again.err;
    EXPECT_NE(again.err.find(t.broken), std::string::npos) << again.err;

    const auto bad = test::run_piagraph({"batch", t.root.string(), "-o", out.string(), "--shard", "2/2"});
    EXPECT_EQ(bad.exit_code, 2) << bad.err;

    if (!test::have_chromium()) GTEST_SKIP() << "chromium is absent: browser check skipped";
    const auto dom = test::run_command(
        test::chromium("--enable-logging=stderr --v=0 --dump-dom 'file://" + (out / "index.html").string() + "'"));
    ASSERT_EQ(dom.exit_code, 0) << dom.err;
    EXPECT_NE(dom.out.find("</html>"), std::string::npos);
    EXPECT_EQ(dom.err.find("Uncaught"), std::string::npos) << dom.err;
    EXPECT_EQ(dom.err.find(":CONSOLE("), std::string::npos) << dom.err;
    EXPECT_NE(dom.out.find("tabindex=\"0\""), std::string::npos) << "the sorting script ran";
}

}  // namespace
}  // namespace piagraph
