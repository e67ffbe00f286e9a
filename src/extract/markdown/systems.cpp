// Section I 基本情報 of the markdown-like conversion: the affair, the systems (システムN with its
// name, functions and ③他のシステムとの接続), the legal basis of the number's use, the linkage
// through 情報提供ネットワークシステム (its status and basis) and the department.
#include <algorithm>

#include "../form_labels.hpp"
#include "piagraph/dictionary.hpp"
#include "piagraph/text.hpp"
#include "reader.hpp"

namespace piagraph::extract_detail::markdown {

namespace {

// I-1 特定個人情報ファイルを取り扱う事務.
void read_affair_row(const Row& r, Assessment& as) {
    const FormLabels& labels = FormLabels::get();
    if (labels.is("affair_name", r.key)) {
        read_text(as.locs, "affair", r.value, as.affair, r.line);
    } else if (labels.is("population", r.key)) {
        as.population = selected_option(r.value, "population").value_or("");
    } else if (labels.is("system_name", r.key)) {
        const int listed_before = static_cast<int>(as.systems.size());
        for (System& s : listed_systems(r.value, r.line)) {
            s.no += listed_before;
            as.systems.push_back(std::move(s));
        }
    }
}

// ③他のシステムとの接続: the checked boxes, and the systems named after その他.
void read_connections(const Row& r, System& system) {
    const Choices c = read_choices(r.value, "connections");
    if (holds_no_option(c, r.value)) return;
    system.connections_loc = Loc::at(r.line);
    const std::string& other = Dictionary::get().form_label("other_option");
    bool any_checked = false;
    for (const auto& hit : c.hits) {
        if (hit.label == other) {
            if (hit.mark.value_or(false)) system.other_checked = true;
            if (!hit.detail.empty() && !is_statement(hit.detail))
                for (auto& name : split_names(hit.detail)) system.other.push_back(name);
        } else if (hit.mark.value_or(false)) {
            if (std::find(system.connections.begin(), system.connections.end(), hit.label) == system.connections.end())
                system.connections.push_back(hit.label);
        }
        if (hit.mark.value_or(false)) any_checked = true;
        if (hit.mark.value_or(false) && hit.radio_inferred) system.marks = "inferred";
    }
    if (!any_checked && !system.other.empty()) system.marks = "none";
}

// I-2 特定個人情報ファイルを取り扱う事務において使用するシステム: システムN entries.
void read_systems_row(const Row& r, Assessment& as, System*& system) {
    const FormLabels& labels = FormLabels::get();
    const int no = entry_number("entry_system", r);
    if (no != 0) {
        system = nullptr;
        if (no < 0) return;  // システム2～5: a range header
        as.systems.emplace_back();
        system = &as.systems.back();
        system->no = no;
        system->loc = Loc::at(r.line);
        if (r.cells.size() >= 2 && !labels.is("system_name", label_key(r.cells[1]))) system->name = r.value;
        return;
    }
    if (!system) return;
    widen(system->loc, r.line);
    if (labels.is("system_name", r.key)) {
        system->name = cell_text(r.value);
    } else if (labels.is("system_functions", r.key)) {
        system->functions = cell_text(r.value);
    } else if (labels.is("system_connections", r.key)) {
        read_connections(r, *system);
    }
}

// I-6 情報提供ネットワークシステムによる情報連携: ①実施の有無 and ②法令上の根拠.
void read_linkage_row(const Row& r, Assessment& as) {
    const FormLabels& labels = FormLabels::get();
    if (labels.is("linkage_status", r.key)) {
        const auto status = selected_option(r.value, "linkage_status");
        // IV's 監査 has a 実施の有無 of its own (自己点検, 内部監査 …): where its heading was lost, a row
        // that marks none of I-6's options does not undo the status read.
        if (!status && !as.linkage.status.empty()) return;
        as.linkage.status = status.value_or("");
        widen(as.linkage.loc, r.line);
        as.locs["linkage.status"] = Loc::at(r.line);
    } else if (labels.is("basis", r.key)) {
        if (only_listed_options(r.value, "linkage_status")) return;  // ①'s list ended beside ②
        std::string value = r.value;
        // ①'s boxes before ②'s text (a column flow that gave ① nothing): ①'s choice, where unread.
        if (const auto choice = leading_boxed_choice(r.value, "linkage_status"); choice && as.linkage.status.empty()) {
            if (const auto status = selected_option(choice->first, "linkage_status")) {
                as.linkage.status = *status;
                as.locs["linkage.status"] = Loc::at(r.line);
            }
            value = choice->second;
        }
        read_text(as.locs, "linkage.basis", value, as.linkage.basis, r.line);
        widen(as.linkage.loc, r.line);
    }
}

}  // namespace

void read_section_one_row(Sub sub, const Row& r, Assessment& as, System*& system) {
    const FormLabels& labels = FormLabels::get();
    switch (sub) {
        case Sub::affair:
            read_affair_row(r, as);
            break;
        case Sub::systems:
            read_systems_row(r, as, system);
            break;
        case Sub::number_use:
            if (labels.is("basis", r.key))
                read_text(as.locs, "individual_number_basis", r.value, as.individual_number_basis, r.line);
            break;
        case Sub::linkage:
            read_linkage_row(r, as);
            break;
        case Sub::department:
            if (labels.is("department", r.key)) read_text(as.locs, "department", r.value, as.department, r.line);
            break;
        default:
            break;
    }
}

}  // namespace piagraph::extract_detail::markdown
