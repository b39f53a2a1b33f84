// Black-box: both real binaries on ephemeral loopback ports, queried as a
// grpcurl user would, with `buf curl` and server reflection only.
#include <signal.h>
#include <sys/wait.h>

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using ::testing::AllOf;
using testing::CommandResult;
using ::testing::HasSubstr;
using testing::RunCommand;
using testing::StartedServer;
using testing::TempDir;

CommandResult BufCurl(int port, const std::vector<std::string>& args) {
  std::vector<std::string> argv = {
      SUMMIT_BUF_BIN, "curl", "--protocol", "grpc", "--http2-prior-knowledge",
      "--timeout",    "20s"};
  argv.insert(argv.end(), args.begin(), args.end());
  return RunCommand(argv);
}

std::string Url(int port, const std::string& path = "") {
  return absl::StrCat("http://127.0.0.1:", port, path);
}

class ReflectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto servers = testing::StartServerPair(SUMMIT_INGEST_BIN, SUMMIT_QUERY_BIN, dir_.path());
    ASSERT_TRUE(servers.ok()) << servers.status();
    servers_.emplace(*std::move(servers));
  }

  TempDir dir_;
  std::optional<testing::ServerPair> servers_;
};

TEST_F(ReflectionTest, ListsEveryServiceOnBothServers) {
  CommandResult ingest = BufCurl(servers_->ingest.port, {"--list-services", Url(servers_->ingest.port)});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;
  EXPECT_THAT(ingest.output, AllOf(HasSubstr("summit.v1.IngestService"),
                                   HasSubstr("grpc.health.v1.Health")));

  CommandResult query = BufCurl(servers_->query.port, {"--list-services", Url(servers_->query.port)});
  ASSERT_EQ(query.exit_code, 0) << query.output;
  EXPECT_THAT(query.output, AllOf(HasSubstr("summit.v1.QueryService"),
                                  HasSubstr("grpc.health.v1.Health")));
}

TEST_F(ReflectionTest, DescribesEveryMethodThroughReflection) {
  // Listing methods needs every service's descriptor from reflection.
  CommandResult ingest = BufCurl(servers_->ingest.port, {"--list-methods", Url(servers_->ingest.port)});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;
  for (const char* method : {"ExtractArticle", "IngestArticle", "IngestArticles",
                             "UpsertSummit", "DeleteSummit", "IngestTradeFlows"}) {
    EXPECT_THAT(ingest.output,
                HasSubstr(absl::StrCat("summit.v1.IngestService/", method)));
  }
  EXPECT_THAT(ingest.output, HasSubstr("summit.v1.AdminService/CreateBackup"));

  CommandResult query = BufCurl(servers_->query.port, {"--list-methods", Url(servers_->query.port)});
  ASSERT_EQ(query.exit_code, 0) << query.output;
  for (const char* method :
       {"GetSummit", "ListSummits", "GetParticipant", "ListParticipants", "GetSector",
        "ListSectors", "GetTradeStatistics", "ListTradeFlows", "GetBilateralOverview"}) {
    EXPECT_THAT(query.output, HasSubstr(absl::StrCat("summit.v1.QueryService/", method)));
  }

  for (const CommandResult* listing : {&ingest, &query}) {
    EXPECT_THAT(listing->output, AllOf(HasSubstr("grpc.health.v1.Health/Check"),
                                       HasSubstr("grpc.health.v1.Health/Watch")));
  }
}

TEST_F(ReflectionTest, HealthCheckAnswersServing) {
  CommandResult ingest =
      BufCurl(servers_->ingest.port, {"-d", R"({"service":"summit.v1.IngestService"})",
                              Url(servers_->ingest.port, "/grpc.health.v1.Health/Check")});
  ASSERT_EQ(ingest.exit_code, 0) << ingest.output;
  EXPECT_THAT(ingest.output, HasSubstr(R"("status": "SERVING")"));

  CommandResult query =
      BufCurl(servers_->query.port, {Url(servers_->query.port, "/grpc.health.v1.Health/Check")});
  ASSERT_EQ(query.exit_code, 0) << query.output;
  EXPECT_THAT(query.output, HasSubstr(R"("status": "SERVING")"));
}

TEST_F(ReflectionTest, SigtermStopsBothServersCleanly) {
  for (StartedServer* server : {&servers_->query, &servers_->ingest}) {
    server->process.Signal(SIGTERM);
    std::optional<int> status = server->process.Wait(absl::Seconds(15));
    ASSERT_TRUE(status.has_value()) << testing::ReadFile(server->log_path);
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
        << testing::ReadFile(server->log_path);
    EXPECT_THAT(testing::ReadFile(server->log_path), HasSubstr("server stopped"));
  }
}

TEST(ServerFlagsTest, HelpListsEveryFlagWithItsDefault) {
  CommandResult ingest = RunCommand({SUMMIT_INGEST_BIN, "--help"});
  EXPECT_THAT(ingest.output,
              AllOf(HasSubstr("--listen"), HasSubstr("default: \"127.0.0.1:50051\""),
                    HasSubstr("--db_path"), HasSubstr("--port_file"),
                    HasSubstr("--shutdown_grace"), HasSubstr("default: 10s")));
  CommandResult query = RunCommand({SUMMIT_QUERY_BIN, "--help"});
  EXPECT_THAT(query.output, AllOf(HasSubstr("default: \"127.0.0.1:50052\""),
                                  HasSubstr("--secondary_path"), HasSubstr("--db_path")));
}

}  // namespace
}  // namespace summit
