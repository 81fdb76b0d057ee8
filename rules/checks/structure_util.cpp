#include "structure_util.h"

#include <algorithm>
#include <array>

#include "xxgk/normalize.h"

namespace xxgk::structure {

namespace {

// Whether the line before the one starting at `start` is empty or blank.
bool blank_line_before(std::string_view text, size_t start) {
  if (start == 0) return false;
  size_t end = start - 1;  // on the previous line's terminator
  if (text[end] == '\n' && end > 0 && text[end - 1] == '\r') --end;
  const size_t begin = line_start_at(text, end);
  return trim(text.substr(begin, end - begin)).empty();
}

}  // namespace

bool headings_spaced(const Report& report) {
  for (const Heading& heading : report.headings) {
    const size_t start = line_start_at(report.text, heading.range.begin);
    if (start > 0) return blank_line_before(report.text, start);
  }
  return true;  // no heading to learn from: the template's layout
}

std::string heading_line(const Report& report, const SectionSpec& section, const TemplateStyle& style) {
  for (const Heading& heading : report.headings) {
    if (!heading.markdown || heading.numeral.empty() || heading.numeral.begin < heading.range.begin) continue;
    return std::string(report.slice({heading.range.begin, heading.numeral.begin})) + section.heading();
  }
  return render_heading(section, style);
}

ByteRange subitem_numeral(std::string_view text, const SubItem& item) {
  static constexpr std::array<std::string_view, 4> kOpeners = {"（", "(", "【", "["};
  static constexpr std::array<std::string_view, 5> kClosers = {"）", ")", "】", "]", "是"};
  ByteRange numeral = item.number;
  const auto at = [&](ByteRange r) { return text.substr(r.begin, r.end - r.begin); };
  for (std::string_view opener : kOpeners)
    if (at(numeral).starts_with(opener)) {
      numeral.begin += opener.size();
      break;
    }
  for (std::string_view closer : kClosers)
    if (at(numeral).ends_with(closer)) {
      numeral.end -= closer.size();
      break;
    }
  const std::string_view inner = trim(at(numeral));
  if (inner.empty()) return {numeral.begin, numeral.begin};
  numeral.begin = static_cast<size_t>(inner.data() - text.data());
  numeral.end = numeral.begin + inner.size();
  return numeral;
}

namespace {

// The agency named by a title: its normalised text up to the year or the report's name.
std::string title_agency(const Title& title) {
  const std::string& text = title.normalized;
  size_t end = text.find_first_of("0123456789");
  for (std::string_view name : {"政府信息公开", "政务公开", "信息公开"}) end = std::min(end, text.find(name));
  return text.substr(0, std::min(end, text.size()));
}

}  // namespace

bool is_government(const Report& report, const LintOptions& options) {
  if (options.agency_kind != AgencyKind::Auto) return options.agency_kind == AgencyKind::Government;
  if (!report.title) return false;
  const std::string agency = title_agency(*report.title);
  const std::string_view name(agency);
  // "…人民政府" and the short "…政府" are governments; so are townships (…乡 / …镇), named with or without 人民政府.
  // "…人民政府办公室" ends with 办公室 and stays a department.
  return name.ends_with("政府") || name.ends_with("乡") || name.ends_with("镇");
}

}  // namespace xxgk::structure
