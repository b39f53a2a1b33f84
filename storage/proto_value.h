// Protobuf values of the record families.
#ifndef SUMMIT_STORAGE_PROTO_VALUE_H_
#define SUMMIT_STORAGE_PROTO_VALUE_H_

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"

namespace summit::storage {

// Parses a stored value; DATA_LOSS naming `what` when it does not parse.
template <typename Message>
absl::StatusOr<Message> ParseValue(absl::string_view bytes, absl::string_view what) {
  Message message;
  if (!message.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return absl::DataLossError(absl::StrCat("undecodable value of ", what));
  }
  return message;
}

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_PROTO_VALUE_H_
