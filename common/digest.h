// SHA-256 through OpenSSL, for content fingerprints and page tokens.
#ifndef SUMMIT_COMMON_DIGEST_H_
#define SUMMIT_COMMON_DIGEST_H_

#include <string>

#include "absl/strings/string_view.h"

namespace summit {

// The 32-byte SHA-256 digest of `data`.
std::string Sha256(absl::string_view data);

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);

}  // namespace summit

#endif  // SUMMIT_COMMON_DIGEST_H_
