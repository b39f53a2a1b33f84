// RocksDB statuses as absl::Status, for the storage files that call RocksDB
// (its headers stay inside storage/).
#ifndef SUMMIT_STORAGE_ROCKS_STATUS_H_
#define SUMMIT_STORAGE_ROCKS_STATUS_H_

#include "absl/status/status.h"
#include "absl/strings/string_view.h"
#include "rocksdb/status.h"

namespace summit::storage {

// `status` as an absl::Status whose message starts with `what`: NOT_FOUND,
// UNAVAILABLE for I/O errors and transient ones (busy, try again, timed
// out), DATA_LOSS for corruption, INVALID_ARGUMENT, UNIMPLEMENTED, else
// INTERNAL.
absl::Status FromRocks(const rocksdb::Status& status, absl::string_view what);

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_ROCKS_STATUS_H_
