#include "storage/database.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "tests/testing/temp_dir.h"

namespace summit::storage {
namespace {

using ::testing::HasSubstr;
using testing::TempDir;

TEST(DatabaseTest, PrimaryCreatesDatabaseAndSecondaryFollowsIt) {
  TempDir dir;
  auto primary = Database::OpenPrimary(dir.Sub("db"));
  ASSERT_TRUE(primary.ok()) << primary.status();
  EXPECT_FALSE((*primary)->is_secondary());

  auto secondary = Database::OpenSecondary(dir.Sub("db"), dir.Sub("secondary"));
  ASSERT_TRUE(secondary.ok()) << secondary.status();
  EXPECT_TRUE((*secondary)->is_secondary());
  EXPECT_TRUE((*secondary)->CatchUp().ok());
}

TEST(DatabaseTest, SecondPrimaryOnSameDirectoryFails) {
  TempDir dir;
  auto first = Database::OpenPrimary(dir.Sub("db"));
  ASSERT_TRUE(first.ok()) << first.status();
  auto second = Database::OpenPrimary(dir.Sub("db"));
  EXPECT_FALSE(second.ok());
  EXPECT_THAT(second.status().message(), HasSubstr(dir.Sub("db")));
}

TEST(DatabaseTest, SecondaryWithoutPrimaryDatabaseIsNotFound) {
  TempDir dir;
  auto secondary = Database::OpenSecondary(dir.Sub("missing"), dir.Sub("secondary"));
  EXPECT_EQ(secondary.status().code(), absl::StatusCode::kNotFound);
  EXPECT_THAT(secondary.status().message(), HasSubstr(dir.Sub("missing")));
}

TEST(DatabaseTest, OtherSchemaVersionIsRefused) {
  TempDir dir;
  ASSERT_TRUE(Database::OpenPrimary(dir.Sub("db")).ok());
  {
    // Rewrite the stored version behind the library's back.
    rocksdb::DB* raw = nullptr;
    std::vector<rocksdb::ColumnFamilyDescriptor> families;
    for (absl::string_view name : kColumnFamilies) {
      families.emplace_back(std::string(name), rocksdb::ColumnFamilyOptions());
    }
    std::vector<rocksdb::ColumnFamilyHandle*> handles;
    ASSERT_TRUE(rocksdb::DB::Open(rocksdb::DBOptions(), dir.Sub("db"), families,
                                  &handles, &raw)
                    .ok());
    ASSERT_TRUE(raw->Put(rocksdb::WriteOptions(),
                         handles[static_cast<int>(ColumnFamily::kMeta)],
                         std::string(kSchemaVersionKey), std::string("\0\0\0\x63", 4))
                    .ok());
    for (auto* handle : handles) raw->DestroyColumnFamilyHandle(handle);
    delete raw;
  }
  auto reopened = Database::OpenPrimary(dir.Sub("db"));
  EXPECT_EQ(reopened.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(reopened.status().message(), HasSubstr("schema version"));
}

}  // namespace
}  // namespace summit::storage
