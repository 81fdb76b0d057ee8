// Fingerprints of diagnostics for baselines (`check --write-baseline` / `--baseline`): what identifies a finding
// across edits that move it. Like ESLint's suppressions and Verible's waivers, a fingerprint is made of the rule and
// the text around the finding, never of its line or column, so that inserting a paragraph above it keeps it.
#pragma once

#include <string>
#include <string_view>

#include "xxgk/diagnostic.h"

namespace xxgk {

struct DiagnosticFingerprint {
  std::string hash;     // 16 hex digits: FNV-1a of the rule id, the span's and the context's normalised text
  std::string excerpt;  // the span's normalised text, at most 24 characters (for people reading a baseline)
};

// The fingerprint of `diagnostic` in `text`. The context is the whole of the lines the span touches; both are
// normalised (normalize_label: whitespace removed, width folded), so that re-wrapping or re-indenting keeps it.
DiagnosticFingerprint diagnostic_fingerprint(std::string_view text, const Diagnostic& diagnostic);

}  // namespace xxgk
