#include "tests/testing/raw_db.h"

#include "gtest/gtest.h"

namespace summit::testing {

RawDb::RawDb(const std::string& path, size_t family_count) {
  std::vector<rocksdb::ColumnFamilyDescriptor> families;
  for (size_t i = 0; i < family_count; ++i) {
    families.emplace_back(std::string(storage::kColumnFamilies[i]),
                          rocksdb::ColumnFamilyOptions());
  }
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status status = rocksdb::DB::Open(options, path, families, &handles_, &raw);
  EXPECT_TRUE(status.ok()) << status.ToString();
  db_.reset(raw);
}

RawDb::~RawDb() {
  for (auto* h : handles_) db_->DestroyColumnFamilyHandle(h);
}

void RawDb::Put(storage::ColumnFamily family, const std::string& key,
                const std::string& value) {
  EXPECT_TRUE(db_->Put(rocksdb::WriteOptions(), handle(family), key, value).ok());
}

void RawDb::Delete(storage::ColumnFamily family, const std::string& key) {
  EXPECT_TRUE(db_->Delete(rocksdb::WriteOptions(), handle(family), key).ok());
}

std::string RawDb::Get(storage::ColumnFamily family, const std::string& key) {
  std::string value;
  db_->Get(rocksdb::ReadOptions(), handle(family), key, &value).PermitUncheckedError();
  return value;
}

}  // namespace summit::testing
