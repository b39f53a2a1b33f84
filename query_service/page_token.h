// AIP-158 paging for the List RPCs: page sizes and opaque page tokens.
//
// A token carries the storage cursor of the page's last result and a tag:
// SHA-256 over the request's filters (every field but page_size and
// page_token) and the cursor. A token sent with other filters, or altered,
// fails the tag check. The tag is not a secret: a client that forges one can
// only start a scan of its own filters at a key of its choosing, which the
// storage scans check against their ranges.
#ifndef SUMMIT_QUERY_SERVICE_PAGE_TOKEN_H_
#define SUMMIT_QUERY_SERVICE_PAGE_TOKEN_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace summit {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

// What a List request asks for: how many results, after which cursor.
struct PageRequest {
  int limit = kDefaultPageSize;
  // Empty for the first page.
  std::string resume_after;
};

// Reads the `page_size` and `page_token` fields of a List request: 0 is
// kDefaultPageSize, sizes above kMaxPageSize are capped, negative ones are
// INVALID_ARGUMENT naming page_size; a token that does not decode or does
// not belong to the request's filters is INVALID_ARGUMENT naming page_token.
absl::StatusOr<PageRequest> ReadPageRequest(const google::protobuf::Message& request);

// The `next_page_token` that resumes `request` after `resume_after`; empty
// when `resume_after` is (the last page).
std::string MakePageToken(const google::protobuf::Message& request,
                          absl::string_view resume_after);

}  // namespace summit

#endif  // SUMMIT_QUERY_SERVICE_PAGE_TOKEN_H_
