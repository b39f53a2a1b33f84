// The database opened with RocksDB directly, bypassing storage/: how tests
// corrupt a database on purpose or build one of an older layout.
#ifndef SUMMIT_TESTS_TESTING_RAW_DB_H_
#define SUMMIT_TESTS_TESTING_RAW_DB_H_

#include <memory>
#include <string>
#include <vector>

#include "rocksdb/db.h"
#include "storage/schema.h"

namespace summit::testing {

class RawDb final {
 public:
  // Opens (creating if needed) the database at `path` with the first
  // `family_count` families of storage::kColumnFamilies (all by default).
  // Test failures are recorded through gtest when it cannot.
  explicit RawDb(const std::string& path,
                 size_t family_count = storage::kColumnFamilies.size());
  RawDb(const RawDb&) = delete;
  RawDb& operator=(const RawDb&) = delete;
  ~RawDb();

  void Put(storage::ColumnFamily family, const std::string& key,
           const std::string& value);
  void Delete(storage::ColumnFamily family, const std::string& key);
  // The value under `key`; empty when absent.
  std::string Get(storage::ColumnFamily family, const std::string& key);

 private:
  rocksdb::ColumnFamilyHandle* handle(storage::ColumnFamily family) {
    return handles_[static_cast<int>(family)];
  }
  std::unique_ptr<rocksdb::DB> db_;
  std::vector<rocksdb::ColumnFamilyHandle*> handles_;
};

}  // namespace summit::testing

#endif  // SUMMIT_TESTS_TESTING_RAW_DB_H_
