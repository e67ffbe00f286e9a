#include "piagraph/extract.hpp"

#include "piagraph/error.hpp"

namespace piagraph {

Model extract_file(const std::string& path, const IngestOptions& options) {
    return extract_document(load_document(path, options));
}

Model extract_document(const Document& doc) {
    throw InputError(doc.path, 0, {"extract は未実装です", "extract is not implemented yet"});
}

}  // namespace piagraph
