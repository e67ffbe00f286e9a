// JSON (de)serialisation of the model. Reading is lenient about missing keys (a hand-edited
// model may omit what it does not know) and strict about types, naming the path of a bad value.
#include <algorithm>

#include "json_path.hpp"
#include "model_references.hpp"
#include "piagraph/error.hpp"
#include "piagraph/io.hpp"
#include "piagraph/model.hpp"
#include "piagraph/model_schema.hpp"

namespace piagraph {

using nlohmann::json;

namespace {

// A value of the wrong type; `path` grows as the exception travels up (files[2].names[0]).
struct BadValue {
    std::string path;
    std::string expected;
};

std::string join_path(const std::string& head, const std::string& tail) {
    if (tail.empty()) return head;
    return tail[0] == '[' ? head + tail : head + "." + tail;
}

template <class T>
void read_list(const json& j, const char* key, std::vector<T>& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_array()) throw BadValue{key, "array"};
    out.clear();
    for (size_t i = 0; i < it->size(); ++i) {
        try {
            if constexpr (std::is_same_v<T, std::string>) {
                if (!(*it)[i].is_string()) throw BadValue{"", "string"};
                out.push_back((*it)[i].template get<std::string>());
            } else {
                if (!(*it)[i].is_object()) throw BadValue{"", "object"};
                T v;
                from_json((*it)[i], v);
                out.push_back(std::move(v));
            }
        } catch (BadValue& e) {
            throw BadValue{join_path(std::string(key) + "[" + std::to_string(i) + "]", e.path), e.expected};
        }
    }
}

void read_str(const json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_string()) throw BadValue{key, "string"};
    out = it->get<std::string>();
}

// A number written by people either way ("no": 1 or "no": "1", "number": 12): kept as text.
void read_id(const json& j, const char* key, std::string& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (it->is_number_integer())
        out = std::to_string(it->get<long long>());
    else
        read_str(j, key, out);
}

void read_int(const json& j, const char* key, int& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (it->is_number_integer())
        out = it->get<int>();
    else if (it->is_string()) {
        try {
            out = std::stoi(it->get<std::string>());
        } catch (...) {
            throw BadValue{key, "integer"};
        }
    } else
        throw BadValue{key, "integer"};
}

void read_opt_int(const json& j, const char* key, std::optional<int>& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    int v = 0;
    read_int(j, key, v);
    out = v;
}

void read_bool(const json& j, const char* key, bool& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_boolean()) throw BadValue{key, "boolean"};
    out = it->get<bool>();
}

void read_opt_bool(const json& j, const char* key, std::optional<bool>& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    bool v = false;
    read_bool(j, key, v);
    out = v;
}

template <class T>
void read_obj(const json& j, const char* key, T& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_object()) throw BadValue{key, "object"};
    try {
        from_json(*it, out);
    } catch (BadValue& e) {
        throw BadValue{join_path(key, e.path), e.expected};
    }
}

void read_locs(const json& j, const char* key, std::map<std::string, Loc>& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_object()) throw BadValue{key, "object"};
    for (auto& [k, v] : it->items()) {
        Loc l;
        if (v.is_number_integer())
            l = Loc::at(v.get<int>());
        else if (v.is_object())
            from_json(v, l);
        else
            throw BadValue{std::string(key) + "." + k, "object"};
        out[k] = l;
    }
}

template <class M>
void read_map(const json& j, const char* key, M& out) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return;
    if (!it->is_object()) throw BadValue{key, "object"};
    try {
        out = it->get<M>();
    } catch (const json::exception&) {
        throw BadValue{key, "object"};
    }
}

void put_loc(json& j, const Loc& l) {
    if (l.known()) j["loc"] = l;
}

void put_locs(json& j, const std::map<std::string, Loc>& locs) {
    if (locs.empty()) return;
    json o = json::object();
    for (auto& [k, l] : locs)
        if (l.known()) o[k] = l;
    j["locs"] = o;
}

json opt(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
json opt(const std::optional<bool>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

void to_json(json& j, const Loc& v) {
    j = json{{"line", v.line}, {"end_line", v.end_line ? v.end_line : v.line}};
    if (v.page > 0) j["page"] = v.page;
}
void from_json(const json& j, Loc& v) {
    read_int(j, "line", v.line);
    read_int(j, "end_line", v.end_line);
    read_int(j, "page", v.page);
    if (v.end_line < v.line) v.end_line = v.line;
}

void to_json(json& j, const Source& v) {
    j = json{{"kind", v.kind}, {"detail", v.detail}};
    if (v.inferred) j["inferred"] = true;
    put_loc(j, v.loc);
}
void from_json(const json& j, Source& v) {
    read_str(j, "kind", v.kind);
    read_str(j, "detail", v.detail);
    read_bool(j, "inferred", v.inferred);
    read_obj(j, "loc", v.loc);
}

void to_json(json& j, const Flow& v) {
    j = json{{"no", v.no}, {"recipient", v.recipient}, {"basis", v.basis}, {"methods", v.methods}};
    if (!v.purpose.empty()) j["purpose"] = v.purpose;
    if (!v.info.empty()) j["info"] = v.info;
    if (!v.timing.empty()) j["timing"] = v.timing;
    if (!v.population.empty()) j["population"] = v.population;
    if (!v.marks.empty()) j["marks"] = v.marks;
    put_loc(j, v.loc);
    if (v.basis_loc.known()) j["basis_loc"] = v.basis_loc;
    put_locs(j, v.locs);
}
void from_json(const json& j, Flow& v) {
    read_id(j, "no", v.no);
    read_str(j, "recipient", v.recipient);
    read_str(j, "basis", v.basis);
    read_list(j, "methods", v.methods);
    read_str(j, "purpose", v.purpose);
    read_str(j, "info", v.info);
    read_str(j, "timing", v.timing);
    read_str(j, "population", v.population);
    read_str(j, "marks", v.marks);
    read_obj(j, "loc", v.loc);
    read_obj(j, "basis_loc", v.basis_loc);
    read_locs(j, "locs", v.locs);
}

void to_json(json& j, const Entrustment& v) {
    j = json{{"no", v.no},
             {"item", v.item},
             {"contractor", v.contractor},
             {"resubcontract", opt(v.resubcontract)},
             {"resubcontractor", v.resubcontractor}};
    if (!v.permission_method.empty()) j["permission_method"] = v.permission_method;
    if (!v.resubcontract_items.empty()) j["resubcontract_items"] = v.resubcontract_items;
    if (!v.methods.empty()) j["methods"] = v.methods;
    if (!v.population.empty()) j["population"] = v.population;
    put_loc(j, v.loc);
    put_locs(j, v.locs);
}
void from_json(const json& j, Entrustment& v) {
    read_id(j, "no", v.no);
    read_str(j, "item", v.item);
    read_str(j, "contractor", v.contractor);
    read_opt_bool(j, "resubcontract", v.resubcontract);
    read_str(j, "resubcontractor", v.resubcontractor);
    read_str(j, "permission_method", v.permission_method);
    read_str(j, "resubcontract_items", v.resubcontract_items);
    read_list(j, "methods", v.methods);
    read_str(j, "population", v.population);
    read_obj(j, "loc", v.loc);
    read_locs(j, "locs", v.locs);
}

void to_json(json& j, const DeclaredCounts& v) {
    j = json{{"provisions", opt(v.provisions)}, {"transfers", opt(v.transfers)}, {"entrustments", opt(v.entrustments)}};
}
void from_json(const json& j, DeclaredCounts& v) {
    read_opt_int(j, "provisions", v.provisions);
    read_opt_int(j, "transfers", v.transfers);
    read_opt_int(j, "entrustments", v.entrustments);
}

void to_json(json& j, const FileBlock& v) {
    j = json{{"names", v.names},
             {"sources", v.sources},
             {"methods", v.methods},
             {"entrustments", v.entrustments},
             {"provisions", v.provisions},
             {"transfers", v.transfers},
             {"declared_counts", v.declared_counts},
             {"storage", v.storage}};
    // Optional texts: written when the document has them.
    const std::pair<const char*, const std::string*> texts[] = {{"retention", &v.retention},
                                                                {"erasure", &v.erasure},
                                                                {"population", &v.population},
                                                                {"population_scope", &v.population_scope},
                                                                {"user_departments", &v.user_departments},
                                                                {"user_count", &v.user_count},
                                                                {"department", &v.department},
                                                                {"retention_reason", &v.retention_reason}};
    for (const auto& [key, value] : texts)
        if (!value->empty()) j[key] = *value;
    if (!v.record_categories.empty()) j["record_categories"] = v.record_categories;
    if (v.entrust) j["entrust"] = *v.entrust;
    if (v.provides) j["provides"] = *v.provides;
    if (v.transfers_flag) j["transfers_flag"] = *v.transfers_flag;
    if (v.no_flows) j["no_flows"] = *v.no_flows;
    if (!v.marks.empty()) j["marks"] = v.marks;
    if (!v.risk_flags.empty()) j["risk_flags"] = v.risk_flags;
    put_locs(j, v.locs);
    put_loc(j, v.loc);
}
void from_json(const json& j, FileBlock& v) {
    read_list(j, "names", v.names);
    if (v.names.empty()) {
        std::string name;
        read_str(j, "name", name);
        if (!name.empty()) v.names.push_back(name);
    }
    read_list(j, "sources", v.sources);
    read_list(j, "methods", v.methods);
    read_list(j, "entrustments", v.entrustments);
    read_list(j, "provisions", v.provisions);
    read_list(j, "transfers", v.transfers);
    read_obj(j, "declared_counts", v.declared_counts);
    read_str(j, "storage", v.storage);
    read_str(j, "retention", v.retention);
    read_str(j, "erasure", v.erasure);
    read_str(j, "population", v.population);
    read_str(j, "population_scope", v.population_scope);
    read_str(j, "user_departments", v.user_departments);
    read_str(j, "user_count", v.user_count);
    read_str(j, "department", v.department);
    read_str(j, "retention_reason", v.retention_reason);
    read_list(j, "record_categories", v.record_categories);
    read_opt_bool(j, "entrust", v.entrust);
    read_opt_bool(j, "provides", v.provides);
    read_opt_bool(j, "transfers_flag", v.transfers_flag);
    read_opt_bool(j, "no_flows", v.no_flows);
    read_map(j, "marks", v.marks);
    read_map(j, "risk_flags", v.risk_flags);
    read_locs(j, "locs", v.locs);
    read_obj(j, "loc", v.loc);
}

void to_json(json& j, const System& v) {
    j = json{{"no", v.no},
             {"name", v.name},
             {"normalized_name", v.normalized_name},
             {"connections", v.connections},
             {"other", v.other},
             {"other_checked", v.other_checked}};
    if (!v.canonical_id.empty()) j["canonical_id"] = v.canonical_id;
    if (!v.functions.empty()) j["functions"] = v.functions;
    if (!v.marks.empty()) j["marks"] = v.marks;
    put_loc(j, v.loc);
    if (v.connections_loc.known()) j["connections_loc"] = v.connections_loc;
}
void from_json(const json& j, System& v) {
    read_int(j, "no", v.no);
    read_str(j, "name", v.name);
    read_str(j, "normalized_name", v.normalized_name);
    read_str(j, "canonical_id", v.canonical_id);
    read_list(j, "connections", v.connections);
    read_list(j, "other", v.other);
    read_bool(j, "other_checked", v.other_checked);
    read_str(j, "functions", v.functions);
    read_str(j, "marks", v.marks);
    read_obj(j, "loc", v.loc);
    read_obj(j, "connections_loc", v.connections_loc);
}

void to_json(json& j, const Step& v) {
    j = json{{"label", v.label}, {"text", v.text}};
    put_loc(j, v.loc);
}
void from_json(const json& j, Step& v) {
    read_str(j, "label", v.label);
    read_str(j, "text", v.text);
    read_obj(j, "loc", v.loc);
}

void to_json(json& j, const ChangeRow& v) {
    j = json{{"date", v.date},   {"item", v.item},     {"before", v.before},
             {"after", v.after}, {"timing", v.timing}, {"explanation", v.explanation}};
    if (!v.text.empty()) j["text"] = v.text;
    put_loc(j, v.loc);
}
void from_json(const json& j, ChangeRow& v) {
    read_str(j, "date", v.date);
    read_str(j, "item", v.item);
    read_str(j, "before", v.before);
    read_str(j, "after", v.after);
    read_str(j, "timing", v.timing);
    read_str(j, "explanation", v.explanation);
    read_str(j, "text", v.text);
    read_obj(j, "loc", v.loc);
}

// {"status": "found", "line": 40, "end_line": 40} or {"status": "not_found", "why": "…"}.
void to_json(json& j, const CoverageItem& v) {
    j = json{{"status", v.found ? "found" : "not_found"}};
    if (v.loc.known()) {
        j["line"] = v.loc.line;
        j["end_line"] = v.loc.end_line;
    }
    if (v.loc.page > 0) j["page"] = v.loc.page;
    if (!v.why.empty()) j["why"] = v.why;
}
void from_json(const json& j, CoverageItem& v) {
    std::string status;
    read_str(j, "status", status);
    if (status != "found" && status != "not_found") throw BadValue{"status", "\"found\" or \"not_found\""};
    v.found = status == "found";
    from_json(j, v.loc);
    read_str(j, "why", v.why);
}

void to_json(json& j, const Procedure& v) {
    j = json::object();
    const std::pair<const char*, const std::string*> texts[] = {{"comment_period", &v.comment_period},
                                                                {"shortening_reason", &v.shortening_reason},
                                                                {"review_date", &v.review_date},
                                                                {"review_method", &v.review_method},
                                                                {"review_result", &v.review_result}};
    for (const auto& [key, value] : texts)
        if (!value->empty()) j[key] = *value;
}
void from_json(const json& j, Procedure& v) {
    read_str(j, "comment_period", v.comment_period);
    read_str(j, "shortening_reason", v.shortening_reason);
    read_str(j, "review_date", v.review_date);
    read_str(j, "review_method", v.review_method);
    read_str(j, "review_result", v.review_result);
}

void to_json(json& j, const Linkage& v) {
    j = json{{"status", v.status}, {"basis", v.basis}};
    put_loc(j, v.loc);
}
void from_json(const json& j, Linkage& v) {
    read_str(j, "status", v.status);
    read_str(j, "basis", v.basis);
    read_obj(j, "loc", v.loc);
}

void to_json(json& j, const Assessment& v) {
    j = json{{"organization", v.organization},
             {"form", v.form},
             {"form_version", v.form_version},
             {"number", v.number},
             {"title", v.title},
             {"affair", v.affair},
             {"published", v.published},
             {"individual_number_basis", v.individual_number_basis},
             {"linkage", v.linkage},
             {"department", v.department},
             {"population", v.population},
             {"systems", v.systems},
             {"file_names", v.file_names},
             {"files", v.files},
             {"attachment1_steps", v.attachment1_steps},
             {"changes", v.changes}};
    const std::pair<const char*, const std::string*> threshold[] = {{"handlers", &v.handlers},
                                                                    {"serious_incident", &v.serious_incident},
                                                                    {"threshold_result", &v.threshold_result}};
    for (const auto& [key, value] : threshold)
        if (!value->empty()) j[key] = *value;
    if (json p = v.procedure; !p.empty()) j["procedure"] = p;
    if (!v.source_file.empty()) j["source_file"] = v.source_file;
    put_locs(j, v.locs);
    if (!v.coverage.empty()) j["coverage"] = v.coverage;
    put_loc(j, v.loc);
}
void from_json(const json& j, Assessment& v) {
    read_str(j, "organization", v.organization);
    read_str(j, "form", v.form);
    read_str(j, "form_version", v.form_version);
    read_id(j, "number", v.number);
    read_str(j, "title", v.title);
    read_str(j, "affair", v.affair);
    read_str(j, "published", v.published);
    read_str(j, "individual_number_basis", v.individual_number_basis);
    read_obj(j, "linkage", v.linkage);
    read_str(j, "department", v.department);
    read_str(j, "population", v.population);
    read_str(j, "handlers", v.handlers);
    read_str(j, "serious_incident", v.serious_incident);
    read_str(j, "threshold_result", v.threshold_result);
    read_obj(j, "procedure", v.procedure);
    read_list(j, "systems", v.systems);
    read_list(j, "file_names", v.file_names);
    read_list(j, "files", v.files);
    read_list(j, "attachment1_steps", v.attachment1_steps);
    read_list(j, "changes", v.changes);
    read_str(j, "source_file", v.source_file);
    read_locs(j, "locs", v.locs);
    if (auto it = j.find("coverage"); it != j.end() && !it->is_null()) {
        if (!it->is_object()) throw BadValue{"coverage", "object"};
        for (auto& [item, value] : it->items()) {
            if (!value.is_object()) throw BadValue{"coverage." + item, "object"};
            try {
                from_json(value, v.coverage[item]);
            } catch (BadValue& e) {
                throw BadValue{"coverage." + item + "." + e.path, e.expected};
            }
        }
    }
    read_obj(j, "loc", v.loc);
}

bool Assessment::was_read(const std::string& item) const {
    if (coverage.empty()) return true;
    auto it = coverage.find(item);
    return it == coverage.end() || it->second.found;
}

bool Assessment::form_has(const std::string& item) const { return coverage.empty() || coverage.count(item) > 0; }

std::vector<std::string> Assessment::unread_items() const {
    std::vector<std::string> out;
    for (const auto& [item, c] : coverage)
        if (!c.found) out.push_back(item);
    return out;
}

void to_json(json& j, const Model& v) {
    j = json{{"$schema", kModelSchemaId},
             {"schema", v.schema},
             {"source", {{"file", v.source.file}, {"format", v.source.format}}},
             {"assessments", v.assessments}};
}
void from_json(const json& j, Model& v) {
    read_str(j, "schema", v.schema);
    if (auto it = j.find("source"); it != j.end() && it->is_object()) {
        read_str(*it, "file", v.source.file);
        read_str(*it, "format", v.source.format);
    }
    read_list(j, "assessments", v.assessments);
}

namespace {

json parse_json(const std::string& text, const std::string& file) {
    check_json_depth(text, file);
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        size_t upto = std::min(static_cast<size_t>(e.byte), text.size());
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(upto), '\n'));
        throw InputError(file, line, {"JSON として読めません（構文エラー）", "not valid JSON (syntax error)"});
    } catch (const json::exception&) {  // a number too large for a double (1E99999), found by fuzz_model_json
        throw InputError(file, 0,
                         {"JSON として読めません（数値が大きすぎます）", "not valid JSON (a number is out of range)"});
    }
    return j;
}

Model model_from(const json& j, const std::string& text, const std::string& file) {
    if (!j.is_object() || !j.contains("assessments"))
        throw InputError(file, 1,
                         {"piagraph の JSON モデルではありません（\"assessments\" がありません）",
                          "not a piagraph JSON model (no \"assessments\")"});
    Model m;
    try {
        from_json(j, m);
    } catch (const BadValue& e) {
        throw InputError(file, model_detail::PathLocator(text, e.path).line(),
                         {"JSON モデルの値の型が不正です: " + e.path + "（" + e.expected + " が必要）",
                          "wrong type in the JSON model: " + e.path + " (expected " + e.expected + ")"});
    }
    if (m.schema != kSchema && !m.schema.empty())
        throw InputError(file, 1, {"未対応のスキーマです: " + m.schema, "unsupported schema: " + m.schema});
    model_detail::check_references(m, text, file);
    m.source.format = m.source.format.empty() ? "json" : m.source.format;
    for (auto& a : m.assessments)
        if (a.source_file.empty()) a.source_file = m.source.file.empty() ? file : m.source.file;
    return m;
}

}  // namespace

Model parse_model_json(const std::string& text, const std::string& file) {
    return model_from(parse_json(text, file), text, file);
}

Model parse_model_json(const std::string& text, const std::string& file, std::vector<InputError>& warnings) {
    const json j = parse_json(text, file);
    Model m = model_from(j, text, file);
    warnings = unknown_model_keys(j, text, file);
    return m;
}

}  // namespace piagraph
