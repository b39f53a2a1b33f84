// summit_ingest: parses flags, opens the database as its primary, serves
// summit.v1.IngestService until SIGINT or SIGTERM.
#include <cstdlib>
#include <string>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "common/health_service.h"
#include "common/server_runner.h"
#include "ingest_service/ingest_service_impl.h"
#include "spdlog/spdlog.h"
#include "storage/database.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "host:port to serve on; port 0 picks a free port");
ABSL_FLAG(std::string, db_path, "./data",
          "RocksDB directory, created if missing; this process is its only writer");
ABSL_FLAG(std::string, port_file, "",
          "if set, the bound port is written to this file once serving");
ABSL_FLAG(absl::Duration, shutdown_grace, absl::Seconds(10),
          "how long in-flight calls may finish after SIGTERM/SIGINT");

int main(int argc, char** argv) {
  summit::BlockTerminationSignals();
  absl::SetProgramUsageMessage(
      "Serves summit.v1.IngestService: extracts summit reports and trade "
      "statistics into the RocksDB database at --db_path.");
  absl::ParseCommandLine(argc, argv);

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

  summit::ServerOptions options;
  options.listen_address = absl::GetFlag(FLAGS_listen);
  options.port_file = absl::GetFlag(FLAGS_port_file);
  options.shutdown_grace = absl::GetFlag(FLAGS_shutdown_grace);
  if (absl::Status status =
          summit::ServeUntilTerminated(options, {&service}, health);
      !status.ok()) {
    spdlog::critical("{}", status.ToString());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
