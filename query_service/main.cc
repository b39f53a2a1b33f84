// summit_query: parses flags, opens the ingest service's database as a
// secondary, serves summit.v1.QueryService until SIGINT or SIGTERM.
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "absl/flags/flag.h"
#include "common/health_service.h"
#include "common/metrics.h"
#include "common/server_flags.h"
#include "common/server_runner.h"
#include "query_service/follower_loop.h"
#include "query_service/page_token.h"
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
ABSL_FLAG(std::string, page_token_key_file, "",
          "file whose bytes (at least 32) key the page tokens' HMAC, so that tokens "
          "outlive a restart and serve across replicas; empty: a random key per start, "
          "so tokens expire when the service restarts");

int main(int argc, char** argv) {
  summit::common::BlockTerminationSignals();
  summit::common::ParseServerFlags(
      argc, argv,
      "Serves summit.v1.QueryService from a secondary instance of the "
      "database summit_ingest writes at --db_path.");

  const std::string key_file = absl::GetFlag(FLAGS_page_token_key_file);
  absl::StatusOr<summit::query::PageTokens> page_tokens =
      key_file.empty() ? summit::query::PageTokens::WithRandomKey()
                       : summit::query::PageTokens::FromKeyFile(key_file);
  if (!page_tokens.ok()) {
    spdlog::critical("--page_token_key_file: {}",
                     std::string(page_tokens.status().message()));
    return EXIT_FAILURE;
  }

  // Health says NOT_SERVING until the database opens: summit_ingest may
  // not have created it yet.
  summit::common::HealthService health({"summit.v1.QueryService"});
  // Before the follower, whose thread records catch-ups in it until the
  // follower is destroyed.
  summit::common::Metrics metrics;
  summit::query::FollowerLoop follower(absl::GetFlag(FLAGS_db_path),
                                       absl::GetFlag(FLAGS_secondary_path),
                                       absl::GetFlag(FLAGS_catchup_interval));
  // Metrics: the per-RPC ones, catch-up times, and at each scrape the age
  // of the last catch-up and the RocksDB gauges of the open secondary.
  prometheus::Histogram& catch_up =
      prometheus::BuildHistogram()
          .Name("summit_query_catchup_seconds")
          .Help("Time one catch-up with the primary took")
          .Register(metrics.registry())
          .Add({}, summit::common::LatencyBuckets());
  auto gauges = std::make_shared<summit::common::ScrapedGauges>();
  gauges->Add("summit_query_catchup_age_seconds",
              "Seconds since the follower last caught up with the primary", {},
              [&follower]() -> std::optional<double> {
                const absl::Time last = follower.last_caught_up();
                if (last == absl::InfinitePast()) return std::nullopt;
                return absl::ToDoubleSeconds(absl::Now() - last);
              });
  summit::common::AddRocksDbGauges(*gauges, [&follower](const std::string& property) {
    std::shared_ptr<summit::storage::Database> db = follower.db();
    return db == nullptr ? std::nullopt : db->IntProperty(property);
  });

  follower.Start(
      [&health](bool serving) {
        health.SetAllServing(serving ? grpc::health::v1::HealthCheckResponse::SERVING
                                     : grpc::health::v1::HealthCheckResponse::NOT_SERVING);
      },
      [&catch_up](absl::Duration took) { catch_up.Observe(absl::ToDoubleSeconds(took)); });
  summit::query::Querier querier(&follower, *std::move(page_tokens));
  summit::query::QueryServiceImpl service(&querier);

  summit::common::ServerOptions options =
      summit::common::ServerOptionsFromFlags(absl::GetFlag(FLAGS_listen));
  options.metrics = &metrics;
  options.metrics_extra = gauges;
  if (absl::Status status = summit::common::ServeUntilTerminated(options, {&service}, health);
      !status.ok()) {
    spdlog::critical("{}", status.ToString());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
