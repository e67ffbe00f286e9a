#include "piagraph/batch.hpp"

#include <tbb/info.h>
#include <tbb/parallel_pipeline.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <iterator>
#include <map>
#include <memory>
#include <new>
#include <nlohmann/json.hpp>

#include "index.hpp"
#include "piagraph/io.hpp"
#include "piagraph/pipeline.hpp"
#include "piagraph/report.hpp"

namespace piagraph {

namespace fs = std::filesystem;
using batch::Database;
using nlohmann::json;

namespace {

constexpr const char* kSidecar = "batch.json";  // OUT/<org>/batch.json: its inputs and index rows
constexpr const char* kReport = "report.html";

bool is_document(const fs::path& p) {
    const std::string ext = p.extension().string();
    return ext == ".pdf" || ext == ".txt" || ext == ".md" || ext == ".json";
}

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.' && name != "." && name != "..";
}

std::string root_string(const std::string& root) {
    std::string s = fs::path(root).lexically_normal().generic_string();
    while (s.size() > 1 && s.back() == '/') s.pop_back();
    return s;
}

std::string join_rel(const std::string& rel, const std::string& name) { return rel == "." ? name : rel + "/" + name; }

fs::path out_dir_of(const fs::path& out, const std::string& rel) { return rel == "." ? out : out / rel; }

json inputs_json(const BatchOrganisation& org, const std::string& root) {
    json inputs = json::array();
    for (const auto& f : org.files) {
        std::error_code ec;
        const auto size = fs::file_size(fs::path(root) / f, ec);
        inputs.push_back({f, ec ? 0 : size});
    }
    return inputs;
}

// The rows kept beside the report, when they are still those of the inputs.
bool read_up_to_date(const BatchOrganisation& org, const std::string& root, const fs::path& out_dir, const json& inputs,
                     bool want_report, json& rows) {
    std::error_code ec;
    const fs::path sidecar = out_dir / kSidecar;
    const auto written = fs::last_write_time(sidecar, ec);
    if (ec) return false;
    for (const auto& f : org.files) {
        const auto t = fs::last_write_time(fs::path(root) / f, ec);
        if (ec || t >= written) return false;
    }
    json j = json::parse(read_file_bytes(sidecar.string(), 1u << 30), nullptr, false);
    if (!j.is_object() || j.value("version", "") != PIAGRAPH_VERSION || j.value("inputs", json()) != inputs ||
        !j.contains("rows") || !j["rows"].is_object())
        return false;
    const json& org_rows = j["rows"]["organisations"];
    if (!org_rows.is_array() || org_rows.size() != 1) return false;
    const json& report = org_rows[0].back();
    if (report.is_string() && !fs::exists(out_dir / kReport, ec)) return false;
    // A run with --no-report wrote no report: one is due now if there is something to report on.
    const json& assessments = j["rows"]["assessments"];
    if (want_report && !report.is_string() && assessments.is_array() && !assessments.empty()) return false;
    rows = std::move(j["rows"]);
    return true;
}

// An allocation that failed is the document's size or damage, said as such (as extract says it).
Message internal_error(const std::exception& e) {
    if (dynamic_cast<const std::bad_alloc*>(&e)) return out_of_memory_error("").message();
    return {std::string("内部エラー: ") + e.what(), std::string("internal error: ") + e.what()};
}

// Where each document fails when the whole folder does not read: each one alone.
struct Work {
    const BatchOrganisation* org = nullptr;
    bool skipped = false;
    json rows;
};

// Each document is read once, on its own: a bad one is listed with its error and the others are
// analysed together (one graph and one check run for the organisation).
std::unique_ptr<Analysis> analyse_organisation(const BatchOrganisation& org, const std::string& root,
                                               std::vector<BatchFailure>& failures) {
    const std::string prefix = root + "/";
    LoadedInputs all;
    for (const auto& f : org.files) {
        try {
            LoadedInputs one = load_inputs({prefix + f});
            std::move(one.assessments.begin(), one.assessments.end(), std::back_inserter(all.assessments));
            all.source_lines.merge(one.source_lines);
            std::move(one.warnings.begin(), one.warnings.end(), std::back_inserter(all.warnings));
        } catch (const InputError& e) {
            failures.push_back({org.rel, f, e.message(), e.line()});
        } catch (const std::exception& e) {
            failures.push_back({org.rel, f, internal_error(e), 0});
        }
    }
    if (all.assessments.empty() && failures.size() == org.files.size()) return nullptr;  // each one listed
    try {
        return std::make_unique<Analysis>(analyse(std::move(all), prefix + org.rel));
    } catch (const InputError& e) {
        const std::string file =
            e.file().compare(0, prefix.size(), prefix) == 0 ? e.file().substr(prefix.size()) : org.rel;
        failures.push_back({org.rel, file, e.message(), e.line()});
    } catch (const std::exception& e) {
        failures.push_back({org.rel, org.rel, internal_error(e), 0});
    }
    return nullptr;
}

std::string report_html(const Analysis& analysis, const BatchOrganisation& org) {
    ReportInput input;
    input.inputs = org.files;
    input.findings = analysis.findings;
    for (const auto& o : analysis.organisations)
        for (auto& d :
             report_diagrams(o.graph, o.findings, "default", o.organization.empty() ? org.rel : o.organization))
            input.diagrams.push_back(std::move(d));
    input.assessments = analysis.inputs.assessments;
    input.source_lines = analysis.inputs.source_lines;
    return render_report_html(input);
}

// Analyses one organisation and writes its report and sidecar; the rows for the index.
json process(const BatchOrganisation& org, const std::string& root, const fs::path& out, const json& inputs,
             bool reports) {
    std::vector<BatchFailure> failures;
    std::unique_ptr<Analysis> analysis = analyse_organisation(org, root, failures);
    const fs::path dir = out_dir_of(out, org.rel);
    std::error_code ec;
    fs::create_directories(dir, ec);
    batch::OrgFacts facts{org.rel, root, org.files.size(), {}, ""};
    if (analysis && reports) {
        try {
            write_file_atomic((dir / kReport).string(), report_html(*analysis, org));
            facts.report = join_rel(org.rel, kReport);
        } catch (const InputError& e) {
            failures.push_back({org.rel, org.rel, e.message(), 0});
        } catch (const std::exception& e) {
            failures.push_back({org.rel, org.rel, internal_error(e), 0});
        }
    }
    facts.failures = std::move(failures);
    json rows = batch::organisation_rows(facts, analysis.get());
    analysis.reset();  // streaming: the graph goes before the next organisation comes
    const json sidecar = {{"version", PIAGRAPH_VERSION}, {"inputs", inputs}, {"rows", rows}};
    write_file_atomic((dir / kSidecar).string(), sidecar.dump(-1, ' ', false, json::error_handler_t::replace));
    return rows;
}

void count_rows(const json& rows, BatchSummary& summary, BatchProgress& progress) {
    const auto& failures = rows["failures"];
    progress.failed_documents += failures.size();
    summary.failed_documents += failures.size();
    summary.assessments += rows["assessments"].size();
    summary.findings += rows["findings"].size();
    for (const auto& f : failures)
        summary.failures.push_back({f[0].get<std::string>(),
                                    f[1].get<std::string>(),
                                    {f[3].get<std::string>(), f[4].get<std::string>()},
                                    f[2].get<int>()});
}

}  // namespace

std::vector<BatchOrganisation> find_organisations(const std::string& root, const std::string& exclude) {
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        throw InputError(root, 0, {"ROOT がディレクトリではありません", "ROOT is not a directory"});
    fs::path excluded;
    if (!exclude.empty()) excluded = fs::weakly_canonical(exclude, ec);
    const fs::path base = fs::path(root_string(root));
    std::map<std::string, BatchOrganisation> found;
    auto add = [&](const fs::path& file) {
        std::string dir = file.parent_path().lexically_relative(base).generic_string();
        if (dir.empty()) dir = ".";
        auto& org = found[dir];
        org.rel = dir;
        org.files.push_back(file.lexically_relative(base).generic_string());
        std::error_code size_ec;
        const auto size = fs::file_size(file, size_ec);
        if (!size_ec) org.bytes += size;
    };
    for (const auto& entry : fs::directory_iterator(base, ec))
        if (entry.is_regular_file() && is_document(entry.path()) && !hidden(entry.path())) add(entry.path());
    for (auto it = fs::recursive_directory_iterator(base, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        const auto& entry = *it;
        std::error_code e2;
        if (entry.is_directory(e2)) {
            if (hidden(entry.path()) || (!excluded.empty() && fs::weakly_canonical(entry.path(), e2) == excluded)) {
                it.disable_recursion_pending();
                continue;
            }
            for (const auto& child : fs::directory_iterator(entry.path(), e2))
                if (child.is_regular_file() && is_document(child.path()) && !hidden(child.path())) add(child.path());
        }
    }
    std::vector<BatchOrganisation> out;
    for (auto& entry : found) {
        std::sort(entry.second.files.begin(), entry.second.files.end());
        out.push_back(std::move(entry.second));
    }
    return out;
}

std::uint64_t fnv1a64(std::string_view bytes) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return h;
}

int shard_of(const std::string& rel, int count) {
    if (count <= 1) return 0;
    // FNV-1a's low bits are weakly mixed (its parity is the parity of the bytes' XOR): MurmurHash3's
    // 64-bit finaliser spreads every bit of it before the modulo.
    std::uint64_t h = fnv1a64(rel);
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 33;
    return static_cast<int>(h % static_cast<std::uint64_t>(count));
}

bool in_shard(const std::string& rel, int index, int count) { return shard_of(rel, count) == index; }

void parse_shard(const std::string& text, int& index, int& count) {
    const Message bad{"--shard は i/n の形で、0 <= i < n としてください（例: 0/4）",
                      "--shard takes i/n with 0 <= i < n (e.g. 0/4)"};
    const auto slash = text.find('/');
    if (slash == std::string::npos || slash == 0 || slash + 1 >= text.size()) throw InputError("--shard", 0, bad);
    try {
        std::size_t used_i = 0, used_n = 0;
        const int i = std::stoi(text.substr(0, slash), &used_i);
        const int n = std::stoi(text.substr(slash + 1), &used_n);
        if (used_i != slash || used_n != text.size() - slash - 1 || n < 1 || i < 0 || i >= n)
            throw InputError("--shard", 0, bad);
        index = i;
        count = n;
    } catch (const std::logic_error&) {
        throw InputError("--shard", 0, bad);
    }
}

namespace {

// One organisation analysed, the pipeline's parallel stage: its rows for the index, read back from
// its outputs when they are newer than its inputs (skipped), else from its documents.
void analyse(Work& w, const BatchOptions& options, const std::string& root, const fs::path& out) {
    const BatchOrganisation& org = *w.org;
    const fs::path dir = out_dir_of(out, org.rel);
    const json inputs = inputs_json(org, root);
    if (!options.force && read_up_to_date(org, root, dir, inputs, options.reports, w.rows)) {
        w.skipped = true;
        return;
    }
    try {
        w.rows = process(org, root, out, inputs, options.reports);
    } catch (const std::exception& e) {
        // the sidecar could not be written: the rows still go to the index
        batch::OrgFacts facts{org.rel, root, org.files.size(), {}, ""};
        facts.failures.push_back({org.rel, org.rel, internal_error(e), 0});
        w.rows = batch::organisation_rows(facts, nullptr);
    }
}

// An organisation's outcome counted in the summary and the progress.
void tally(const Work& w, BatchSummary& summary, BatchProgress& progress) {
    ++progress.organisations_done;
    progress.documents_done += w.org->files.size();
    if (w.skipped) {
        ++progress.skipped;
        ++summary.skipped;
    } else {
        ++summary.analysed;
        progress.documents_analysed += w.org->files.size();
        progress.bytes_analysed += w.org->bytes;
    }
    count_rows(w.rows, summary, progress);
}

}  // namespace

BatchSummary run_batch(const BatchOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&start] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    const std::string root = root_string(options.root);
    const fs::path out(options.output);
    std::error_code ec;
    fs::create_directories(out, ec);
    if (!fs::is_directory(out, ec))
        throw InputError(options.output, 0, {"出力ディレクトリを作成できません", "cannot create the output directory"});

    std::vector<BatchOrganisation> orgs;
    for (auto& o : find_organisations(root, options.output))
        if (in_shard(o.rel, options.shard_index, options.shard_count)) orgs.push_back(std::move(o));

    BatchSummary summary;
    summary.organisations = orgs.size();
    BatchProgress progress;
    progress.organisations_total = orgs.size();
    for (const auto& o : orgs) progress.documents_total += o.files.size();
    summary.documents = progress.documents_total;

    const std::string db_path = (out / "index.sqlite").string();
    batch::TempFileBeside db_file(db_path);
    const std::string& db_tmp = db_file.temp();
    {
        Database db(db_tmp);
        batch::set_bulk_pragmas(db);
        batch::create_schema(db);
        batch::set_meta(db, "piagraph_version", PIAGRAPH_VERSION);
        batch::set_meta(db, "root", root);
        batch::set_meta(db, "shard", std::to_string(options.shard_index) + "/" + std::to_string(options.shard_count));
        db.exec("BEGIN");
        batch::RowWriter writer(db);

        const int jobs = options.jobs > 0 ? options.jobs : tbb::info::default_concurrency();
        std::size_t next = 0;
        tbb::task_arena arena(jobs);
        arena.execute([&] {
            tbb::parallel_pipeline(
                static_cast<std::size_t>(jobs) * 2,
                tbb::make_filter<void, Work*>(tbb::filter_mode::serial_in_order, [&](tbb::flow_control& fc) -> Work* {
                    if (next >= orgs.size()) {
                        fc.stop();
                        return nullptr;
                    }
                    auto* w = new Work;
                    w->org = &orgs[next++];
                    return w;
                }) & tbb::make_filter<Work*, Work*>(tbb::filter_mode::parallel, [&](Work* w) -> Work* {
                    analyse(*w, options, root, out);
                    return w;
                }) & tbb::make_filter<Work*, void>(tbb::filter_mode::serial_in_order, [&](Work* raw) {
                    std::unique_ptr<Work> w(raw);
                    writer.insert(w->rows);
                    tally(*w, summary, progress);
                    progress.seconds = elapsed();
                    if (options.progress) options.progress(progress);
                }));
        });
        db.exec("COMMIT");
        batch::create_indexes(db);
        batch::write_findings_jsonl(db, (out / "findings.jsonl").string(), options.lang);
        batch::write_index_html(db, (out / "index.html").string());
    }
    db_file.commit();
    summary.seconds = elapsed();
    progress.seconds = summary.seconds;
    progress.finished = true;
    if (options.progress) options.progress(progress);
    return summary;
}

}  // namespace piagraph
