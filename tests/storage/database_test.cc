#include "storage/database.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/key_codec.h"
#include "tests/testing/raw_db.h"
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

TEST(DatabaseTest, NewerSchemaVersionIsRefused) {
  TempDir dir;
  ASSERT_TRUE(Database::OpenPrimary(dir.Sub("db")).ok());
  // Rewrite the stored version behind the library's back.
  testing::RawDb(dir.Sub("db"))
      .Put(ColumnFamily::kMeta, std::string(kSchemaVersionKey),
           KeyWriter().Uint32(kSchemaVersion + 1).Release());
  auto reopened = Database::OpenPrimary(dir.Sub("db"));
  EXPECT_EQ(reopened.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(reopened.status().message(), HasSubstr("newer than this build's"));
  EXPECT_EQ(Database::OpenSecondary(dir.Sub("db"), dir.Sub("secondary")).status().code(),
            absl::StatusCode::kFailedPrecondition);
}

TEST(DatabaseTest, OlderSchemaVersionIsRefusedWithWhatToDo) {
  TempDir dir;
  ASSERT_TRUE(Database::OpenPrimary(dir.Sub("db")).ok());
  testing::RawDb(dir.Sub("db"))
      .Put(ColumnFamily::kMeta, std::string(kSchemaVersionKey),
           KeyWriter().Uint32(kSchemaVersion - 1).Release());
  auto reopened = Database::OpenPrimary(dir.Sub("db"));
  EXPECT_EQ(reopened.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(reopened.status().message(),
              HasSubstr("reload the data into a new database"));
}

}  // namespace
}  // namespace summit::storage
