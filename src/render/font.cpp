// Whether the CJK font the styles ask for is installed (fontconfig, which Graphviz uses too).
#include <fontconfig/fontconfig.h>

#include "piagraph/render.hpp"

namespace piagraph {

FontMatch match_font(const std::string& family) {
    FontMatch out;
    out.requested = family;
    FcConfig* config = FcInitLoadConfigAndFonts();
    if (!config) return out;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str()));
    if (pattern) {
        FcConfigSubstitute(config, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        if (FcPattern* font = FcFontMatch(config, pattern, &result)) {
            FcChar8* value = nullptr;
            if (FcPatternGetString(font, FC_FAMILY, 0, &value) == FcResultMatch)
                out.family = reinterpret_cast<char*>(value);
            // A font may list several family names (localised ones too): any of them counts.
            for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &value) == FcResultMatch; ++i)
                if (family == reinterpret_cast<char*>(value)) out.exact = true;
            if (FcPatternGetString(font, FC_FILE, 0, &value) == FcResultMatch)
                out.file = reinterpret_cast<char*>(value);
            FcCharSet* charset = nullptr;
            if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) == FcResultMatch)
                out.covers_japanese = FcCharSetHasChar(charset, 0x4F4F) && FcCharSetHasChar(charset, 0x3042) &&
                                      FcCharSetHasChar(charset, 0x30A2);  // 住 あ ア
            FcPatternDestroy(font);
        }
        FcPatternDestroy(pattern);
    }
    FcConfigDestroy(config);
    return out;
}

}  // namespace piagraph
