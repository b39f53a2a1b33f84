// kill -9 of a writer at random points: every acknowledged write survives
// and the database stays consistent.
#include <signal.h>

#include <random>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_split.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "storage/fsck.h"
#include "storage/summit_store.h"
#include "storage/trade_store.h"
#include "tests/storage/storage_writer_rows.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit::storage {
namespace {

std::vector<int> Acks(const std::string& output) {
  std::vector<int> acks;
  for (absl::string_view line : absl::StrSplit(output, '\n')) {
    int n = 0;
    if (absl::ConsumePrefix(&line, "ack ") && absl::SimpleAtoi(line, &n))
      acks.push_back(n);
  }
  return acks;
}

TEST(CrashTest, AcknowledgedWritesSurviveKillNine) {
  testing::TempDir dir;
  std::mt19937 rng(9);
  int next = 0;
  int total_acked = 0;
  for (int round = 0; round < 12; ++round) {
    const std::string log = dir.Sub("writer-" + std::to_string(round) + ".log");
    auto writer = testing::ChildProcess::Start(
        {SUMMIT_STORAGE_WRITER_BIN, dir.Sub("db"), std::to_string(next), "0"}, log);
    ASSERT_TRUE(writer.ok()) << writer.status();
    // Kill at a random point after the first acknowledgement, so that every
    // round dies mid-stream however slow the machine is.
    const absl::Time deadline = absl::Now() + absl::Seconds(60);
    while (Acks(testing::ReadFile(log)).empty() && absl::Now() < deadline) {
      absl::SleepFor(absl::Milliseconds(5));
    }
    absl::SleepFor(absl::Milliseconds(std::uniform_int_distribution<int>(0, 150)(rng)));
    writer->Signal(SIGKILL);
    ASSERT_TRUE(writer->Wait(absl::Seconds(10)).has_value());

    const std::vector<int> acks = Acks(testing::ReadFile(log));
    ASSERT_FALSE(acks.empty()) << "round " << round << ": no write acknowledged in 60 s";
    auto db = Database::OpenPrimary(dir.Sub("db"));
    ASSERT_TRUE(db.ok()) << db.status();
    SummitStore summits(db->get());
    TradeStore trade(db->get());
    for (int n : acks) {
      ASSERT_TRUE(summits.GetSummit("w" + std::to_string(n)).ok())
          << "round " << round << " " << n;
      int rows = 0;
      const TradeRange range{"CHN", "CAN", v1::TRADE_FLOW_DIRECTION_EXPORT, 1000 + n,
                             1000 + n};
      ASSERT_TRUE(trade
                      .ScanFlows(range, "", /*include_longer_codes=*/true,
                                 [&](const v1::TradeFlow&) { ++rows; })
                      .ok());
      ASSERT_EQ(rows, testing::kWriterRowsPerBatch)
          << "round " << round << " write " << n;
    }
    absl::StatusOr<FsckReport> report = Fsck(**db);
    ASSERT_TRUE(report.ok()) << report.status();
    ASSERT_TRUE(report->ok()) << "round " << round << ": "
                              << ::testing::PrintToString(report->problems);
    total_acked += static_cast<int>(acks.size());
    next = acks.empty() ? next : acks.back() + 1;
  }
  // Every round acknowledged writes before its kill: the kills landed
  // mid-stream, or the test would mean nothing.
  EXPECT_GE(total_acked, 12);
}

}  // namespace
}  // namespace summit::storage
