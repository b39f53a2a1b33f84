// summitctl load-articles and load-trade against the real summit_ingest.
#include <signal.h>

#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using ::testing::HasSubstr;

class SummitctlLoadTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::ofstream(dir_.Sub("token")) << "load-token\n";
    auto server = testing::StartServer(
        SUMMIT_INGEST_BIN,
        {"--db_path=" + dir_.Sub("db"), "--auth_token_file=" + dir_.Sub("token")},
        dir_.path(), "ingest");
    ASSERT_TRUE(server.ok()) << server.status();
    server_.emplace(std::move(*server));
  }

  void TearDown() override {
    if (!server_) return;
    server_->process.Signal(SIGTERM);
    ASSERT_TRUE(server_->process.Wait(absl::Seconds(20)).has_value());
    testing::CommandResult fsck =
        testing::RunCommand({SUMMITCTL_BIN, "fsck", "--db=" + dir_.Sub("db")});
    EXPECT_EQ(fsck.exit_code, 0) << fsck.output;
  }

  testing::CommandResult Ctl(std::vector<std::string> args, bool with_token = true) {
    std::vector<std::string> argv = {
        SUMMITCTL_BIN, args[0], absl::StrCat("--ingest_addr=127.0.0.1:", server_->port)};
    if (with_token) argv.push_back("--token-file=" + dir_.Sub("token"));
    argv.insert(argv.end(), args.begin() + 1, args.end());
    return testing::RunCommand(argv);
  }

  testing::TempDir dir_;
  std::optional<testing::StartedServer> server_;
};

TEST_F(SummitctlLoadTest, LoadsTheSampleReportsAndSaysWhatHappened) {
  testing::CommandResult result =
      Ctl({"load-articles", SUMMIT_SOURCE_DIR "/samples/reports"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output,
              HasSubstr("18 reports: 15 created, 0 merged, 0 updated, 0 unchanged, "
                        "3 not a summit, 0 failed"));
  EXPECT_THAT(result.output, HasSubstr("not a summit: " SUMMIT_SOURCE_DIR
                                       "/samples/reports/11_vilamar_football.txt"));
  // Loading again changes nothing.
  result = Ctl({"load-articles", SUMMIT_SOURCE_DIR "/samples/reports"});
  EXPECT_THAT(result.output,
              HasSubstr("18 reports: 0 created, 0 merged, 0 updated, 15 unchanged"));
}

TEST_F(SummitctlLoadTest, WithoutTheTokenNothingIsLoaded) {
  testing::CommandResult result =
      Ctl({"load-articles", SUMMIT_SOURCE_DIR "/samples/reports"}, /*with_token=*/false);
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output, HasSubstr("authorization: missing"));
}

TEST_F(SummitctlLoadTest, LoadsTheSampleCsvAndReportsBadRowsByLine) {
  testing::CommandResult result =
      Ctl({"load-trade", SUMMIT_SOURCE_DIR "/samples/trade/china_canada_sample.csv"});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("308 rows: 308 accepted, 0 rejected"));

  std::ofstream(dir_.Sub("bad.csv"))
      << "RefYear,ReporterISO,PartnerISO,FlowCode,CmdCode,PrimaryValue,cmdDesc\n"
      << "2024,CHN,CAN,X,TOTAL,10.555,\"All, commodities\"\n"
      << "2024,CHN,CAN,DX,TOTAL,1,x\n"
      << "2024,XXX,CAN,M,27,3,y\n"
      << "abc,CHN,CAN,M,27,3,z\n";
  result = Ctl({"load-trade", dir_.Sub("bad.csv")});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.output,
              HasSubstr("bad.csv:3: flowCode: \"DX\" is not one of X, M, RX, RM"));
  EXPECT_THAT(
      result.output,
      HasSubstr("bad.csv:4: reporter_code: \"XXX\" is not an ISO 3166-1 alpha-3 code"));
  EXPECT_THAT(result.output, HasSubstr("bad.csv:5: refYear: \"abc\" is not a year"));
  EXPECT_THAT(result.output, HasSubstr("4 rows: 1 accepted, 3 rejected"));
}

TEST_F(SummitctlLoadTest, MissingColumnsAreNamed) {
  std::ofstream(dir_.Sub("columns.csv")) << "year,reporter\n1,2\n";
  testing::CommandResult result = Ctl({"load-trade", dir_.Sub("columns.csv")});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_THAT(result.output,
              HasSubstr("the header lacks the columns refyear, reporteriso"));
}

}  // namespace
}  // namespace summit
