#include "test_support.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <sstream>

namespace piagraph::test {

namespace fs = std::filesystem;

fs::path source_dir() { return PIAGRAPH_SOURCE_DIR; }
fs::path shared_dir() { return fs::weakly_canonical(fs::path(PIAGRAPH_SHARED_DIR)); }
bool have_shared() { return fs::is_directory(shared_dir() / "corpus"); }
fs::path corpus(const std::string& name) { return have_shared() ? shared_dir() / "corpus" / name : fs::path(); }

Model gold_model(const std::string& name) {
    const fs::path path = corpus("annotations/" + name);
    return parse_model_json(read_text(path), path.string());
}

namespace {
std::string quote(const std::string& s) {
    std::string q = "'";
    for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

struct TempRoot {
    fs::path path;
    TempRoot() {
        std::random_device rd;
        path = fs::temp_directory_path() / ("piagraph-test-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
        fs::create_directories(path);
    }
    ~TempRoot() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};
}  // namespace

fs::path temp_dir() {
    static TempRoot root;
    static int counter = 0;
    fs::path p = root.path / std::to_string(++counter);
    fs::create_directories(p);
    return p;
}

std::string read_text(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_text(const fs::path& p, const std::string& content) {
    std::ofstream out(p, std::ios::binary);
    out << content;
}

RunResult run_command(const std::string& command_line) {
    fs::path dir = temp_dir();
    fs::path out = dir / "stdout", err = dir / "stderr";
    std::string cmd = command_line + " >" + quote(out.string()) + " 2>" + quote(err.string()) + " </dev/null";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.out = read_text(out);
    r.err = read_text(err);
    return r;
}

RunResult run_piagraph(const std::vector<std::string>& args) {
    std::string cmd = quote(PIAGRAPH_EXE);
    for (const auto& a : args) cmd += " " + quote(a);
    return run_command(cmd);
}

System make_system(int no, const std::string& name, std::vector<std::string> boxes, std::vector<std::string> other,
                   int line) {
    System s;
    s.no = no;
    s.name = name;
    s.connections = std::move(boxes);
    s.other = std::move(other);
    s.other_checked = !s.other.empty();
    s.loc = Loc::at(line);
    s.connections_loc = Loc::at(line + 1);
    return s;
}

Assessment one_file_assessment(const std::string& affair, const std::string& form, const std::string& file_name) {
    Assessment a;
    a.affair = affair;
    a.form = form;
    FileBlock f;
    f.names = {file_name};
    a.files.push_back(f);
    return a;
}

}  // namespace piagraph::test
