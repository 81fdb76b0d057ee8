// C408 template-placeholder: template text left in a report (【待填写】, {机关名称}, {N}, 某某/××/XX for a name, a
// number or a date).
#include <algorithm>
#include <array>
#include <bit>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "xxgk/analysis.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "C408",
    .slug = "template-placeholder",
    .title_zh = "报告中留有模板占位文字",
    .title_en = "Template placeholder left in the report",
    .severity = Severity::Error,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "检查报告中是否留有模板的占位文字：`xxgk-lint init` 生成的“【待填写】”（以及“【请填写】”“【待补充】”），"
        "自动修复插入的标题占位“{机关名称}”“{N}”等花括号占位，模板说明“（具体网址）”，以及代替名称、数字或日期的"
        "“某某”“××”“XX”（“某某市某某局”“××年××月××日”“XX件”）。\n\n"
        "为避免误报：“某某”“XX”只在其后紧跟表示机关、地名、日期或数量的字（省、市、县、区、局、委、办、厅、部、镇、乡、"
        "街、村、所、年、月、日、号、件、条）时才算占位；“XX”还须不是英文单词、网址或编号的一部分（前后不是字母或数字）；"
        "单个“×”（乘号，如“12×5”）不算。HTML 注释中的文字不检查。\n\n"
        "依据：报告以机关名义向社会公开，留有模板文字说明内容未填写完整，不能报送或公开 [practice, "
        "国办公开办函〔2021〕30号“内容雷同、敷衍塞责”的问责要求]。\n\n"
        "修改方法：把占位文字换成实际内容（机关全称、年度、数字、网址），或删去不适用的模板句子。",
    .doc_en =
        "Finds template text left in a report: the “【待填写】” that `xxgk-lint init` prints (and “【请填写】”, "
        "“【待补充】”), brace placeholders such as “{机关名称}” and “{N}” that the automatic title fix inserts, the "
        "template note “（具体网址）”, and “某某”, “××” or “XX” standing for a name, a number or a date "
        "(“某某市某某局”, “××年××月××日”, “XX件”).\n\n"
        "To avoid false alarms, 某某 and XX count only when directly followed by a character of an agency, place, date "
        "or count (省 市 县 区 局 委 办 厅 部 镇 乡 街 村 所 年 月 日 号 件 条); XX must also not be part of a Latin word, "
        "URL or code (no letter or digit next to it); a single × (a multiplication sign, “12×5”) does not count. Text "
        "in HTML comments is not checked.\n\n"
        "Why: the report is published in the agency's name; template text shows it was not completed and must not "
        "be submitted or published [practice; the accountability clause of 国办公开办函〔2021〕30号 on perfunctory "
        "reports].\n\n"
        "How to fix: replace the placeholder with the real content (the agency's full name, the year, the number, "
        "the URL), or delete template sentences that do not apply.",
    .bad = "某某市某某局2024年政府信息公开工作年度报告\n\n（一）主动公开。【待填写】本年度主动公开工作情况。",
    .good = "青山市自然资源和规划局2024年政府信息公开工作年度报告\n\n（一）主动公开。全年主动公开政府信息1268条。",
};

constexpr size_t kMostBraceContentBytes = 8 * 3;  // {机关名称}, {N}, {YYYY}: a few characters

bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_word(char c) { return is_ascii_letter(c) || (c >= '0' && c <= '9'); }

// Whether the text after `end` (inline spaces skipped) starts with one of the suffixes a placeholder stands before.
bool before_name_suffix(std::string_view text, size_t end, const std::u32string& suffixes) {
  size_t length = 0;
  const char32_t next = text::code_point_at(text, text::skip_inline_spaces(text, end), length);
  return length > 0 && suffixes.find(next) != std::u32string::npos;
}

// "{机关名称}", "{N}": a short brace pair on one line holding Han characters or Latin letters only.
std::optional<ByteRange> brace_placeholder(std::string_view text, size_t open) {
  const size_t limit = std::min(text.size(), open + 1 + kMostBraceContentBytes + 1);
  const size_t close = text.find('}', open + 1);
  if (close == std::string_view::npos || close >= limit || close == open + 1) return std::nullopt;
  const std::string_view inside = text.substr(open + 1, close - open - 1);
  const bool latin = std::all_of(inside.begin(), inside.end(), is_ascii_letter);
  bool han = true;
  for (size_t i = 0, length = 0; i < inside.size() && han; i += length)
    han = text::is_han(text::code_point_at(inside, i, length)) && length > 0;
  if (!latin && !han) return std::nullopt;
  return ByteRange{open, close + 1};
}

// A run of `unit` (某, ×, X/x) of at least two at `at`; its end, or `at` when there is none.
size_t run_end(std::string_view text, size_t at, std::initializer_list<std::string_view> units) {
  size_t end = at, count = 0;
  for (bool more = true; more;) {
    more = false;
    for (std::string_view unit : units)
      if (text.substr(end, unit.size()) == unit) {
        end += unit.size();
        ++count;
        more = true;
        break;
      }
  }
  return count >= 2 ? end : at;
}

// What a placeholder may begin with: the first character of a mark ("【" of "【待填写】"), a brace, ×, 某, X or x.
enum class Opening { Mark, Brace, Times, Mou, Latin };

struct Opener {
  std::string character;
  Opening opening;
  std::vector<std::string> marks;  // for Opening::Mark: the placeholder_marks beginning with `character`
};

// The openers of the format's placeholders, grouped by the last byte of their character: a placeholder can only begin
// where one of those bytes ends its first character.
struct Openers {
  std::vector<Opener> openers;                               // ordered by their character's last byte
  std::array<std::pair<uint8_t, uint8_t>, 256> with_last{};  // per byte: the openers [first, second) ending with it
  std::string last_bytes;                                    // the distinct last bytes
  // The endings of the openers' characters, as (byte before the last) << 8 | last byte; a one-byte opener ends after
  // any byte. Most places of a last byte are other characters ending with it (0x88 and 0x90 end many): one bit
  // settles them.
  std::bitset<1 << 16> endings;
};

Openers openers_of(const FormatDefinition& format) {
  Openers o;
  for (const std::string& mark : format.placeholder_marks) {
    size_t length = 0;
    text::code_point_at(mark, 0, length);
    const std::string first = mark.substr(0, std::max<size_t>(length, 1));
    auto opener = std::find_if(o.openers.begin(), o.openers.end(),
                               [&](const Opener& g) { return g.opening == Opening::Mark && g.character == first; });
    if (opener == o.openers.end()) opener = o.openers.insert(o.openers.end(), Opener{first, Opening::Mark, {}});
    opener->marks.push_back(mark);
  }
  o.openers.push_back({"{", Opening::Brace, {}});
  o.openers.push_back({"×", Opening::Times, {}});
  o.openers.push_back({"某", Opening::Mou, {}});
  o.openers.push_back({"X", Opening::Latin, {}});
  o.openers.push_back({"x", Opening::Latin, {}});
  const auto last_byte = [](const Opener& opener) { return static_cast<uint8_t>(opener.character.back()); };
  std::stable_sort(o.openers.begin(), o.openers.end(),
                   [&](const Opener& a, const Opener& b) { return last_byte(a) < last_byte(b); });
  for (size_t i = 0; i < o.openers.size(); ++i) {
    auto& [first, second] = o.with_last[last_byte(o.openers[i])];
    if (first == second) {
      first = static_cast<uint8_t>(i);
      o.last_bytes += o.openers[i].character.back();
    }
    second = static_cast<uint8_t>(i + 1);
  }
  for (const Opener& opener : o.openers) {
    const std::string& c = opener.character;
    const auto last = static_cast<uint8_t>(c.back());
    if (c.size() > 1) {
      o.endings.set(static_cast<unsigned>(static_cast<uint8_t>(c[c.size() - 2])) << 8 | last);
    } else {
      for (unsigned before = 0; before < 256; ++before) o.endings.set(before << 8 | last);
    }
  }
  return o;
}

// Calls visit(i) for each i, in order, where text[i] is one of `bytes`. The text is read once, sixteen bytes at a
// time with SSE2 when there are at most kMostBytes of them: one pass for all the placeholders instead of a search
// per kind (most of the text holds none).
template <typename Visit>
void for_each_byte_of(std::string_view text, std::string_view bytes, Visit visit) {
  size_t pos = 0;
#if defined(__SSE2__)
  constexpr size_t kBlock = 16, kMostBytes = 8;
  if (!bytes.empty() && bytes.size() <= kMostBytes) {
    __m128i wanted[kMostBytes];  // a plain array: as a template argument __m128i would lose its attributes
    for (size_t i = 0; i < kMostBytes; ++i) wanted[i] = _mm_set1_epi8(bytes[std::min(i, bytes.size() - 1)]);
    for (; pos + kBlock <= text.size(); pos += kBlock) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + pos));
      __m128i any = _mm_cmpeq_epi8(block, wanted[0]);
      for (size_t i = 1; i < kMostBytes; ++i) any = _mm_or_si128(any, _mm_cmpeq_epi8(block, wanted[i]));
      for (auto hits = static_cast<uint32_t>(_mm_movemask_epi8(any)); hits != 0; hits &= hits - 1)
        visit(pos + static_cast<size_t>(std::countr_zero(hits)));
    }
  }
#endif
  for (; pos < text.size(); ++pos)
    if (bytes.find(text[pos]) != std::string_view::npos) visit(pos);
}

void check(const CheckContext& context, DiagnosticSink& sink) {
  const Report& report = context.report;
  const std::string_view text = report.search_text();
  const std::u32string& suffixes = derived_from_format(
      context.format, [](const FormatDefinition& f) { return utf8_code_points(f.placeholder_name_suffixes); });
  const Openers& openers = derived_from_format(context.format, openers_of);
  std::vector<ByteRange> found;
  // Where the search for each run (××, 某某, XX) resumes: a run is read once, from its first character.
  size_t times_from = 0, mou_from = 0, latin_from = 0;
  const auto at_opener = [&](const Opener& opener, size_t at) {
    switch (opener.opening) {
      case Opening::Mark:
        for (const std::string& mark : opener.marks)
          if (text::starts_with_at(text, at, mark)) found.push_back({at, at + mark.size()});
        break;
      case Opening::Brace:
        if (const auto braces = brace_placeholder(text, at)) found.push_back(*braces);
        break;
      case Opening::Times:
        if (at >= times_from && text::starts_with_at(text, at, "××")) {
          times_from = run_end(text, at, {"×"});
          found.push_back({at, times_from});
        }
        break;
      case Opening::Mou:
        if (at >= mou_from && text::starts_with_at(text, at, "某某")) {
          mou_from = run_end(text, at, {"某"});
          if (before_name_suffix(text, mou_from, suffixes)) found.push_back({at, mou_from});
        }
        break;
      case Opening::Latin:
        if (at >= latin_from) {
          const size_t end = run_end(text, at, {"X", "x"});
          // Not part of a Latin word, a URL or a code: nothing Latin, no digit, no dot or slash next to it.
          const bool after_word =
              at > 0 && (is_ascii_word(text[at - 1]) || text[at - 1] == '.' || text[at - 1] == '/');
          const bool alone = !after_word && (end >= text.size() || !is_ascii_word(text[end]));
          if (end > at && alone && before_name_suffix(text, end, suffixes)) found.push_back({at, end});
          latin_from = std::max(end, at + 1);
        }
        break;
    }
  };
  // The openers whose character ends at `last`; the cheap test of the byte pair stays in the scan's loop.
  const auto at_ending = [&](size_t last) {
    const auto [first, second] = openers.with_last[static_cast<uint8_t>(text[last])];
    for (size_t i = first; i < second; ++i) {
      const std::string& character = openers.openers[i].character;
      if (last + 1 < character.size()) continue;
      const size_t at = last + 1 - character.size();
      if (text.compare(at, character.size(), character) == 0) at_opener(openers.openers[i], at);
    }
  };
  for_each_byte_of(text, openers.last_bytes, [&](size_t last) {
    const unsigned before = last > 0 ? static_cast<uint8_t>(text[last - 1]) : 0;
    if (openers.endings[before << 8 | static_cast<uint8_t>(text[last])]) at_ending(last);
  });

  std::sort(found.begin(), found.end(), [](ByteRange a, ByteRange b) { return a.begin < b.begin; });
  for (const ByteRange range : found) {
    const bool commented = std::any_of(report.comments.begin(), report.comments.end(),
                                       [&](ByteRange comment) { return comment.overlaps(range); });
    if (commented) continue;
    sink.report(range, "报告中留有模板占位文字“" + std::string(report.slice(range)) +
                           "”，应填写实际内容 / template placeholder left in the report");
  }
}

}  // namespace

extern const Rule rule_C408{kDescriptor, check};

}  // namespace xxgk
