// How error messages echo what a client sent: bounded, so that a long value
// cannot push a status message past what gRPC carries in its trailers (C-core
// clients turn trailers over 8 KiB into RESOURCE_EXHAUSTED, hiding the real
// status).
#ifndef SUMMIT_COMMON_QUOTE_H_
#define SUMMIT_COMMON_QUOTE_H_

#include <cstddef>
#include <string>

#include "absl/strings/string_view.h"

namespace summit::common {

// The most of a client's value an error message quotes.
inline constexpr size_t kMaxQuotedBytes = 64;

// `value` in double quotes. A longer value than kMaxQuotedBytes is cut to
// its first kMaxQuotedBytes bytes (fewer rather than split a UTF-8
// sequence) and followed by an ellipsis and its length:
// `"summits/aaaa"... (10248 bytes)`.
std::string Quote(absl::string_view value);

// The longest prefix of `text` of at most `max_bytes` bytes that does not
// end inside a UTF-8 sequence.
absl::string_view Utf8Prefix(absl::string_view text, size_t max_bytes);

}  // namespace summit::common

#endif  // SUMMIT_COMMON_QUOTE_H_
