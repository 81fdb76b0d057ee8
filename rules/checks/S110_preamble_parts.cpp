// S110 preamble-parts: the preamble's enumeration of the report's parts disagrees with the six headings.
#include <algorithm>
#include <cctype>
#include <optional>

#include "content_util.h"
#include "xxgk/normalize.h"
#include "xxgk/rule.h"

namespace xxgk {
namespace {

constexpr RuleDescriptor kDescriptor{
    .id = "S110",
    .slug = "preamble-parts",
    .title_zh = "前言所列报告组成与标题不符",
    .title_en = "The preamble's list of parts disagrees with the headings",
    .severity = Severity::Warning,
    .fix = FixSafety::None,
    .fix_zh = "",
    .doc_zh =
        "前言列举报告组成部分时（“本报告由总体情况、……六部分组成”“……等六个部分”），检查所说的部分数"
        "和所列各部分名称是否与格式规定的六个部分一致：数目不符（如称“六部分”只列了五个）、名称与标题不同"
        "（如“主动公开政府信息公开情况”“其他需要汇报的事项”）、顺序颠倒，都会报告。名称前加"
        "“政府信息公开”（“政府信息公开总体情况”）或以“和”代替顿号不算不符。\n\n"
        "列举各部分不是格式的要求，但既然列了，就应与正文一致（format-2021.md 2.2 第 5 项）；前后不一是"
        "照抄往年或他人报告后未核对的常见痕迹。\n\n"
        "修复：按六个部分的标题改写前言中的列举，或删去这句话。",
    .doc_en =
        "When the preamble enumerates the report's parts (\"本报告由总体情况、……六部分组成\", \"……等六个部分\"), "
        "checks that the count and the names agree with the six prescribed sections: a wrong count (\"六部分\" with "
        "five listed), a name that differs from the heading (\"主动公开政府信息公开情况\", \"其他需要汇报的事项\") "
        "or parts out of order are reported. A name prefixed with 政府信息公开 (\"政府信息公开总体情况\") or written "
        "with 和 for the enumeration comma is accepted.\n\n"
        "The enumeration is not required by the format, but when present it must match the body (format-2021.md 2.2 "
        "item 5); a mismatch is a common trace of a report copied from another year or body without checking.\n\n"
        "Fix: rewrite the enumeration after the six headings, or drop the sentence.",
    .bad = "本报告由总体情况、主动公开政府信息公开情况、收到和处理政府信息公开申请情况、"
           "政府信息公开行政复议和行政诉讼情况、存在的主要问题及改进情况等六部分组成。",
    .good = "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、"
            "政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六部分组成。",
};

constexpr std::string_view kEnumerationComma = "、";

// Compared forms of a part name: normalised, with the enumeration's joining words dropped, so that
// "行政复议和行政诉讼情况" in a list matches the heading's "行政复议、行政诉讼情况".
std::string comparable(std::string_view name) {
  std::string text = normalize_label(name);
  for (std::string_view joiner : {"、", "和", "及", "与"})
    for (size_t at = text.find(joiner); at != std::string::npos; at = text.find(joiner, at))
      text.erase(at, joiner.size());
  return text;
}

// A listed part, with the section it names.
struct Part {
  ByteRange range;
  int section = 0;       // 0: names no section
  bool canonical = false;  // named as the heading is
};

// The enumeration sentence: "由/包括 A、B、…(等)N(个)部分".
struct Enumeration {
  ByteRange list;   // A、B、…
  ByteRange count;  // the number before 部分, empty when there is none
  int stated = 0;
};

// Reads the number written just before `end` ("六", "6", "６"); returns its start, or `end` when there is none.
size_t number_before(std::string_view text, size_t end, int& value) {
  static constexpr std::string_view kNumerals = "一二三四五六七八九十";  // 3 bytes each in UTF-8
  constexpr size_t kWide = 3;                                           // bytes of a CJK or full-width character
  const auto ascii_digit = [&](size_t at) { return std::isdigit(static_cast<unsigned char>(text[at - 1])) != 0; };
  const auto wide_digit = [&](size_t at) {
    if (at < kWide) return false;
    const std::string_view character = text.substr(at - kWide, kWide);
    const size_t numeral = kNumerals.find(character);
    const bool fullwidth = character.starts_with("\xEF\xBC") && static_cast<unsigned char>(character[2]) >= 0x90 &&
                           static_cast<unsigned char>(character[2]) <= 0x99;  // U+FF10..U+FF19
    return (numeral != std::string_view::npos && numeral % kWide == 0) || fullwidth;
  };
  size_t begin = end;
  while (begin > 0) {
    if (ascii_digit(begin))
      --begin;
    else if (wide_digit(begin))
      begin -= kWide;
    else
      break;
  }
  const std::string number = normalize_label(text.substr(begin, end - begin));
  const bool arabic = !number.empty() && std::all_of(number.begin(), number.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
  });
  value = number.empty() || number.size() > 3 ? 0 : arabic ? std::stoi(number) : chinese_numeral_value(number);
  return value > 0 ? begin : end;
}

std::optional<Enumeration> find_enumeration(std::string_view text, ByteRange preamble) {
  const std::string_view body = text.substr(preamble.begin, preamble.size());
  for (size_t at = content::find_word(body, "部分"); at != std::string_view::npos;
       at = content::find_word(body, "部分", at + 1)) {
    const size_t sentence = [&] {
      const size_t stop = content::rfind_word(body, "。", at + std::string_view("。").size());
      return stop == std::string_view::npos ? 0 : stop + std::string_view("。").size();
    }();
    size_t list_begin = std::string_view::npos;
    for (std::string_view opener : {"由", "包括", "包含", "分为"}) {
      const size_t found = content::rfind_word(body, opener, at + opener.size());
      if (found != std::string_view::npos && found >= sentence &&
          (list_begin == std::string_view::npos || found + opener.size() > list_begin))
        list_begin = found + opener.size();
    }
    if (list_begin == std::string_view::npos) continue;
    size_t list_end = at;
    if (body.substr(0, list_end).ends_with("个")) list_end -= std::string_view("个").size();
    Enumeration enumeration;
    const size_t count_begin = number_before(body, list_end, enumeration.stated);
    if (enumeration.stated > 0) enumeration.count = {preamble.begin + count_begin, preamble.begin + list_end};
    list_end = count_begin;
    if (body.substr(list_begin, list_end - list_begin).ends_with("等")) list_end -= std::string_view("等").size();
    const std::string_view list = body.substr(list_begin, list_end - list_begin);
    if (list.find(kEnumerationComma) == std::string_view::npos) continue;  // not a list of parts
    enumeration.list = {preamble.begin + list_begin, preamble.begin + list_end};
    return enumeration;
  }
  return std::nullopt;
}

// The sections' titles and variants in compared form, computed once per format definition.
struct ComparableSection {
  int number = 0;
  std::string title;
  std::vector<std::string> variants;
  std::u32string title_code_points;  // for the edit distance
  size_t typos = 1;  // edits that still name the section: one per five characters of its title, at least one
};

const std::vector<ComparableSection>& comparable_sections(const FormatDefinition& format) {
  return derived_from_format(format, [](const FormatDefinition& f) {
    std::vector<ComparableSection> sections;
    for (const SectionSpec& section : f.sections) {
      ComparableSection c{section.number, comparable(section.title), {}, {}, 1};
      c.title_code_points = utf8_code_points(c.title);
      c.typos = std::max<size_t>(1, c.title_code_points.size() / 5);
      for (const std::string& variant : section.variants) c.variants.push_back(comparable(variant));
      sections.push_back(std::move(c));
    }
    return sections;
  });
}

// The section `name` designates, and whether it is the heading's wording (possibly prefixed "政府信息公开(工作)").
Part classify(const FormatDefinition& format, std::string_view name, ByteRange range) {
  const std::string written = comparable(name);
  const std::vector<ComparableSection>& sections = comparable_sections(format);
  for (const ComparableSection& section : sections)
    for (std::string_view qualifier : {"", "政府信息公开", "政府信息公开工作"})
      if (written.size() == qualifier.size() + section.title.size() && written.starts_with(qualifier) &&
          written.ends_with(section.title))
        return {range, section.number, true};
  for (const ComparableSection& section : sections)
    for (const std::string& variant : section.variants)
      if (written == variant) return {range, section.number, false};
  // A slip of a character or two still names the section.
  const std::u32string written_code_points = utf8_code_points(written);
  for (const ComparableSection& section : sections)
    if (edit_distance(written_code_points, section.title_code_points, section.typos) <= section.typos)
      return {range, section.number, false};
  return {range, 0, false};
}

// Splits the list at its commas, rejoining pieces that together name a section (heading 四 has a comma inside).
std::vector<Part> read_parts(const FormatDefinition& format, std::string_view text, ByteRange list) {
  std::vector<ByteRange> pieces;
  for (size_t begin = list.begin; begin <= list.end;) {
    size_t end = text.find(kEnumerationComma, begin);
    if (end == std::string_view::npos || end > list.end) end = list.end;
    pieces.push_back({begin, end});
    begin = end + kEnumerationComma.size();
  }
  std::vector<Part> parts;
  for (size_t i = 0; i < pieces.size();) {
    Part best = classify(format, text.substr(pieces[i].begin, pieces[i].size()), pieces[i]);
    size_t used = 1;
    for (size_t more = 2; more <= 3 && i + more <= pieces.size(); ++more) {
      const ByteRange joined{pieces[i].begin, pieces[i + more - 1].end};
      const Part candidate = classify(format, text.substr(joined.begin, joined.size()), joined);
      if (candidate.section != 0 && (best.section == 0 || (candidate.canonical && !best.canonical))) {
        best = candidate;
        used = more;
      }
    }
    parts.push_back(best);
    i += used;
  }
  return parts;
}

void check(const CheckContext& ctx, DiagnosticSink& sink) {
  const Report& report = ctx.report;
  const auto enumeration = find_enumeration(report.text, report.preamble);
  if (!enumeration) return;
  const std::vector<Part> parts = read_parts(ctx.format, report.text, enumeration->list);
  const int prescribed = static_cast<int>(ctx.format.sections.size());

  std::vector<bool> listed(prescribed + 1, false);
  int previous = 0;
  for (const Part& part : parts) {
    const std::string name(report.slice(part.range));
    if (part.section == 0) {
      sink.report(part.range, "前言所列部分“" + name + "”与格式规定的六个部分都不对应 / the preamble lists a part "
                                                     "that is not a section");
      continue;
    }
    listed[part.section] = true;
    const SectionSpec& spec = *ctx.format.section(part.section);
    if (!part.canonical)
      sink.report(part.range, "前言所列第" + spec.numeral + "部分名称“" + name + "”与标题“" + spec.heading() +
                                  "”不符 / the preamble names section " + std::to_string(part.section) + " " + name);
    else if (part.section <= previous)
      sink.report(part.range, "前言所列部分“" + name + "”的顺序与标题顺序不符 / the preamble lists the parts out of "
                                                     "order");
    previous = std::max(previous, part.section);
  }

  std::string unlisted;
  for (const SectionSpec& section : ctx.format.sections)
    if (!listed[section.number]) unlisted += (unlisted.empty() ? "“" : "、“") + section.title + "”";
  const int count = static_cast<int>(parts.size());
  if (enumeration->count.empty() || (enumeration->stated == count && count == prescribed)) return;
  std::string message = "前言称“" + std::string(report.slice(enumeration->count)) + "部分”，实际列出" +
                        chinese_numeral(count) + "部分";
  if (enumeration->stated != prescribed) message += "，格式规定为" + chinese_numeral(prescribed) + "部分";
  if (!unlisted.empty()) message += "，未列" + unlisted;
  sink.report(enumeration->count, message + " / the preamble states " + std::to_string(enumeration->stated) +
                                      " parts and lists " + std::to_string(count));
}

}  // namespace

extern const Rule rule_S110{kDescriptor, check};

}  // namespace xxgk
