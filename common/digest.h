// SHA-256 for content fingerprints, and HMAC-SHA-256 and random keys for
// page tokens, through OpenSSL.
#ifndef SUMMIT_COMMON_DIGEST_H_
#define SUMMIT_COMMON_DIGEST_H_

#include <cstddef>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace summit::common {

// The 32-byte SHA-256 digest of `data`.
std::string Sha256(absl::string_view data);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);

// The 32-byte HMAC-SHA-256 of `data` under `key`.
std::string HmacSha256(absl::string_view key, absl::string_view data);

// `count` bytes from OpenSSL's cryptographically secure generator;
// INTERNAL when it cannot supply them.
absl::StatusOr<std::string> RandomBytes(size_t count);

}  // namespace summit::common

#endif  // SUMMIT_COMMON_DIGEST_H_
