// summitctl backup and restore as operators run them: the real binaries, a
// backup taken through a running summit_ingest while another client
// writes, then restored into fresh directories that fsck passes.
#include <csignal>
#include <fstream>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <thread>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using ::testing::HasSubstr;

constexpr int kBatches = 40;
constexpr int kRowsPerBatch = 500;

class SummitctlBackupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_.Sub("token")) << "backup-token\n";
    auto server = testing::StartServer(
        SUMMIT_INGEST_BIN,
        {"--db_path=" + dir_.Sub("db"), "--auth_token_file=" + dir_.Sub("token"),
         "--backup_dir=" + dir_.Sub("backups")},
        dir_.path(), "ingest");
    ASSERT_TRUE(server.ok()) << server.status();
    server_.emplace(std::move(*server));
  }

  void TearDown() override {
    if (!server_) return;
    server_->process.Signal(SIGTERM);
    EXPECT_TRUE(server_->process.Wait(absl::Seconds(20)).has_value());
  }

  std::string Addr() const { return absl::StrCat("127.0.0.1:", server_->port); }

  testing::CommandResult Summitctl(std::vector<std::string> args) {
    args.insert(args.begin(), SUMMITCTL_BIN);
    return testing::RunCommand(args, absl::Seconds(120));
  }

  // Writes kBatches batches of USA-MEX rows, one stream per batch, as the
  // loaders do; returns how many were acknowledged.
  int WriteBatches() {
    auto stub = v1::IngestService::NewStub(
        grpc::CreateChannel(Addr(), grpc::InsecureChannelCredentials()));
    int acknowledged = 0;
    for (int batch = 0; batch < kBatches; ++batch) {
      v1::IngestTradeFlowsRequest request;
      for (int i = 0; i < kRowsPerBatch; ++i) {
        v1::TradeFlow* row = request.add_flows();
        row->set_reporter_code("USA");
        row->set_partner_code("MEX");
        row->set_direction(v1::TRADE_FLOW_DIRECTION_IMPORT);
        row->set_commodity_code(absl::StrCat(1000 + batch));
        row->set_year(1900 + i % 200);
        row->set_month(i / 200);
        row->set_value_usd_cents(i);
      }
      grpc::ClientContext context;
      context.AddMetadata("authorization", "Bearer backup-token");
      v1::IngestTradeFlowsResponse response;
      auto writer = stub->IngestTradeFlows(&context, &response);
      writer->WriteLast(request, grpc::WriteOptions());
      if (writer->Finish().ok() && response.accepted_count() == kRowsPerBatch) {
        ++acknowledged;
      }
    }
    return acknowledged;
  }

  testing::TempDir dir_;
  std::optional<testing::StartedServer> server_;
};

TEST_F(SummitctlBackupTest, BackupsTakenWhileWritingRestoreToConsistentDatabases) {
  const std::string token = "--token_file=" + dir_.Sub("token");
  testing::CommandResult load =
      Summitctl({"load-trade", "--ingest_addr=" + Addr(), token,
                 absl::StrCat(SUMMIT_SOURCE_DIR, "/samples/trade/china_canada_sample.csv")});
  ASSERT_EQ(load.exit_code, 0) << load.output;

  // A backup in the middle of another client's writes.
  int acknowledged = 0;
  std::thread writer([&] { acknowledged = WriteBatches(); });
  testing::CommandResult during = Summitctl({"backup", "--ingest_addr=" + Addr(), token});
  writer.join();
  EXPECT_EQ(during.exit_code, 0) << during.output;
  EXPECT_THAT(during.output, HasSubstr("backup 1: "));
  EXPECT_EQ(acknowledged, kBatches);
  testing::CommandResult after = Summitctl({"backup", "--ingest_addr=" + Addr(), token});
  EXPECT_EQ(after.exit_code, 0) << after.output;
  EXPECT_THAT(after.output, HasSubstr("backup 2: "));

  testing::CommandResult refused = Summitctl({"backup", "--ingest_addr=" + Addr()});
  EXPECT_EQ(refused.exit_code, 2) << refused.output;
  EXPECT_THAT(refused.output, HasSubstr("authorization: missing"));

  testing::CommandResult verify =
      Summitctl({"backup", "--verify", "--to=" + dir_.Sub("backups")});
  EXPECT_EQ(verify.exit_code, 0) << verify.output;
  EXPECT_THAT(verify.output, HasSubstr("2 backups, every file present with its checksum"));

  // The first backup: the sample and a whole number of the batches, as
  // each batch is one atomic write; fsck finds every roll-up right.
  testing::CommandResult first = Summitctl(
      {"restore", "--from=" + dir_.Sub("backups"), "--backup_id=1", "--db=" + dir_.Sub("one")});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  testing::CommandResult fsck_first = Summitctl({"fsck", "--db=" + dir_.Sub("one")});
  EXPECT_EQ(fsck_first.exit_code, 0) << fsck_first.output;
  EXPECT_THAT(fsck_first.output, HasSubstr("; 0 problems"));
  std::smatch rows;
  ASSERT_TRUE(std::regex_search(fsck_first.output, rows, std::regex("(\\d+) trade rows")))
      << fsck_first.output;
  const int backed_up = std::stoi(rows[1]) - 308;
  EXPECT_GE(backed_up, 0);
  EXPECT_EQ(backed_up % kRowsPerBatch, 0) << "a batch cut in two: " << backed_up;

  // The latest: every acknowledged row.
  testing::CommandResult latest =
      Summitctl({"restore", "--from=" + dir_.Sub("backups"), "--db=" + dir_.Sub("two")});
  ASSERT_EQ(latest.exit_code, 0) << latest.output;
  EXPECT_THAT(latest.output, HasSubstr("restored backup 2: "));
  testing::CommandResult fsck_latest = Summitctl({"fsck", "--db=" + dir_.Sub("two")});
  EXPECT_EQ(fsck_latest.exit_code, 0) << fsck_latest.output;
  EXPECT_THAT(fsck_latest.output,
              HasSubstr(absl::StrCat(308 + kBatches * kRowsPerBatch, " trade rows")));

  testing::CommandResult over =
      Summitctl({"restore", "--from=" + dir_.Sub("backups"), "--db=" + dir_.Sub("two")});
  EXPECT_EQ(over.exit_code, 2) << over.output;
  EXPECT_THAT(over.output, HasSubstr("is not empty; restore into a new directory"));

  testing::CommandResult held = Summitctl(
      {"backup", "--db=" + dir_.Sub("db"), "--to=" + dir_.Sub("elsewhere")});
  EXPECT_EQ(held.exit_code, 2) << held.output;
  EXPECT_THAT(held.output, HasSubstr("back it up with --ingest_addr instead"));
}

}  // namespace
}  // namespace summit
