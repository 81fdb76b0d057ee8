// S102 title-wording: the title does not contain 政府信息公开工作年度报告 as written by the Regulation, or the
// preamble calls the report by another name.
#include <algorithm>
#include <optional>

#include "xxgk/analysis.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S102",
    .slug = "title-wording",
    .title_zh = "标题未使用“政府信息公开工作年度报告”",
    .title_en = "The title does not use the wording 政府信息公开工作年度报告",
    .severity = Severity::Warning,
    .fix = FixSafety::Safe,
    .fix_zh = "将标题中的报告名称改为规范写法“政府信息公开工作年度报告”。",
    .doc_zh =
        "检查标题是否一字不差地包含“政府信息公开工作年度报告”。\n\n"
        "这是《中华人民共和国政府信息公开条例》第四十九条、第五十条对该报告的称谓（format-2021.md 2.1）。"
        "常见的偏差有漏写“工作”（“政府信息公开年度报告”）、改称“政务公开工作年度报告”，"
        "以及从网页或 PDF 复制时在名称中间混入空格（“政府信息公开 工作年度报告”）。"
        "机关名称与年份之间的空格、标题分两行书写都不算偏差，只看报告名称本身。"
        "前言提到本报告时（“向社会公布……年度报告”）用了这些偏差写法，同样报告；但引用的其他文件标题"
        "（“《……关于政府信息公开年度报告有关事项的通知》”）和网站栏目名（“政府信息公开年度报告”专栏）不是本报告的"
        "名称，不报告。前言中把年份写在名称里（“政府信息公开2024年度报告”）也报告，修复为“2024年政府信息公开工作年度报告”。"
        "标题取报告正文前的标题行；网页导航等页面文字（“关怀版 无障碍”“首页 > …”）不算标题，"
        "标题在这些文字之下时取其下的标题行。\n\n"
        "修复：把名称中有偏差的部分改为“政府信息公开工作年度报告”。",
    .doc_en =
        "Checks that the title contains \"政府信息公开工作年度报告\" exactly.\n\n"
        "That is the name Articles 49 and 50 of the Regulation give the report (format-2021.md 2.1). Common "
        "deviations are a missing 工作 (\"政府信息公开年度报告\"), \"政务公开工作年度报告\", and spaces copied into the "
        "name from a web page or PDF (\"政府信息公开 工作年度报告\"). Spaces between the agency and the year, or a "
        "title split over two lines, are not deviations: only the report's name is checked. The same deviating wordings "
        "are reported where the preamble names the report (\"向社会公布……年度报告\"), but not in the title of a cited "
        "document (\"《……关于政府信息公开年度报告有关事项的通知》\") or a website's column (\"“政府信息公开年度报告”专栏\"), "
        "which are not this report's name. A name with the year inside it (\"政府信息公开2024年度报告\") in the preamble is "
        "reported too, the fix writing \"2024年政府信息公开工作年度报告\". The title is the title line above the report's text; a web page's "
        "navigation (\"关怀版 无障碍\", \"首页 > …\") is not, and a title under it is found below it.\n\n"
        "Fix: replace the deviating part of the name with \"政府信息公开工作年度报告\".",
    .bad = "某某市某某局2022年政府信息公开年度报告",
    .good = "某某市某某局2022年政府信息公开工作年度报告",
};

// The title as a sequence of normalised code points, whitespace dropped, each remembering where it was written; so
// the report name can be found across stray spaces and line breaks and mapped back to the original bytes.
struct TitleText {
  std::string normalized;        // the normalised code points, concatenated
  std::vector<size_t> starts;    // for each code point: its first byte in `normalized`
  std::vector<ByteRange> spans;  // for each code point: where it is in the document
  std::vector<size_t> lines;     // for each code point: the title line it is on

  explicit TitleText(const Report& report) {
    const Title& title = *report.title;
    for (size_t line = 0; line < title.lines.size(); ++line) {
      const ByteRange range = title.lines[line];
      for (size_t i = range.begin; i < range.end;) {
        size_t length = 0;
        decode_utf8(report.text, i, length);
        // Titles are a few dozen characters: normalising them one code point at a time is cheap.
        const std::string piece = normalize_label(report.text.substr(i, length));
        if (!piece.empty()) {
          starts.push_back(normalized.size());
          spans.push_back({i, i + length});
          lines.push_back(line);
          normalized += piece;
        }
        i += length;
      }
    }
  }

  // The document span of the first occurrence of the (normalised) `name`, and whether it stays on one line.
  struct Found {
    ByteRange span;
    bool one_line = false;
  };
  std::optional<Found> find(std::string_view name) const {
    const size_t at = normalized.find(name);
    if (name.empty() || at == std::string::npos) return std::nullopt;
    const size_t first = std::upper_bound(starts.begin(), starts.end(), at) - starts.begin() - 1;
    const size_t last = std::lower_bound(starts.begin(), starts.end(), at + name.size()) - starts.begin() - 1;
    return Found{{spans[first].begin, spans[last].end}, lines[first] == lines[last]};
  }
};

bool has_space(std::string_view text) {
  return text.find_first_of(" \t") != std::string_view::npos || text.find("\u3000") != std::string_view::npos ||
         text.find("\u00A0") != std::string_view::npos;
}

// The variant wordings of the report's name, longest first: "信息公开工作年度报告" is also the tail of other wordings.
std::vector<std::string> variants_longest_first(const FormatDefinition& format) {
  std::vector<std::string> variants = format.title_variants;
  std::sort(variants.begin(), variants.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  return variants;
}

Fix replace_with_phrase(const Report& report, ByteRange span, const std::string& phrase) {
  return Fix{"将“" + std::string(report.slice(span)) + "”改为“" + phrase + "”", true, {TextEdit{span, phrase}}};
}

// Whether the wording at text[at, end) names something other than this report: a cited document whose title goes on
// after it ("《……关于政府信息公开年度报告有关事项的通知》"), or a website's column ("“政府信息公开年度报告”专栏").
bool names_another_document(std::string_view text, size_t at, size_t end) {
  const std::string_view after = text.substr(end);
  if (text::inside_title_marks(text, at) && !after.starts_with("》")) return true;
  for (std::string_view column : {"专栏", "栏目", "”专栏", "”栏目", "\"专栏", "\"栏目"})
    if (after.starts_with(column)) return true;
  return false;
}

constexpr std::string_view kNamePrefix = "政府信息公开";

// The report's name with the year inside it, at `at` (where 政府信息公开 starts): "政府信息公开2024年度报告",
// "政府信息公开工作2022年度报告". Its end (in the same offsets) and the year.
struct YearInsideName {
  size_t end = 0;
  std::string year;
};
std::optional<YearInsideName> year_inside_name(std::string_view text, size_t at) {
  size_t i = at + kNamePrefix.size();
  if (text.substr(i).starts_with("工作")) i += std::string_view("工作").size();
  if (i + 4 > text.size() || !std::all_of(text.begin() + i, text.begin() + i + 4, [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  const std::string year(text.substr(i, 4));
  i += 4;
  for (std::string_view rest : {"年度工作报告", "年度报告", "年工作报告", "年报告"})
    if (text.substr(i).starts_with(rest)) return YearInsideName{i + rest.size(), year};
  return std::nullopt;
}

// Where the preamble names the report ("向社会公布……2022年政府信息公开年度报告") with a variant wording. A variant
// inside the canonical name ("信息公开工作年度报告" in "政府信息公开工作年度报告") is not one, nor one in the title
// of a cited document or a website's column.
void check_preamble(const Report& report, const FormatDefinition& format, DiagnosticSink& sink) {
  const std::string& phrase = format.title_phrase;
  const std::vector<std::string> variants = variants_longest_first(format);
  for (size_t p : report.preamble_paragraphs) {
    for (const ByteRange line_range : report.paragraphs[p].lines) {
      const std::string_view line = report.search_slice(line_range);
      std::vector<ByteRange> taken;  // in the line's offsets: the canonical names and the variants already reported
      for (size_t at = text::find_word(line, phrase); at != std::string_view::npos;
           at = text::find_word(line, phrase, at + phrase.size()))
        taken.push_back({at, at + phrase.size()});
      // "政府信息公开2024年度报告": the year inside the name; the fix puts it before.
      for (size_t at = text::find_word(line, kNamePrefix); at != std::string_view::npos;
           at = text::find_word(line, kNamePrefix, at + 1)) {
        const auto inner = year_inside_name(line, at);
        if (!inner) continue;
        const ByteRange span{line_range.begin + at, line_range.begin + inner->end};
        if (names_another_document(report.search_text(), span.begin, span.end)) continue;
        taken.push_back({at, inner->end});
        Diagnostic& diagnostic = sink.report(span, "前言中的报告名称写作“" + std::string(report.slice(span)) +
                                                       "”，应为“" + inner->year + "年" + phrase +
                                                       "” / the preamble should call the report " + phrase);
        diagnostic.fixes.push_back(Fix{"改为“" + inner->year + "年" + phrase + "”", true,
                                       {TextEdit{span, inner->year + "年" + phrase}}});
      }
      for (const std::string& variant : variants) {
        for (size_t at = text::find_word(line, variant); at != std::string_view::npos;
             at = text::find_word(line, variant, at + 1)) {
          const ByteRange found{at, at + variant.size()};
          if (std::any_of(taken.begin(), taken.end(),
                          [&](ByteRange t) { return t.begin < found.end && found.begin < t.end; }))
            continue;
          taken.push_back(found);
          const ByteRange span{line_range.begin + found.begin, line_range.begin + found.end};
          if (names_another_document(report.search_text(), span.begin, span.end)) continue;
          Diagnostic& diagnostic = sink.report(span, "前言中的报告名称写作“" + std::string(report.slice(span)) +
                                                         "”，应为“" + phrase + "” / the preamble should call the report " +
                                                         phrase);
          diagnostic.fixes.push_back(replace_with_phrase(report, span, phrase));
        }
      }
    }
  }
}

void check_title(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  if (!report.title || report.title->lines.empty()) return;  // S101
  const std::string& phrase = ctx.format.title_phrase;
  const TitleText title(report);

  const std::string english = " / the title should contain " + phrase;
  const auto replace_fix = [&](ByteRange span) { return replace_with_phrase(report, span, phrase); };

  if (const auto found = title.find(normalize_label(phrase))) {
    // A name broken over two title lines is only the extraction's layout; spaces inside one line are a deviation.
    if (!found->one_line || !has_space(report.slice(found->span))) return;
    Diagnostic& diagnostic = sink.report(
        found->span, "标题中的报告名称“" + std::string(report.slice(found->span)) + "”含多余空格，应为“" + phrase +
                         "”" + english);
    diagnostic.fixes.push_back(replace_fix(found->span));
    return;
  }

  for (const std::string& variant : variants_longest_first(ctx.format)) {
    const auto found = title.find(normalize_label(variant));
    if (!found) continue;
    Diagnostic& diagnostic = sink.report(
        found->span, "标题中的报告名称写作“" + std::string(report.slice(found->span)) + "”，应为“" + phrase + "”" + english);
    if (found->one_line) diagnostic.fixes.push_back(replace_fix(found->span));
    return;
  }

  sink.report(report.title->range(), "标题未写明报告名称“" + phrase + "”" + english);
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  check_title(ctx, sink);
  check_preamble(ctx.report, ctx.format, sink);
}

}  // namespace

extern const Rule rule_S102{kDescriptor, check};

}  // namespace xxgk
