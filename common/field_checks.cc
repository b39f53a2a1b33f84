#include "common/field_checks.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "common/quote.h"
#include "common/resource_names.h"
#include "common/status_macros.h"
#include "unicode/utf8.h"

namespace summit::common {

using reference::ReferenceData;

absl::Status InvalidField(absl::string_view field, absl::string_view problem) {
  return absl::InvalidArgumentError(absl::StrCat(field, ": ", problem));
}

int64_t InvalidUtf8At(absl::string_view text) {
  int32_t i = 0;
  const int32_t length = static_cast<int32_t>(text.size());
  while (i < length) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(text.data(), i, length, c);
    if (c < 0) return start;
  }
  return -1;
}

absl::Status ValidateDate(const v1::Date& date, absl::string_view field) {
  auto part = [&](absl::string_view name) { return absl::StrCat(field, ".", name); };
  if (date.year() != 0 && (date.year() < 1900 || date.year() > 2100)) {
    return InvalidField(part("year"),
                        absl::StrCat(date.year(), " is not within 1900..2100"));
  }
  if (date.month() < 0 || date.month() > 12) {
    return InvalidField(part("month"),
                        absl::StrCat(date.month(), " is not within 0..12"));
  }
  if (date.month() != 0 && date.year() == 0) {
    return InvalidField(part("month"), "is set but the year is not");
  }
  if (date.day() != 0) {
    if (date.month() == 0)
      return InvalidField(part("day"), "is set but the month is not");
    const absl::CivilDay day(date.year(), date.month(), date.day());
    if (date.day() < 1 || day.month() != date.month() || day.day() != date.day()) {
      return InvalidField(part("day"), absl::StrCat(date.day(), " is not a day of ",
                                                    date.year(), "-", date.month()));
    }
  }
  return absl::OkStatus();
}

std::optional<std::string> CountryCodeProblem(const std::string& code,
                                              const ReferenceData& data,
                                              bool allow_world) {
  if (data.IsCountryCode(code, allow_world)) return std::nullopt;
  const std::string upper = absl::AsciiStrToUpper(code);
  if (upper != code && data.IsCountryCode(upper, allow_world)) {
    return absl::StrCat(Quote(code),
                        " is not an ISO 3166-1 alpha-3 code: codes are upper case, use ",
                        Quote(upper));
  }
  return absl::StrCat(Quote(code), " is not an ISO 3166-1 alpha-3 code",
                      allow_world ? " or W00" : "");
}

absl::Status ValidateCountry(const std::string& code, absl::string_view field,
                             const ReferenceData& data, bool required, bool allow_world) {
  if (code.empty() && !required) return absl::OkStatus();
  if (std::optional<std::string> problem = CountryCodeProblem(code, data, allow_world)) {
    return InvalidField(field, *problem);
  }
  return absl::OkStatus();
}

absl::StatusOr<std::string> ValidateSectorName(const std::string& name,
                                               absl::string_view field,
                                               const ReferenceData& data) {
  ASSIGN_OR_RETURN(std::string id, ResourceId(name, kSectors, field));
  if (data.Sector(id) == nullptr) {
    return InvalidField(field,
                        absl::StrCat(Quote(name), " is not a sector of the taxonomy"));
  }
  return id;
}

std::optional<std::string> CommodityCodeProblem(const std::string& code) {
  const bool hs = (code.size() == 2 || code.size() == 4 || code.size() == 6) &&
                  std::all_of(code.begin(), code.end(),
                              [](char c) { return absl::ascii_isdigit(c); });
  if (hs || code == "TOTAL") return std::nullopt;
  return absl::StrCat(Quote(code),
                      " is neither TOTAL nor an HS code of 2, 4 or 6 digits");
}

std::optional<std::string> TradeFlowProblem(int flow) {
  if (v1::TradeFlowDirection_IsValid(flow) &&
      flow != v1::TRADE_FLOW_DIRECTION_UNSPECIFIED) {
    return std::nullopt;
  }
  const std::string given = v1::TradeFlowDirection_IsValid(flow)
                                ? v1::TradeFlowDirection_Name(flow)
                                : absl::StrCat(flow);
  return absl::StrCat(given,
                      " is not a direction; use TRADE_FLOW_DIRECTION_EXPORT, "
                      "TRADE_FLOW_DIRECTION_IMPORT, TRADE_FLOW_DIRECTION_RE_EXPORT or "
                      "TRADE_FLOW_DIRECTION_RE_IMPORT");
}

}  // namespace summit::common
