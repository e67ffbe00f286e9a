// The emitters behind emit_scene (internal to the render stage).
#pragma once

#include "piagraph/render.hpp"

namespace piagraph::render_detail {

RenderResult emit_graphviz(const Scene& scene, Format format, const Style& style, const std::string& what,
                           const LayoutLimits& layout);
std::string emit_mermaid(const Scene& scene, const Style& style);
std::string emit_graphml(const Scene& scene);

}  // namespace piagraph::render_detail
