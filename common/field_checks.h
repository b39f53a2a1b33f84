// Checks of single request fields, shared by both services. Failures are
// INVALID_ARGUMENT and start with the field path, then the problem:
// `start_date.month: 13 is not within 0..12`.
#ifndef SUMMIT_COMMON_FIELD_CHECKS_H_
#define SUMMIT_COMMON_FIELD_CHECKS_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "reference/reference_data.h"
#include "summit/v1/resources.pb.h"

namespace summit::common {

// INVALID_ARGUMENT "`field`: `problem`".
absl::Status InvalidField(absl::string_view field, absl::string_view problem);

// The byte offset of the first invalid UTF-8 sequence in `text`; -1 when
// it is valid throughout.
int64_t InvalidUtf8At(absl::string_view text);

// A calendar date with unknown parts (0): year 0 or 1900..2100, month
// 0..12, a day valid for its month, no month without a year and no day
// without a month.
absl::Status ValidateDate(const v1::Date& date, absl::string_view field);

// What is wrong with `code` as an ISO 3166-1 alpha-3 code of iso-codes (or
// "W00" when `allow_world`); nullopt when nothing. For fields whose
// problems are reported otherwise than as a Status (trade rows).
std::optional<std::string> CountryCodeProblem(const std::string& code,
                                              const reference::ReferenceData& data,
                                              bool allow_world = false);

// The same as a Status naming `field`. An empty code passes unless
// `required`.
absl::Status ValidateCountry(const std::string& code, absl::string_view field,
                             const reference::ReferenceData& data, bool required,
                             bool allow_world = false);

// The id of a "sectors/{id}" name of a taxonomy sector.
absl::StatusOr<std::string> ValidateSectorName(const std::string& name,
                                               absl::string_view field,
                                               const reference::ReferenceData& data);

// What is wrong with `code` as "TOTAL" or an HS code of 2, 4 or 6 digits;
// nullopt when nothing.
std::optional<std::string> CommodityCodeProblem(const std::string& code);

// What is wrong with `flow` as EXPORT, IMPORT, RE_EXPORT or RE_IMPORT;
// nullopt when nothing.
std::optional<std::string> TradeFlowProblem(int flow);

}  // namespace summit::common

#endif  // SUMMIT_COMMON_FIELD_CHECKS_H_
