// A real headless Chromium (Debian's, installed by scripts/setup.sh) for the report tests: the
// command line, and counting the drawn pixels of its screenshots.
#pragma once

#include <filesystem>
#include <string>

#include "test_support.hpp"

namespace piagraph::test {

inline bool have_chromium() { return run_command("command -v chromium").exit_code == 0; }

// A chromium command line with a fresh profile and nothing reaching out to the network.
inline std::string chromium(const std::string& args) {
    const auto profile = temp_dir();
    return "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run "
           "--disable-background-networking --disable-component-update --disable-sync --user-data-dir='" +
           profile.string() + "' " + args;
}

// A rectangle of a screenshot in CSS pixels (headless Chromium draws at scale 1).
struct PixelBox {
    long left = 0, top = 0, width = -1, height = -1;  // width < 0: the whole image
};

// Non-white pixels of an 8-bit RGB(A) PNG inside a box, decoded with python3's zlib (no image
// library needed); -1 when the PNG cannot be read.
inline long non_white_pixels(const std::filesystem::path& png, const PixelBox& box = {}) {
    const std::string script = R"PY(
import sys, zlib, struct
d = open(sys.argv[1], 'rb').read()
left, top, bw, bh = (int(v) for v in sys.argv[2:6])
pos, idat, w, h, ct = 8, b'', 0, 0, 0
while pos < len(d):
    n, t = struct.unpack('>I4s', d[pos:pos+8]); body = d[pos+8:pos+8+n]; pos += 12 + n
    if t == b'IHDR': w, h, bd, ct = struct.unpack('>IIBB', body[:10])
    elif t == b'IDAT': idat += body
if bw < 0: left, top, bw, bh = 0, 0, w, h
bpp = {2: 3, 6: 4}[ct]; raw = zlib.decompress(idat); stride = w * bpp
prev = bytearray(stride); count = 0; i = 0
for y in range(h):
    f = raw[i]; line = bytearray(raw[i+1:i+1+stride]); i += 1 + stride
    for x in range(stride):
        a = line[x-bpp] if x >= bpp else 0; b = prev[x]; c = prev[x-bpp] if x >= bpp else 0
        if f == 1: line[x] = (line[x] + a) & 255
        elif f == 2: line[x] = (line[x] + b) & 255
        elif f == 3: line[x] = (line[x] + (a + b) // 2) & 255
        elif f == 4:
            p = a + b - c; pa, pb, pc = abs(p-a), abs(p-b), abs(p-c)
            line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    if top <= y < top + bh:
        for x in range(max(0, left) * bpp, min(w, left + bw) * bpp, bpp):
            if min(line[x], line[x+1], line[x+2]) < 200: count += 1
    prev = line
print(count)
)PY";
    const auto script_path = temp_dir() / "pixels.py";
    write_text(script_path, script);
    auto r =
        run_command("python3 '" + script_path.string() + "' '" + png.string() + "' " + std::to_string(box.left) + " " +
                    std::to_string(box.top) + " " + std::to_string(box.width) + " " + std::to_string(box.height));
    if (r.exit_code != 0) return -1;
    return std::stol(r.out);
}

}  // namespace piagraph::test
