#include "common/resource_names.h"

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/quote.h"

namespace summit::common {

std::string ResourceName(absl::string_view collection, absl::string_view id) {
  return absl::StrCat(collection, "/", id);
}

absl::StatusOr<std::string> ResourceId(absl::string_view name,
                                       absl::string_view collection,
                                       absl::string_view field) {
  const std::string prefix = absl::StrCat(collection, "/");
  auto invalid = [&](absl::string_view problem) {
    return absl::InvalidArgumentError(
        absl::StrCat(field, ": ", Quote(name), " ", problem));
  };
  if (!absl::StartsWith(name, prefix)) {
    return invalid(absl::StrCat("is not a resource name of the form ", prefix, "{id}"));
  }
  absl::string_view id = name.substr(prefix.size());
  if (id.empty() || id.size() > 128)
    return invalid("has an id that is empty or over 128 characters");
  for (char c : id) {
    if (!(absl::ascii_islower(c) || absl::ascii_isdigit(c) || c == '-')) {
      return invalid("has an id with characters other than a-z, 0-9 and '-'");
    }
  }
  if (id.front() == '-' || id.back() == '-')
    return invalid("has an id that starts or ends with '-'");
  return std::string(id);
}

}  // namespace summit::common
