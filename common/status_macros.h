// Early returns for absl::Status and absl::StatusOr, so that a function's
// happy path reads top to bottom.
//
//   RETURN_IF_ERROR(store.Put(key, value));
//   ASSIGN_OR_RETURN(Summit summit, store.GetSummit(name));
//   ASSIGN_OR_RETURN(auto rows, ParseRows(text));
//
// Both evaluate their argument once. The status is returned unchanged, so
// they work in functions returning absl::Status or any absl::StatusOr<T>.
#ifndef SUMMIT_COMMON_STATUS_MACROS_H_
#define SUMMIT_COMMON_STATUS_MACROS_H_

#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define SUMMIT_STATUS_CONCAT_INNER_(a, b) a##b
#define SUMMIT_STATUS_CONCAT_(a, b) SUMMIT_STATUS_CONCAT_INNER_(a, b)

// Returns the status of `expr` (an absl::Status) from the enclosing function
// when it is not OK.
#define RETURN_IF_ERROR(expr)                                         \
  do {                                                                \
    if (::absl::Status summit_status_ = (expr); !summit_status_.ok()) \
      return summit_status_;                                          \
  } while (false)

// Evaluates `rexpr` (an absl::StatusOr<T>); on error returns its status,
// otherwise declares or assigns `lhs` from its value (moved).
#define ASSIGN_OR_RETURN(lhs, rexpr)                                                    \
  SUMMIT_ASSIGN_OR_RETURN_IMPL_(SUMMIT_STATUS_CONCAT_(summit_statusor_, __LINE__), lhs, \
                                rexpr)

// `lhs` may be a declaration, so it cannot be put in parentheses.
// NOLINTBEGIN(bugprone-macro-parentheses)
#define SUMMIT_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, rexpr) \
  auto statusor = (rexpr);                                  \
  if (!statusor.ok()) return std::move(statusor).status();  \
  lhs = *std::move(statusor)
// NOLINTEND(bugprone-macro-parentheses)

#endif  // SUMMIT_COMMON_STATUS_MACROS_H_
