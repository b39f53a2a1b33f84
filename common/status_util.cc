#include "common/status_util.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "common/quote.h"

namespace summit {

grpc::Status ToGrpcStatus(const absl::Status& status) {
  if (status.ok()) return grpc::Status::OK;
  const absl::string_view message = status.message();
  return grpc::Status(static_cast<grpc::StatusCode>(status.code()),
                      message.size() <= kMaxStatusMessageBytes
                          ? std::string(message)
                          : absl::StrCat(Utf8Prefix(message, kMaxStatusMessageBytes),
                                         "... (message truncated)"));
}

}  // namespace summit
