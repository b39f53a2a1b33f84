// The checks of QueryService request fields other than paging (page_size
// and page_token are read by PageTokens::ReadPageRequest) and the resource
// name of a Get (common::ResourceId). Each family of RPCs checks its
// requests' filters here and nowhere else. Failures are INVALID_ARGUMENT naming the field
// (see common/field_checks.h).
#ifndef SUMMIT_QUERY_SERVICE_REQUEST_CHECKS_H_
#define SUMMIT_QUERY_SERVICE_REQUEST_CHECKS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_field.h"
#include "reference/reference_data.h"
#include "summit/v1/query_service.pb.h"
#include "summit/v1/resources.pb.h"

namespace summit::query {

// GetTradeStatistics' top commodities when its limit is 0, and its cap.
inline constexpr int kDefaultTopCommodities = 10;
inline constexpr int kMaxTopCommodities = 100;

// The id of `name`, a filter by a resource of `collection` in `field`;
// empty when `name` is (no filter).
absl::StatusOr<std::string> FilterId(const std::string& name,
                                     absl::string_view collection,
                                     absl::string_view field);

// `start_date` and `end_date`, each valid, the end not before the start.
absl::Status ValidateDateRange(const v1::Date& start, const v1::Date& end);

// `start_year` and `end_year`, each 0 (no bound) or 1900..2100, the end not
// before the start.
absl::Status ValidateYears(int32_t start, int32_t end);

// Two distinct country codes in `field`; none passes when `optional`.
absl::Status ValidateCountryPair(
    const google::protobuf::RepeatedPtrField<std::string>& codes, absl::string_view field,
    const reference::ReferenceData& data, bool optional);

// A trade request's `reporter_code` (a country) and `partner_code` (a
// country or "W00", the world), not the reporter itself.
absl::Status ValidateTradePartners(const std::string& reporter,
                                   const std::string& partner,
                                   const reference::ReferenceData& data);

// The directions `requested` (field `directions`) names, distinct and
// ascending; all four when none.
absl::StatusOr<std::vector<v1::TradeFlowDirection>> ReadDirections(
    const google::protobuf::RepeatedField<int>& requested);

// The codes of a `commodity_codes` field, each "TOTAL" or 2, 4 or 6
// digits, at most kMaxCommodityCodes, sorted, without codes another one
// already covers ("2701" under "27").
absl::StatusOr<std::vector<std::string>> ReadCodeList(
    const google::protobuf::RepeatedPtrField<std::string>& codes);

// The commodity codes a trade request selects (its sector's HS chapters,
// or its commodity_codes, which may not mix "TOTAL" with others; "TOTAL"
// when neither), as ReadCodeList returns them. None for a sector the
// taxonomy lacks.
absl::StatusOr<std::vector<std::string>> ReadCommodityCodes(
    const v1::GetTradeStatisticsRequest& request, const reference::ReferenceData& data);

// The most codes a `commodity_codes` field holds.
inline constexpr int kMaxCommodityCodes = 100;

// How many top commodities a trade request asks for: `limit`, 0 for
// kDefaultTopCommodities, capped at kMaxTopCommodities; negative fails.
absl::StatusOr<int> ReadTopCommoditiesLimit(int32_t limit);

// The code length a trade request ranks top commodities at: 0 (the codes
// the series count), 2, 4 or 6, and not shorter than any of `codes` (as
// ReadCommodityCodes returns them).
absl::StatusOr<size_t> ReadTopCommoditiesDigits(int32_t digits,
                                                const std::vector<std::string>& codes);

}  // namespace summit::query

#endif  // SUMMIT_QUERY_SERVICE_REQUEST_CHECKS_H_
