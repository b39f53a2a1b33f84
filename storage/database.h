// The RocksDB database both services share. summit_ingest opens it as the
// primary (the only writer); summit_query opens the same directory as a
// secondary instance that follows the primary through CatchUp(). Nothing
// outside storage/ touches RocksDB.
#ifndef SUMMIT_STORAGE_DATABASE_H_
#define SUMMIT_STORAGE_DATABASE_H_

#include <memory>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "rocksdb/db.h"
#include "storage/schema.h"

namespace summit::storage {

class Database final {
 public:
  // Opens or creates the database at `path` as the primary, creating any
  // missing column family and recording kSchemaVersion in a new database.
  // Fails with FAILED_PRECONDITION when the stored schema version is not
  // kSchemaVersion, and with the RocksDB error when the directory is locked
  // by another primary or unreadable.
  static absl::StatusOr<std::unique_ptr<Database>> OpenPrimary(
      const std::string& path);

  // Opens the primary's database at `primary_path` as a secondary instance
  // keeping its own files in `secondary_path` (created if missing). Fails
  // with NOT_FOUND when no database exists at `primary_path` yet, and with
  // FAILED_PRECONDITION on a schema version mismatch.
  static absl::StatusOr<std::unique_ptr<Database>> OpenSecondary(
      const std::string& primary_path, const std::string& secondary_path);

  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  // Secondary only: replays the primary's new writes. Thread-safe; reads in
  // other threads go on meanwhile.
  absl::Status CatchUp();

  // True for a secondary instance.
  bool is_secondary() const { return secondary_; }

 private:
  Database(std::unique_ptr<rocksdb::DB> db,
           std::vector<rocksdb::ColumnFamilyHandle*> handles, bool secondary);

  rocksdb::ColumnFamilyHandle* handle(ColumnFamily family) const {
    return handles_[static_cast<int>(family)];
  }
  absl::Status CheckSchemaVersion();

  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
  const bool secondary_;
};

}  // namespace summit::storage

#endif  // SUMMIT_STORAGE_DATABASE_H_
