// Resource names of the API ("summits/{id}") and the ids they hold, which
// storage keys are built from.
#ifndef SUMMIT_COMMON_RESOURCE_NAMES_H_
#define SUMMIT_COMMON_RESOURCE_NAMES_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace summit::common {

inline constexpr absl::string_view kSummits = "summits";
inline constexpr absl::string_view kParticipants = "participants";
inline constexpr absl::string_view kSectors = "sectors";

// "{collection}/{id}".
std::string ResourceName(absl::string_view collection, absl::string_view id);

// The id of `name` in `collection`. INVALID_ARGUMENT, naming `field`, when
// `name` is not "{collection}/{id}" with an id of 1..128 characters of
// [a-z0-9-] that neither starts nor ends with '-'.
absl::StatusOr<std::string> ResourceId(absl::string_view name,
                                       absl::string_view collection,
                                       absl::string_view field);

}  // namespace summit::common

#endif  // SUMMIT_COMMON_RESOURCE_NAMES_H_
