// summit_ingest: parses flags, opens the database as its primary, serves
// summit.v1.IngestService until SIGINT or SIGTERM.
#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "common/health_service.h"
#include "common/server_flags.h"
#include "common/server_runner.h"
#include "ingest_service/ingest_service_impl.h"
#include "spdlog/spdlog.h"
#include "storage/database.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "host:port to serve on; port 0 picks a free port");
ABSL_FLAG(std::string, db_path, "./data",
          "RocksDB directory, created if missing; this process is its only writer");

int main(int argc, char** argv) {
  summit::BlockTerminationSignals();
  summit::ParseServerFlags(
      argc, argv,
      "Serves summit.v1.IngestService: extracts summit reports and trade "
      "statistics into the RocksDB database at --db_path.");

  const std::string db_path = absl::GetFlag(FLAGS_db_path);
  auto db = summit::storage::Database::OpenPrimary(db_path);
  if (!db.ok()) {
    spdlog::critical("--db_path: {}", db.status().ToString());
    return EXIT_FAILURE;
  }
  spdlog::info("database {} open", db_path);

  summit::IngestServiceImpl service(db->get());
  summit::HealthService health({"summit.v1.IngestService"});
  health.SetAllServing(grpc::health::v1::HealthCheckResponse::SERVING);

  if (absl::Status status = summit::ServeUntilTerminated(
          summit::ServerOptionsFromFlags(absl::GetFlag(FLAGS_listen)), {&service},
          health);
      !status.ok()) {
    spdlog::critical("{}", status.ToString());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
