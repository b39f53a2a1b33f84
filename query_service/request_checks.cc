#include "query_service/request_checks.h"

#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "common/field_checks.h"
#include "common/resource_names.h"
#include "common/status_macros.h"

namespace summit::query {

using common::CommodityCodeProblem;
using common::InvalidField;
using common::TradeFlowProblem;
using common::ValidateCountry;
using common::ValidateDate;
using reference::ReferenceData;

namespace {

// Whether the earliest day of `start` falls after the latest day of `end`.
bool EndsBeforeStart(const v1::Date& start, const v1::Date& end) {
  if (start.year() == 0 || end.year() == 0) return false;
  auto part = [](int value, int open) { return value == 0 ? open : value; };
  return std::make_tuple(start.year(), start.month(), start.day()) >
         std::make_tuple(end.year(), part(end.month(), 12), part(end.day(), 31));
}

}  // namespace

absl::StatusOr<std::string> FilterId(const std::string& name,
                                     absl::string_view collection,
                                     absl::string_view field) {
  if (name.empty()) return std::string();
  return common::ResourceId(name, collection, field);
}

absl::Status ValidateDateRange(const v1::Date& start, const v1::Date& end) {
  RETURN_IF_ERROR(ValidateDate(start, "start_date"));
  RETURN_IF_ERROR(ValidateDate(end, "end_date"));
  if (EndsBeforeStart(start, end))
    return InvalidField("end_date", "is before start_date");
  return absl::OkStatus();
}

absl::Status ValidateYears(int32_t start, int32_t end) {
  for (const auto& [field, year] :
       {std::pair("start_year", start), std::pair("end_year", end)}) {
    if (year != 0 && (year < 1900 || year > 2100)) {
      return InvalidField(
          field, absl::StrCat(year, " is not within 1900..2100 (0 for no bound)"));
    }
  }
  if (start != 0 && end != 0 && end < start) {
    return InvalidField("end_year", absl::StrCat(end, " is before start_year ", start));
  }
  return absl::OkStatus();
}

absl::Status ValidateCountryPair(
    const google::protobuf::RepeatedPtrField<std::string>& codes, absl::string_view field,
    const ReferenceData& data, bool optional) {
  if (codes.empty() && optional) return absl::OkStatus();
  if (codes.size() != 2) {
    return InvalidField(
        field, absl::StrCat("has ", codes.size(), " codes; give exactly two countries"));
  }
  for (int i = 0; i < 2; ++i) {
    RETURN_IF_ERROR(ValidateCountry(codes[i], absl::StrCat(field, "[", i, "]"), data,
                                    /*required=*/true));
  }
  if (codes[0] == codes[1]) return InvalidField(field, "names the same country twice");
  return absl::OkStatus();
}

absl::Status ValidateTradePartners(const std::string& reporter,
                                   const std::string& partner,
                                   const ReferenceData& data) {
  RETURN_IF_ERROR(ValidateCountry(reporter, "reporter_code", data, /*required=*/true));
  RETURN_IF_ERROR(ValidateCountry(partner, "partner_code", data, /*required=*/true,
                                  /*allow_world=*/true));
  if (partner == reporter) return InvalidField("partner_code", "is the reporter itself");
  return absl::OkStatus();
}

absl::StatusOr<std::vector<v1::TradeFlowDirection>> ReadDirections(
    const google::protobuf::RepeatedField<int>& requested) {
  std::set<v1::TradeFlowDirection> flows;
  for (int i = 0; i < requested.size(); ++i) {
    if (std::optional<std::string> problem = TradeFlowProblem(requested[i])) {
      return InvalidField(absl::StrCat("directions[", i, "]"), *problem);
    }
    flows.insert(static_cast<v1::TradeFlowDirection>(requested[i]));
  }
  if (flows.empty()) {
    flows = {v1::TRADE_FLOW_DIRECTION_EXPORT, v1::TRADE_FLOW_DIRECTION_IMPORT,
             v1::TRADE_FLOW_DIRECTION_RE_EXPORT, v1::TRADE_FLOW_DIRECTION_RE_IMPORT};
  }
  return std::vector<v1::TradeFlowDirection>(flows.begin(), flows.end());
}

absl::StatusOr<std::vector<std::string>> ReadCommodityCodes(
    const v1::GetTradeStatisticsRequest& request, const ReferenceData& data) {
  if (!request.sector().empty()) {
    if (!request.commodity_codes().empty()) {
      return InvalidField("sector", "is set together with commodity_codes; give one");
    }
    ASSIGN_OR_RETURN(std::string id, FilterId(request.sector(), common::kSectors, "sector"));
    const data::v1::SectorEntry* entry = data.Sector(id);
    if (entry == nullptr) return std::vector<std::string>{};
    return std::vector<std::string>(entry->hs_chapters().begin(),
                                    entry->hs_chapters().end());
  }
  if (request.commodity_codes().empty()) return std::vector<std::string>{"TOTAL"};
  ASSIGN_OR_RETURN(std::vector<std::string> codes, ReadCodeList(request.commodity_codes()));
  if (codes.size() > 1 && std::count(codes.begin(), codes.end(), "TOTAL") != 0) {
    return InvalidField("commodity_codes",
                        "TOTAL already covers every code; do not combine it with others");
  }
  return codes;
}

absl::StatusOr<std::vector<std::string>> ReadCodeList(
    const google::protobuf::RepeatedPtrField<std::string>& codes) {
  if (codes.size() > kMaxCommodityCodes) {
    return InvalidField("commodity_codes", absl::StrCat(codes.size(), " codes exceed the ",
                                                        kMaxCommodityCodes, " allowed"));
  }
  std::set<std::string> sorted;
  for (int i = 0; i < codes.size(); ++i) {
    if (std::optional<std::string> problem = CommodityCodeProblem(codes[i])) {
      return InvalidField(absl::StrCat("commodity_codes[", i, "]"), *problem);
    }
    sorted.insert(codes[i]);
  }
  // Sorted, a code's extensions follow it: keep a code unless the last kept
  // one starts it.
  std::vector<std::string> kept;
  for (const std::string& code : sorted) {
    if (kept.empty() || code.rfind(kept.back(), 0) != 0) kept.push_back(code);
  }
  return kept;
}

absl::StatusOr<int> ReadTopCommoditiesLimit(int32_t limit) {
  if (limit < 0) {
    return InvalidField("top_commodities_limit",
                        absl::StrCat(limit, " is negative; use 0 for the default of ",
                                     kDefaultTopCommodities));
  }
  return limit == 0 ? kDefaultTopCommodities : std::min(limit, kMaxTopCommodities);
}

absl::StatusOr<size_t> ReadTopCommoditiesDigits(int32_t digits,
                                                const std::vector<std::string>& codes) {
  if (digits != 0 && digits != 2 && digits != 4 && digits != 6) {
    return InvalidField("top_commodities_digits",
                        absl::StrCat(digits, " is not 2, 4 or 6 (or 0 for the default)"));
  }
  for (const std::string& code : codes) {
    if (digits != 0 && code != "TOTAL" && code.size() > static_cast<size_t>(digits)) {
      return InvalidField("top_commodities_digits",
                          absl::StrCat(digits, " is shorter than commodity code ", code));
    }
  }
  return static_cast<size_t>(digits);
}

}  // namespace summit::query
