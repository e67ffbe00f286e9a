// batch-merge: the outputs of shard runs made into one (rows of every index.sqlite, the
// organisations' folders, then findings.jsonl and index.html written anew from the merged index).
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "index.hpp"
#include "piagraph/batch.hpp"

namespace piagraph {

namespace fs = std::filesystem;
using batch::Database;
using batch::Statement;

namespace {

std::string sql_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

// A hard link where the file system allows it, else a copy; the target is replaced.
void link_or_copy(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    const fs::path tmp = batch::temp_path_beside(to.string());
    fs::create_hard_link(from, tmp, ec);
    if (ec) {
        ec.clear();
        fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
    }
    if (!ec) fs::rename(tmp, to, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw InputError(to.string(), 0,
                         {"ファイルを複写できません: " + ec.message(), "cannot copy the file: " + ec.message()});
    }
}

}  // namespace

BatchSummary merge_batches(const std::vector<std::string>& inputs, const std::string& output, Lang lang) {
    const fs::path out(output);
    std::error_code ec;
    fs::create_directories(out, ec);
    if (!fs::is_directory(out, ec))
        throw InputError(output, 0, {"出力ディレクトリを作成できません", "cannot create the output directory"});
    for (const auto& in : inputs)
        if (!fs::is_regular_file(fs::path(in) / "index.sqlite", ec))
            throw InputError(in, 0,
                             {"index.sqlite がありません（piagraph batch の出力を指定してください）",
                              "no index.sqlite here (name the output of piagraph batch)"});

    const std::string db_path = (out / "index.sqlite").string();
    batch::TempFileBeside db_file(db_path);
    const std::string& db_tmp = db_file.temp();
    BatchSummary summary;
    {
        Database db(db_tmp);
        batch::set_bulk_pragmas(db);
        batch::create_schema(db);
        batch::set_meta(db, "piagraph_version", PIAGRAPH_VERSION);
        std::string roots;
        for (const auto& in : inputs) {
            const std::string shard_db = (fs::path(in) / "index.sqlite").string();
            // One transaction per shard: SQLite detaches only outside a transaction.
            db.exec("ATTACH DATABASE " + sql_quote(shard_db) + " AS shard");
            db.exec("BEGIN");
            {
                Statement meta(db, "SELECT value FROM shard.meta WHERE key = 'root'");
                if (meta.step() && roots.find(meta.text(0)) == std::string::npos)
                    roots += (roots.empty() ? "" : "\n") + meta.text(0);
            }
            // An organisation met again (an overlapping shard, a re-run) keeps its last rows.
            for (const auto& table : batch::row_tables())
                db.exec("DELETE FROM main." + table + " WHERE org IN (SELECT org FROM shard.organisations)");
            for (const auto& table : batch::row_tables())
                db.exec("INSERT INTO main." + table + " SELECT * FROM shard." + table);
            // Its folders: report and rows beside it.
            std::vector<std::string> orgs;
            {
                Statement st(db, "SELECT org FROM shard.organisations ORDER BY org");
                while (st.step()) orgs.push_back(st.text(0));
            }
            db.exec("COMMIT");
            db.exec("DETACH DATABASE shard");
            if (fs::weakly_canonical(in, ec) == fs::weakly_canonical(out, ec)) continue;
            for (const auto& org : orgs) {
                const fs::path from = org == "." ? fs::path(in) : fs::path(in) / org;
                const fs::path to = org == "." ? out : out / org;
                for (const char* name : {"report.html", "batch.json"})
                    if (fs::is_regular_file(from / name, ec)) link_or_copy(from / name, to / name);
            }
        }
        batch::set_meta(db, "root", roots);
        batch::set_meta(db, "shard", "merged");
        batch::create_indexes(db);
        batch::write_findings_jsonl(db, (out / "findings.jsonl").string(), lang);
        batch::write_index_html(db, (out / "index.html").string());
        summary = batch::summary_of(db);
    }
    db_file.commit();
    return summary;
}

}  // namespace piagraph
