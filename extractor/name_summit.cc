// The summit's format, resource name, title and source.
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/resource_names.h"
#include "extractor/finders.h"

namespace summit::extractor {
namespace {

v1::SummitFormat FormatOf(const SentenceCues& cues, size_t countries) {
  if (cues.phone) return v1::SUMMIT_FORMAT_PHONE_CALL;
  if (cues.video) return v1::SUMMIT_FORMAT_VIDEO_CALL;
  if (cues.state_visit) return v1::SUMMIT_FORMAT_STATE_VISIT;
  return countries > 2 ? v1::SUMMIT_FORMAT_MULTILATERAL : v1::SUMMIT_FORMAT_BILATERAL;
}

// "2026-01-17", "2026-01", "2026"; "" without a year.
std::string DatePart(const v1::Date& date) {
  if (date.year() == 0) return "";
  std::string part = absl::StrCat(date.year());
  if (date.month() != 0)
    absl::StrAppend(&part, "-", absl::Dec(date.month(), absl::kZeroPad2));
  if (date.day() != 0)
    absl::StrAppend(&part, "-", absl::Dec(date.day(), absl::kZeroPad2));
  return part;
}

// "A and B", "A, B and C".
std::string JoinNames(const std::vector<std::string>& names) {
  if (names.size() <= 2) return absl::StrJoin(names, " and ");
  return absl::StrCat(absl::StrJoin(names.begin(), names.end() - 1, ", "), " and ",
                      names.back());
}

}  // namespace

void NameSummit(const Analysis& analysis, v1::Summit& summit) {
  std::set<std::string> countries;
  std::vector<std::string> names;  // In the order of the participants.
  for (const v1::SummitParticipant& participant : summit.participants()) {
    countries.insert(absl::AsciiStrToLower(participant.country_code()));
    names.push_back(participant.display_name());
  }
  summit.set_format(FormatOf(analysis.cues(), countries.size()));
  const bool call = summit.format() == v1::SUMMIT_FORMAT_PHONE_CALL ||
                    summit.format() == v1::SUMMIT_FORMAT_VIDEO_CALL;
  const std::string& city = summit.location().city();

  // summits/{date}-{city or "call"}-{countries}
  std::vector<std::string> parts;
  if (std::string date = DatePart(summit.date()); !date.empty()) parts.push_back(date);
  if (call) {
    parts.push_back("call");
  } else if (!city.empty()) {
    parts.push_back(Slug(city));
  }
  parts.push_back(absl::StrJoin(countries, "-"));
  summit.set_name(common::ResourceName(common::kSummits, absl::StrJoin(parts, "-")));

  const std::string who = JoinNames(names);
  if (call) {
    summit.set_title(absl::StrCat(who, " hold a ",
                                  analysis.cues().phone ? "phone call" : "video call"));
  } else if (!city.empty()) {
    summit.set_title(absl::StrCat(who, " meet in ", city));
  } else {
    summit.set_title(absl::StrCat(who, " meet"));
  }

  const v1::Article& article = analysis.article();
  v1::Source* source = summit.add_sources();
  source->set_source_id(article.source_id());
  source->set_url(article.url());
  source->set_title(article.title());
  *source->mutable_published() = article.published();
}

}  // namespace summit::extractor
