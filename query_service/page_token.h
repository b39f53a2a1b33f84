// AIP-158 paging for the List RPCs: page sizes and opaque page tokens.
//
// A token carries the storage cursor of the page's last result and a tag:
// HMAC-SHA-256, under a key only the query service holds, over the
// request's type and filters (every field but page_size and page_token) and
// the cursor. A token sent with other filters, altered, forged, or made
// under another key (another service's, or this service's before a restart
// with a generated key) fails the tag check. The storage scans also check
// a cursor against their ranges.
#ifndef SUMMIT_QUERY_SERVICE_PAGE_TOKEN_H_
#define SUMMIT_QUERY_SERVICE_PAGE_TOKEN_H_

#include <cstddef>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"

namespace summit::query {

inline constexpr int kDefaultPageSize = 50;
inline constexpr int kMaxPageSize = 1000;

// The shortest key page tokens are tagged under.
inline constexpr size_t kMinPageTokenKeyBytes = 32;

// What a List request asks for: how many results, after which cursor.
struct PageRequest {
  int limit = kDefaultPageSize;
  // Empty for the first page.
  std::string resume_after;
};

// Reads and makes the page tokens of one key. Thread-safe.
class PageTokens final {
 public:
  // Under `key`; INVALID_ARGUMENT when it is shorter than
  // kMinPageTokenKeyBytes.
  static absl::StatusOr<PageTokens> WithKey(std::string key);

  // Under the bytes of the file at `path`, all of them (no trimming);
  // an error naming the path when it cannot be read or is too short.
  static absl::StatusOr<PageTokens> FromKeyFile(const std::string& path);

  // Under kMinPageTokenKeyBytes random bytes, for when no key file is
  // given: the tokens expire with the process.
  static absl::StatusOr<PageTokens> WithRandomKey();

  // Reads the `page_size` and `page_token` fields of a List request: 0 is
  // kDefaultPageSize, sizes above kMaxPageSize are capped, negative ones are
  // INVALID_ARGUMENT naming page_size; a token that does not decode, or
  // whose tag is not this key's for the request's filters, is
  // INVALID_ARGUMENT naming page_token.
  absl::StatusOr<PageRequest> ReadPageRequest(
      const google::protobuf::Message& request) const;

  // The `next_page_token` that resumes `request` after `resume_after`;
  // empty when `resume_after` is (the last page).
  std::string MakePageToken(const google::protobuf::Message& request,
                            absl::string_view resume_after) const;

 private:
  explicit PageTokens(std::string key) : key_(std::move(key)) {}

  // The tag binding `resume_after` to the request's type and filters.
  std::string Tag(const google::protobuf::Message& request,
                  absl::string_view resume_after) const;

  std::string key_;
};

}  // namespace summit::query

#endif  // SUMMIT_QUERY_SERVICE_PAGE_TOKEN_H_
