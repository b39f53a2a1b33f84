// Backups with RocksDB's BackupEngine: incremental, checksummed, restored
// into a fresh directory with exactly the records they hold.
#include "storage/backup.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/fsck.h"
#include "storage/trade_store.h"
#include "tests/testing/temp_dir.h"

namespace summit::storage {
namespace {

using ::testing::HasSubstr;
using ::testing::SizeIs;

// `count` TOTAL export rows of CHN to a partner, years from `first_year`.
void PutRows(Database& db, const std::string& partner, int first_year, int count) {
  std::vector<v1::TradeFlow> rows(static_cast<size_t>(count));
  std::vector<const v1::TradeFlow*> pointers;
  for (int i = 0; i < count; ++i) {
    v1::TradeFlow& row = rows[static_cast<size_t>(i)];
    row.set_reporter_code("CHN");
    row.set_partner_code(partner);
    row.set_direction(v1::TRADE_FLOW_DIRECTION_EXPORT);
    row.set_commodity_code("TOTAL");
    row.set_year(first_year + i);
    row.set_value_usd_cents(1000 + i);
    pointers.push_back(&row);
  }
  ASSERT_TRUE(TradeStore(&db).PutFlows(pointers).ok());
}

// The partners and years of every row of `db_path`, after an fsck that must
// find nothing wrong.
std::vector<std::string> RowsOf(const std::string& db_path) {
  auto db = Database::OpenPrimary(db_path);
  EXPECT_TRUE(db.ok()) << db.status();
  if (!db.ok()) return {};
  absl::StatusOr<FsckReport> report = Fsck(**db);
  EXPECT_TRUE(report.ok() && report->ok()) << db_path;
  TradeFlowFilter all;
  absl::StatusOr<TradeFlowPage> page = TradeStore(db->get()).ListFlows(all, "", 1000, 10000);
  EXPECT_TRUE(page.ok()) << page.status();
  std::vector<std::string> rows;
  if (!page.ok()) return rows;
  for (const v1::TradeFlow& row : page->flows) {
    rows.push_back(absl::StrCat(row.partner_code(), row.year()));
  }
  return rows;
}

TEST(BackupTest, RestoresExactlyWhatEachBackupHeld) {
  testing::TempDir dir;
  const std::string backups = dir.Sub("backups");
  {
    auto db = Database::OpenPrimary(dir.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    PutRows(**db, "CAN", 1990, 30);
    absl::StatusOr<BackupInfo> first = (*db)->CreateBackup(backups);
    ASSERT_TRUE(first.ok()) << first.status();
    EXPECT_EQ(first->id, 1u);
    EXPECT_GT(first->file_count, 0u);
    PutRows(**db, "USA", 1990, 20);  // Still in the memtable: the flush takes it.
    absl::StatusOr<BackupInfo> second = (*db)->CreateBackup(backups);
    ASSERT_TRUE(second.ok()) << second.status();
    EXPECT_EQ(second->id, 2u);
    PutRows(**db, "MEX", 1990, 10);  // After the last backup: in none.
  }
  absl::StatusOr<std::vector<BackupInfo>> listed = ListBackups(backups);
  ASSERT_TRUE(listed.ok()) << listed.status();
  ASSERT_THAT(*listed, SizeIs(2));
  EXPECT_TRUE(VerifyBackups(backups).ok());

  ASSERT_TRUE(RestoreBackup(backups, 1, dir.Sub("first")).ok());
  const std::vector<std::string> first = RowsOf(dir.Sub("first"));
  EXPECT_THAT(first, SizeIs(30));
  EXPECT_EQ(first.front(), "CAN1990");

  absl::StatusOr<BackupInfo> latest = RestoreBackup(backups, 0, dir.Sub("latest"));
  ASSERT_TRUE(latest.ok()) << latest.status();
  EXPECT_EQ(latest->id, 2u);
  const std::vector<std::string> rows = RowsOf(dir.Sub("latest"));
  EXPECT_THAT(rows, SizeIs(50));
  EXPECT_EQ(rows.back(), "USA2009");
}

TEST(BackupTest, VerifyFindsADamagedFileAndRestoreNeverOverwrites) {
  testing::TempDir dir;
  const std::string backups = dir.Sub("backups");
  {
    auto db = Database::OpenPrimary(dir.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    PutRows(**db, "CAN", 1990, 30);
    ASSERT_TRUE((*db)->CreateBackup(backups).ok());
  }
  absl::StatusOr<BackupInfo> refused = RestoreBackup(backups, 0, dir.Sub("db"));
  EXPECT_EQ(refused.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(refused.status().message()), HasSubstr("is not empty"));
  EXPECT_EQ(RestoreBackup(backups, 7, dir.Sub("new")).status().code(),
            absl::StatusCode::kNotFound);
  EXPECT_EQ(ListBackups(dir.Sub("nothing")).status().code(), absl::StatusCode::kNotFound);

  // Flip one byte of a table file the backup holds, keeping its size.
  std::string table;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(backups)) {
    if (entry.path().extension() == ".sst") table = entry.path().string();
  }
  ASSERT_FALSE(table.empty());
  {
    std::fstream file(table, std::ios::in | std::ios::out | std::ios::binary);
    file.seekg(10);
    char byte = 0;
    file.read(&byte, 1);
    byte = static_cast<char>(byte ^ 0x5a);
    file.seekp(10);
    file.write(&byte, 1);
  }
  const absl::Status verified = VerifyBackups(backups);
  EXPECT_EQ(verified.code(), absl::StatusCode::kDataLoss) << verified;
  EXPECT_THAT(std::string(verified.message()), HasSubstr("backup 1"));
}

}  // namespace
}  // namespace summit::storage
