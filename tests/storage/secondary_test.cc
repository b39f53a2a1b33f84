// A primary and secondaries: in one process, and with the writer in a child
// process, compacting as it goes.
#include <signal.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/follower.h"
#include "storage/fsck.h"
#include "storage/key_codec.h"
#include "storage/summit_store.h"
#include "tests/storage/storage_writer_rows.h"
#include "tests/testing/process.h"
#include "tests/testing/raw_db.h"
#include "tests/testing/summits.h"
#include "tests/testing/temp_dir.h"

namespace summit::storage {
namespace {

using ::testing::HasSubstr;
using testing::MakeDate;
using testing::MakeSummit;
using testing::PersonSpec;

TEST(SecondaryTest, SeesAPrimaryWriteAfterCatchUp) {
  testing::TempDir dir;
  auto primary = Database::OpenPrimary(dir.Sub("db"));
  ASSERT_TRUE(primary.ok()) << primary.status();
  auto secondary = Database::OpenSecondary(dir.Sub("db"), dir.Sub("secondary"));
  ASSERT_TRUE(secondary.ok()) << secondary.status();

  bool created = false;
  ASSERT_TRUE(SummitStore(primary->get())
                  .PutSummit(MakeSummit("s", MakeDate(2026, 1, 17),
                                        {{"xi-jinping", "CHN"}}, {"trade"}),
                             &created)
                  .ok());
  SummitStore reader(secondary->get());
  EXPECT_EQ(reader.GetSummit("s").status().code(), absl::StatusCode::kNotFound);
  ASSERT_TRUE((*secondary)->CatchUp().ok());
  absl::StatusOr<v1::Summit> seen = reader.GetSummit("s");
  ASSERT_TRUE(seen.ok()) << seen.status();
  EXPECT_EQ(seen->date().day(), 17);
  EXPECT_EQ(reader.GetParticipant("xi-jinping")->summit_count(), 1);

  bool unused = false;
  EXPECT_EQ(reader.PutSummit(MakeSummit("t", MakeDate(2026, 1, 1), {}, {}), &unused)
                .status()
                .code(),
            absl::StatusCode::kUnimplemented);
}

TEST(SecondaryTest, FollowerReopensWhenThePrimaryAddsColumnFamilies) {
  testing::TempDir dir;
  // A database from an older layout: only the first two families.
  testing::RawDb(dir.Sub("db"), 2)
      .Put(ColumnFamily::kMeta, std::string(kSchemaVersionKey),
           KeyWriter().Uint32(kSchemaVersion).Release());
  auto follower = Follower::Open(dir.Sub("db"), dir.Sub("secondary"));
  ASSERT_TRUE(follower.ok()) << follower.status();
  EXPECT_FALSE((*follower)->db()->HasAllFamilies());
  EXPECT_EQ(SummitStore((*follower)->db().get()).GetSummit("s").status().code(),
            absl::StatusCode::kNotFound);

  auto primary = Database::OpenPrimary(dir.Sub("db"));
  ASSERT_TRUE(primary.ok()) << primary.status();
  bool created = false;
  ASSERT_TRUE(SummitStore(primary->get())
                  .PutSummit(MakeSummit("s", MakeDate(2026, 1, 17),
                                        {{"xi-jinping", "CHN"}}, {"trade"}),
                             &created)
                  .ok());
  std::shared_ptr<Database> before = (*follower)->db();
  ASSERT_TRUE((*follower)->CatchUp().ok());
  std::shared_ptr<Database> after = (*follower)->db();
  EXPECT_NE(before, after);
  EXPECT_TRUE(after->HasAllFamilies());
  EXPECT_TRUE(SummitStore(after.get()).GetSummit("s").ok());
  // The old instance still serves its holder.
  EXPECT_EQ(SummitStore(before.get()).GetSummit("s").status().code(),
            absl::StatusCode::kNotFound);
  ASSERT_TRUE((*follower)->CatchUp().ok());
  EXPECT_EQ((*follower)->db(), after);
}

TEST(SecondaryTest, FollowerReopensWhenTheDatabaseIsReplaced) {
  testing::TempDir dir;
  const PersonSpec xi{"xi-jinping", "CHN"};
  auto put = [&](const std::string& path, int summits) {
    auto primary = Database::OpenPrimary(path);
    ASSERT_TRUE(primary.ok()) << primary.status();
    SummitStore store(primary->get());
    for (int i = 0; i < summits; ++i) {
      bool created = false;
      ASSERT_TRUE(store
                      .PutSummit(MakeSummit("s" + std::to_string(i),
                                            MakeDate(2026, 1, 17), {xi}, {"trade"}),
                                 &created)
                      .ok());
    }
  };
  // The followed database has many writes; its replacement, restored from
  // an older copy, fewer: catching up from one into the other would abort.
  put(dir.Sub("db"), 40);
  put(dir.Sub("restored"), 2);
  auto follower = Follower::Open(dir.Sub("db"), dir.Sub("secondary"));
  ASSERT_TRUE(follower.ok()) << follower.status();
  ASSERT_TRUE((*follower)->CatchUp().ok());
  std::shared_ptr<Database> before = (*follower)->db();
  EXPECT_TRUE(SummitStore(before.get()).GetSummit("s39").ok());

  std::filesystem::rename(dir.Sub("db"), dir.Sub("old"));
  absl::Status half_done = (*follower)->CatchUp();
  EXPECT_FALSE(half_done.ok());
  EXPECT_THAT(half_done.message(), HasSubstr("was replaced"));
  EXPECT_EQ((*follower)->db(), nullptr);

  std::filesystem::rename(dir.Sub("restored"), dir.Sub("db"));
  ASSERT_TRUE((*follower)->CatchUp().ok());
  std::shared_ptr<Database> after = (*follower)->db();
  ASSERT_NE(after, nullptr);
  SummitStore reader(after.get());
  EXPECT_TRUE(reader.GetSummit("s1").ok());
  EXPECT_EQ(reader.GetSummit("s2").status().code(), absl::StatusCode::kNotFound);
  // The old instance still answers whoever holds it.
  EXPECT_TRUE(SummitStore(before.get()).GetSummit("s39").ok());

  // A copy of the same database, older, put back in place (same IDENTITY).
  auto primary = Database::OpenPrimary(dir.Sub("db"));
  ASSERT_TRUE(primary.ok()) << primary.status();
  primary->reset();
  std::filesystem::copy(dir.Sub("db"), dir.Sub("copy"),
                        std::filesystem::copy_options::recursive);
  put(dir.Sub("db"), 30);
  ASSERT_TRUE((*follower)->CatchUp().ok());
  EXPECT_TRUE(SummitStore((*follower)->db().get()).GetSummit("s29").ok());
  std::filesystem::remove_all(dir.Sub("db"));
  std::filesystem::rename(dir.Sub("copy"), dir.Sub("db"));
  ASSERT_TRUE((*follower)->CatchUp().ok());
  EXPECT_EQ(SummitStore((*follower)->db().get()).GetSummit("s29").status().code(),
            absl::StatusCode::kNotFound);
  ASSERT_TRUE((*follower)->CatchUp().ok());
}

// The last write the child acknowledged, or -1.
int LastAck(const std::string& output) {
  int last = -1;
  for (absl::string_view line : absl::StrSplit(output, '\n')) {
    int n = 0;
    if (absl::ConsumePrefix(&line, "ack ") && absl::SimpleAtoi(line, &n)) last = n;
  }
  return last;
}

TEST(SecondaryTest, FollowsAWriterInAnotherProcessThatCompacts) {
  testing::TempDir dir;
  ASSERT_TRUE(Database::OpenPrimary(dir.Sub("db")).ok());  // Create, then let go.
  const std::string log = dir.Sub("writer.log");
  auto writer = testing::ChildProcess::Start(
      {SUMMIT_STORAGE_WRITER_BIN, dir.Sub("db"), "0", "300", "40"}, log);
  ASSERT_TRUE(writer.ok()) << writer.status();

  auto follower = Follower::Open(dir.Sub("db"), dir.Sub("secondary"));
  ASSERT_TRUE(follower.ok()) << follower.status();
  // Reads go on throughout, and every acknowledged summit becomes visible.
  int checked = 0;
  const absl::Time deadline = absl::Now() + absl::Seconds(120);
  while (absl::Now() < deadline) {
    ASSERT_TRUE((*follower)->CatchUp().ok());
    const int acked = LastAck(testing::ReadFile(log));
    SummitStore reader((*follower)->db().get());
    for (; checked <= acked; ++checked) {
      absl::StatusOr<v1::Summit> summit = reader.GetSummit("w" + std::to_string(checked));
      if (!summit.ok()) break;  // Acknowledged after this catch-up: next round.
    }
    if (checked == 300) break;
    absl::SleepFor(absl::Milliseconds(5));
  }
  EXPECT_EQ(checked, 300) << testing::ReadFile(log);
  std::optional<int> status = writer->Wait(absl::Seconds(60));
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(*status, 0) << testing::ReadFile(log);

  ASSERT_TRUE((*follower)->CatchUp().ok());
  absl::StatusOr<FsckReport> report = Fsck(*(*follower)->db());
  ASSERT_TRUE(report.ok()) << report.status();
  EXPECT_TRUE(report->ok()) << ::testing::PrintToString(report->problems);
  EXPECT_EQ(report->summits, 300);
  EXPECT_EQ(report->trade_flows, 300 * testing::kWriterRowsPerBatch);
}

}  // namespace
}  // namespace summit::storage
