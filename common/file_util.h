// Whole-file reads, the one way the project reads a small file: tokens,
// certificates, reports.
#ifndef SUMMIT_COMMON_FILE_UTIL_H_
#define SUMMIT_COMMON_FILE_UTIL_H_

#include <string>

#include "absl/status/statusor.h"

namespace summit::common {

// The bytes of the file at `path`. NOT_FOUND naming the path when it cannot
// be opened or read.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

}  // namespace summit::common

#endif  // SUMMIT_COMMON_FILE_UTIL_H_
