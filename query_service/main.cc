// summit_query: parses flags, opens the ingest service's database as a
// secondary, serves summit.v1.QueryService until SIGINT or SIGTERM.
#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "common/health_service.h"
#include "common/server_flags.h"
#include "common/server_runner.h"
#include "query_service/follower_loop.h"
#include "query_service/query_service_impl.h"
#include "spdlog/spdlog.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50052",
          "host:port to serve on; port 0 picks a free port");
ABSL_FLAG(
    std::string, db_path, "./data",
    "the RocksDB directory summit_ingest writes (opened read-only, as a secondary)");
ABSL_FLAG(absl::Duration, catchup_interval, absl::Milliseconds(100),
          "how often to replay the primary's new writes");
ABSL_FLAG(std::string, secondary_path, "./data-query",
          "directory for this process's own secondary-instance files");

int main(int argc, char** argv) {
  summit::BlockTerminationSignals();
  summit::ParseServerFlags(
      argc, argv,
      "Serves summit.v1.QueryService from a secondary instance of the "
      "database summit_ingest writes at --db_path.");

  // Health says NOT_SERVING until the database opens: summit_ingest may
  // not have created it yet.
  summit::HealthService health({"summit.v1.QueryService"});
  summit::FollowerLoop follower(absl::GetFlag(FLAGS_db_path),
                                absl::GetFlag(FLAGS_secondary_path),
                                absl::GetFlag(FLAGS_catchup_interval));
  follower.Start([&health] {
    health.SetAllServing(grpc::health::v1::HealthCheckResponse::SERVING);
  });
  summit::Querier querier(&follower);
  summit::QueryServiceImpl service(&querier);

  if (absl::Status status = summit::ServeUntilTerminated(
          summit::ServerOptionsFromFlags(absl::GetFlag(FLAGS_listen)), {&service},
          health);
      !status.ok()) {
    spdlog::critical("{}", status.ToString());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
