// summit_query's life beside the database it follows: NOT_SERVING before
// summit_ingest creates it, then SERVING; a clean exit on every SIGTERM or
// SIGINT while it catches up with a busy writer; and a database replaced
// under it served again, never a crash.
#include <signal.h>
#include <sys/wait.h>

#include <filesystem>
#include <random>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
#include "summit/v1/query_service.grpc.pb.h"
#include "tests/testing/process.h"
#include "tests/testing/temp_dir.h"

namespace summit {
namespace {

using grpc::health::v1::HealthCheckResponse;

HealthCheckResponse::ServingStatus Status(int port) {
  auto stub = grpc::health::v1::Health::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  grpc::health::v1::HealthCheckRequest request;
  request.set_service("summit.v1.QueryService");
  HealthCheckResponse response;
  if (!stub->Check(&context, request, &response).ok())
    return HealthCheckResponse::UNKNOWN;
  return response.status();
}

TEST(QueryHealthTest, NotServingUntilTheDatabaseExistsThenServing) {
  testing::TempDir dir;
  auto query = testing::StartServer(
      SUMMIT_QUERY_BIN,
      {"--db_path=" + dir.Sub("db"), "--secondary_path=" + dir.Sub("secondary"),
       "--catchup_interval=20ms"},
      dir.path(), "query");
  ASSERT_TRUE(query.ok()) << query.status();
  EXPECT_EQ(Status(query->port), HealthCheckResponse::NOT_SERVING);

  auto ingest = testing::StartServer(SUMMIT_INGEST_BIN, {"--db_path=" + dir.Sub("db")},
                                     dir.path(), "ingest");
  ASSERT_TRUE(ingest.ok()) << ingest.status();
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (Status(query->port) != HealthCheckResponse::SERVING && absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(20));
  }
  EXPECT_EQ(Status(query->port), HealthCheckResponse::SERVING)
      << testing::ReadFile(query->log_path);

  for (testing::StartedServer* server : {&*query, &*ingest}) {
    server->process.Signal(SIGTERM);
    EXPECT_TRUE(server->process.Wait(absl::Seconds(20)).has_value());
  }
}

// Waits up to 20 s for `port` to report `status`.
bool AwaitStatus(int port, HealthCheckResponse::ServingStatus status) {
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (Status(port) != status) {
    if (absl::Now() > deadline) return false;
    absl::SleepFor(absl::Milliseconds(10));
  }
  return true;
}

// The code GetSummit answers for summits/`id`.
grpc::StatusCode GetSummitCode(int port, const std::string& id) {
  auto stub = v1::QueryService::NewStub(grpc::CreateChannel(
      absl::StrCat("127.0.0.1:", port), grpc::InsecureChannelCredentials()));
  grpc::ClientContext context;
  v1::GetSummitRequest request;
  request.set_name("summits/" + id);
  v1::Summit summit;
  return stub->GetSummit(&context, request, &summit).error_code();
}

std::vector<std::string> QueryArgs(const testing::TempDir& dir) {
  return {"--db_path=" + dir.Sub("db"), "--secondary_path=" + dir.Sub("secondary"),
          "--catchup_interval=1ms"};
}

TEST(QueryHealthTest, ExitsZeroOnEverySigtermOrSigintWhileCatchingUp) {
  testing::TempDir dir;
  // A writer that never stops, compacting every 20 writes: every catch-up
  // has new writes and new files to take in.
  auto writer = testing::ChildProcess::Start(
      {SUMMIT_STORAGE_WRITER_BIN, dir.Sub("db"), "0", "0", "20"}, dir.Sub("writer.log"));
  ASSERT_TRUE(writer.ok()) << writer.status();
  std::mt19937 random(20261129);
  for (int round = 0; round < 20; ++round) {
    const std::string name = absl::StrCat("query-", round);
    auto query = testing::StartServer(SUMMIT_QUERY_BIN, QueryArgs(dir), dir.path(), name);
    ASSERT_TRUE(query.ok()) << query.status();
    ASSERT_TRUE(AwaitStatus(query->port, HealthCheckResponse::SERVING))
        << testing::ReadFile(query->log_path);
    absl::SleepFor(absl::Milliseconds(random() % 200));
    const int signal = round % 2 ? SIGINT : SIGTERM;
    query->process.Signal(signal);
    std::optional<int> status = query->process.Wait(absl::Seconds(20));
    ASSERT_TRUE(status.has_value()) << "round " << round << ": no exit";
    EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
        << "round " << round << " (signal " << signal << "): wait status " << *status
        << "\n"
        << testing::ReadFile(query->log_path);
  }
  EXPECT_EQ(writer->Wait(absl::ZeroDuration()), std::nullopt)
      << testing::ReadFile(dir.Sub("writer.log"));
}

TEST(QueryHealthTest, ServesADatabaseReplacedUnderIt) {
  testing::TempDir dir;
  // The followed database: 60 writes. Its replacement: 5.
  for (const auto& [path, count] :
       {std::pair{dir.Sub("db"), "60"}, std::pair{dir.Sub("restored"), "5"}}) {
    testing::CommandResult written =
        testing::RunCommand({SUMMIT_STORAGE_WRITER_BIN, path, "0", count, "20"});
    ASSERT_EQ(written.exit_code, 0) << written.output;
  }
  auto query =
      testing::StartServer(SUMMIT_QUERY_BIN, QueryArgs(dir), dir.path(), "query");
  ASSERT_TRUE(query.ok()) << query.status();
  ASSERT_TRUE(AwaitStatus(query->port, HealthCheckResponse::SERVING));
  EXPECT_EQ(GetSummitCode(query->port, "w59"), grpc::StatusCode::OK);

  // The directory goes away: NOT_SERVING, and reads say why.
  std::filesystem::rename(dir.Sub("db"), dir.Sub("old"));
  EXPECT_TRUE(AwaitStatus(query->port, HealthCheckResponse::NOT_SERVING))
      << testing::ReadFile(query->log_path);
  EXPECT_EQ(GetSummitCode(query->port, "w1"), grpc::StatusCode::UNAVAILABLE);
  EXPECT_THAT(testing::ReadFile(query->log_path), ::testing::HasSubstr("was replaced"));

  // The restored copy takes its place: served again.
  std::filesystem::rename(dir.Sub("restored"), dir.Sub("db"));
  EXPECT_TRUE(AwaitStatus(query->port, HealthCheckResponse::SERVING))
      << testing::ReadFile(query->log_path);
  EXPECT_EQ(GetSummitCode(query->port, "w1"), grpc::StatusCode::OK);
  EXPECT_EQ(GetSummitCode(query->port, "w59"), grpc::StatusCode::NOT_FOUND);

  // Replaced in one step by the old one: served, with its writes.
  std::filesystem::rename(dir.Sub("db"), dir.Sub("restored"));
  std::filesystem::rename(dir.Sub("old"), dir.Sub("db"));
  const absl::Time deadline = absl::Now() + absl::Seconds(20);
  while (GetSummitCode(query->port, "w59") != grpc::StatusCode::OK &&
         absl::Now() < deadline) {
    absl::SleepFor(absl::Milliseconds(10));
  }
  EXPECT_EQ(GetSummitCode(query->port, "w59"), grpc::StatusCode::OK)
      << testing::ReadFile(query->log_path);

  query->process.Signal(SIGTERM);
  std::optional<int> status = query->process.Wait(absl::Seconds(20));
  ASSERT_TRUE(status.has_value());
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0)
      << testing::ReadFile(query->log_path);
}

}  // namespace
}  // namespace summit
