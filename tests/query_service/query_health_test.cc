// summit_query before and after summit_ingest creates the database: health
// NOT_SERVING, then SERVING once the secondary opens.
#include <signal.h>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "gmock/gmock.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "gtest/gtest.h"
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

}  // namespace
}  // namespace summit
