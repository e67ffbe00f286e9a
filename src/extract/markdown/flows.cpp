// What comes into a file and what goes out of it, in the markdown-like conversion: II-3 入手・使用
// (sources, methods, users), II-4 委託 (委託事項N entries) and II-5 提供・移転 (提供先N / 移転先N
// entries).
#include <algorithm>
#include <utility>

#include "../form_labels.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

namespace {

// "⑦使用の主体 <tab> 使用部署 ※ <tab> value": a group label followed by the field's own label
// in the next cell. Returns that field's key and value, or the row's own when it has none.
std::pair<std::string, std::string> field_after_group(const Row& r, const char* group) {
    if (!FormLabels::get().is(group, r.key)) return {r.key, r.value};
    const auto label_at = std::find(r.cells.begin(), r.cells.end(), r.label);
    if (label_at == r.cells.end() || label_at + 1 == r.cells.end()) return {r.key, r.value};
    std::string value;
    for (auto it = label_at + 2; it != r.cells.end(); ++it) value += (value.empty() ? "" : " ") + *it;
    return {label_key(plain(label_at[1].substr(0, kMaxLabelBytes))), value};
}

// The entry opened at an [illegible] gap: it stands for the missing 委託事項 when the numbering
// skips one; otherwise its fields belong to the entry before the gap.
void settle_gap(FileBlock& f, EntrustReading& reading, int next_no) {
    if (!reading.gap) return;
    reading.gap = false;
    if (f.entrustments.size() < 2) return;
    Entrustment gap = f.entrustments.back();
    f.entrustments.pop_back();
    if (next_no < 0 || next_no > reading.last_no + 1) {
        gap.no = std::to_string(reading.last_no + 1);
        f.entrustments.push_back(std::move(gap));
        return;
    }
    auto& prev = f.entrustments.back();
    if (prev.contractor.empty()) prev.contractor = gap.contractor;
    if (!prev.resubcontract) prev.resubcontract = gap.resubcontract;
    if (prev.permission_method.empty()) prev.permission_method = gap.permission_method;
    if (prev.resubcontract_items.empty()) prev.resubcontract_items = gap.resubcontract_items;
    if (prev.methods.empty()) prev.methods = gap.methods;
    widen(prev.loc, gap.loc.end_line);
}

// A field of the 委託事項N entry being read.
void read_entrustment_field(const Row& r, Entrustment& e) {
    const FormLabels& labels = FormLabels::get();
    widen(e.loc, r.line);
    const std::string v = cell_text(r.value);
    if (labels.is("entrust_content", r.key)) {
        if (e.item.empty()) e.item = v;
    } else if (labels.is("contractor", r.key)) {
        read_text(e.locs, "contractor", r.value, e.contractor, r.line);
    } else if (labels.is("resubcontract", r.key)) {
        e.locs["resubcontract"] = Loc::at(r.line);
        if (auto s = selected_option(r.value, "resubcontract_choice"))
            e.resubcontract = *s == Dictionary::get().options("resubcontract_choice").front();
    } else if (labels.is("permission_method", r.key)) {
        read_text(e.locs, "permission_method", r.value, e.permission_method, r.line);
    } else if (labels.is("resubcontract_items", r.key)) {
        read_text(e.locs, "resubcontract_items", r.value, e.resubcontract_items, r.line);
    } else if (labels.is("resubcontractor", r.key)) {
        e.resubcontractor = v;
    } else if (labels.is("entrust_methods", r.key)) {
        for (const auto& hit : read_choices(r.value, "entrust_methods").checked) e.methods.push_back(method_label(hit));
    } else if (labels.is("file_population", r.key)) {
        e.population = selected_option(r.value, "persons").value_or("");
        e.locs["population"] = Loc::at(r.line);
    }
}

// ①提供・移転の有無: which of 提供 / 移転 / 行っていない is checked, and the counts declared.
void read_flow_choice(const Row& r, FileBlock& f) {
    const auto& labels = Dictionary::get().options("provision_transfer");
    const Choices c = read_choices(r.value, "provision_transfer");
    for (const auto& hit : c.hits) {
        if (!hit.count) continue;
        if (hit.label == labels[0]) f.declared_counts.provisions = hit.count;
        if (hit.label == labels[1]) f.declared_counts.transfers = hit.count;
    }
    if (!c.checked.empty()) {
        auto checked = [&](const std::string& l) {
            return std::any_of(c.checked.begin(), c.checked.end(), [&](const OptionHit& h) { return h.label == l; });
        };
        f.provides = checked(labels[0]);
        f.transfers_flag = checked(labels[1]);
        f.no_flows = checked(labels[2]);
    } else if (c.lost_marks) {
        f.marks["provision_transfer"] = "none";
    }
    f.locs["provision_transfer"] = Loc::at(r.line);
}

// A field of the 提供先N / 移転先N entry being read.
void read_flow_field(const Row& r, Flow& flow, bool is_transfer) {
    const FormLabels& labels = FormLabels::get();
    widen(flow.loc, r.line);
    const std::string v = cell_text(r.value);
    if (labels.is("basis", r.key)) {
        flow.basis = v;
        flow.basis_loc = Loc::at(r.line);
    } else if (labels.is("purpose", r.key)) {
        flow.purpose = v;
    } else if (labels.is("info", r.key)) {
        read_text(flow.locs, "info", r.value, flow.info, r.line);
    } else if (labels.is("timing", r.key)) {
        flow.timing = v;
    } else if (labels.is("flow_population", r.key)) {
        flow.population = selected_option(r.value, "persons").value_or("");
        flow.locs["population"] = Loc::at(r.line);
    } else if (labels.is("flow_methods", r.key)) {
        const Choices c = read_choices(r.value, is_transfer ? "transfer_methods" : "provision_methods");
        if (holds_no_option(c, r.value)) return;
        flow.locs["methods"] = Loc::at(r.line);
        for (const auto& hit : c.checked) {
            flow.methods.push_back(method_label(hit));
            if (hit.radio_inferred) flow.marks = "inferred";
        }
        if (c.checked.empty()) flow.marks = "none";
    }
}

// 入手元's last option, その他（…）, read as 入手方法's first: the form prints each group's options in
// its order, その他 last, so an その他 before 入手方法's other options is the row above's, as labels
// centred on their rows split the two groups' rows between them. It goes back to 入手元 where that
// was read without an その他.
void take_sources_last_option(Choices& methods, FileBlock& f) {
    const std::string& other = Dictionary::get().form_label("other_option");
    if (methods.hits.size() < 2 || methods.hits.front().label != other || methods.hits[1].label == other ||
        !f.locs.count("sources") ||
        std::any_of(f.sources.begin(), f.sources.end(), [&](const Source& s) { return s.kind == other; }))
        return;
    const OptionHit moved = methods.hits.front();
    methods.hits.erase(methods.hits.begin());
    if (!moved.mark.value_or(false)) return;
    const auto at = std::find_if(methods.checked.begin(), methods.checked.end(), [&](const OptionHit& h) {
        return h.label == moved.label && h.detail == moved.detail;
    });
    if (at != methods.checked.end()) methods.checked.erase(at);
    f.sources.push_back(Source{moved.label, moved.detail, moved.radio_inferred, f.locs["sources"]});
}

// A method of 入手方法 once (入手元's row may have read it: take_methods_first_options); whether it
// was new.
bool add_method(FileBlock& f, std::string method) {
    if (std::find(f.methods.begin(), f.methods.end(), method) != f.methods.end()) return false;
    f.methods.push_back(std::move(method));
    return true;
}

// ②入手方法's first options read as 入手元's last: a label centred on its row's lines sets the boxes
// above it on the rows of the choice before (紙, 電子記録媒体 under 入手元's その他). A marked box of a
// method that is no kind of source is the method's; その他, in both lists, stays 入手元's.
void take_methods_first_options(std::string_view sources_value, FileBlock& f) {
    for (const auto& hit : read_choices(sources_value, "acquisition_methods").checked)
        if (!Dictionary::get().standard_option("source_kinds", hit.label)) add_method(f, method_label(hit));
}

}  // namespace

void read_acquisition_row(const Row& r, FileBlock& f) {
    const FormLabels& labels = FormLabels::get();
    const auto [key, value] = field_after_group(r, "use_subject");
    if (labels.is("user_departments", key)) {
        read_text(f.locs, "user_departments", value, f.user_departments, r.line);
        return;
    }
    if (labels.is("user_count", key)) {
        read_selection(f, "user_count", value, "users", f.user_count, r.line);
        return;
    }
    if (labels.is("sources", r.key)) {
        const Choices c = read_choices(r.value, "source_kinds");
        if (holds_no_option(c, r.value)) return;
        for (const auto& hit : c.checked) {
            f.sources.push_back(Source{hit.label, hit.detail, hit.radio_inferred, Loc::at(r.line)});
            if (hit.radio_inferred) f.marks["sources"] = "inferred";
        }
        if (c.lost_marks) f.marks["sources"] = "none";
        f.locs["sources"] = Loc::at(r.line);
        take_methods_first_options(r.value, f);
    } else if (labels.is("methods", r.key)) {
        Choices c = read_choices(r.value, "acquisition_methods");
        if (holds_no_option(c, r.value)) return;
        take_sources_last_option(c, f);
        for (const auto& hit : c.checked)
            if (add_method(f, method_label(hit)) && hit.radio_inferred) f.marks["methods"] = "inferred";
        if (c.lost_marks) f.marks["methods"] = "none";
        f.locs["methods"] = Loc::at(r.line);
    }
}

void read_entrust_row(const Row& r, FileBlock& f, EntrustReading& reading) {
    if (FormLabels::get().in("illegible", r.cells[0])) {
        // What follows the gap may belong to an entry whose header was swallowed.
        reading.gap = reading.open != nullptr;
        if (reading.gap) {
            f.entrustments.emplace_back();
            reading.open = &f.entrustments.back();
            reading.open->loc = Loc::at(r.line);
        }
        return;
    }
    const int no = entry_number("entry_entrust", r);
    if (no != 0) {
        settle_gap(f, reading, no);
        reading.open = nullptr;
        if (no < 0) return;
        f.entrustments.emplace_back();
        reading.open = &f.entrustments.back();
        reading.open->no = std::to_string(no);
        reading.open->item = cell_text(r.value);
        reading.open->loc = Loc::at(r.line);
        reading.last_no = no;
        return;
    }
    if (FormLabels::get().is("entrust_choice", r.key)) {
        if (auto v = selected_option(r.value, "entrust_choice")) {
            f.entrust = *v == Dictionary::get().options("entrust_choice").front();
        } else {
            f.marks["entrust"] = "none";
        }
        f.declared_counts.entrustments = parse_count(r.value);
        f.locs["entrust"] = Loc::at(r.line);
        return;
    }
    if (reading.open) read_entrustment_field(r, *reading.open);
}

void read_flow_row(const Row& r, FileBlock& f, FlowReading& reading) {
    if (FormLabels::get().is("flow_choice", r.key)) {
        read_flow_choice(r, f);
        return;
    }
    int range_from = 0;
    const int provision_no = entry_number("entry_provision", r, &range_from);
    const int transfer_no = provision_no ? 0 : entry_number("entry_transfer", r, &range_from);
    if (provision_no || transfer_no) {
        reading.open = nullptr;
        int no = provision_no ? provision_no : transfer_no;
        std::string recipient = cell_text(r.value);
        // A range's header is a placeholder, unless it names the recipients its block is for (each
        // after its number, which the row may have taken for a field's label: its cells after the
        // header's are the names).
        if (no < 0) {
            recipient.clear();
            for (size_t c = 1; c < r.cells.size(); ++c) recipient += (recipient.empty() ? "" : " ") + r.cells[c];
            recipient = cell_text(recipient);
            if (recipient.empty() || range_from <= 0) return;
            no = range_from;
        }
        reading.is_transfer = transfer_no != 0;
        auto& list = reading.is_transfer ? f.transfers : f.provisions;
        list.emplace_back();
        reading.open = &list.back();
        reading.open->no = std::to_string(no);
        // A time beside the header (the entry before's ⑦時期・頻度, which pdfminer sets there) names no
        // one: the name is on the row after.
        std::string own = without_dangling_tail(recipient);
        if (names_nothing(own)) own.clear();
        reading.recipient_pending = own.empty() && !recipient.empty();
        reading.open->recipient = own;
        reading.open->loc = Loc::at(r.line);
        return;
    }
    if (reading.open && reading.recipient_pending) {
        reading.recipient_pending = false;
        // The recipient on the row after its header, where the header held the value above's tail.
        if (r.value.empty() && r.cells.size() == 1 && !FormLabels::get().is_row_label(r.key) &&
            !has_box_bracket(r.cells[0]) && !is_option_list_line(r.cells[0])) {
            reading.open->recipient = cell_text(r.cells[0]);
            return;
        }
    }
    if (reading.open) read_flow_field(r, *reading.open, reading.is_transfer);
}

void settle_flows(FileBlock& f) {
    for (auto* flows : {&f.provisions, &f.transfers})
        for (Flow& flow : *flows) name_from_basis(flow);
    f.provisions.erase(std::remove_if(f.provisions.begin(), f.provisions.end(), is_empty_flow), f.provisions.end());
    f.transfers.erase(std::remove_if(f.transfers.begin(), f.transfers.end(), is_empty_flow), f.transfers.end());
    for (auto* flows : {&f.provisions, &f.transfers}) {
        std::vector<Flow> each;
        for (const Flow& flow : *flows)
            for (Flow& one : flows_of_each_recipient(flow)) each.push_back(std::move(one));
        *flows = std::move(each);
    }
    auto empty_entrust = [](const Entrustment& e) {
        return e.item.empty() && e.contractor.empty() && !e.resubcontract && e.methods.empty() &&
               e.permission_method.empty() && e.resubcontract_items.empty();
    };
    f.entrustments.erase(std::remove_if(f.entrustments.begin(), f.entrustments.end(), empty_entrust),
                         f.entrustments.end());
    // A group with no checked box is "unknown" only when something says it was filled.
    // Only where the method label was read: an unread group is not an unmarked one.
    for (auto* flows : {&f.provisions, &f.transfers})
        for (auto& flow : *flows)
            if (flow.methods.empty() && flow.marks.empty() && !flow.recipient.empty() && flow.locs.count("methods"))
                flow.marks = "none";
}

}  // namespace piagraph::extract_detail::markdown
