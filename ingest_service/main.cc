// summit_ingest: parses flags, opens the database as its primary, serves
// summit.v1.IngestService and summit.v1.AdminService until SIGINT or
// SIGTERM.
#include <algorithm>
#include <cstdlib>
#include <memory>
#include <string>

#include "absl/flags/flag.h"
#include "absl/strings/ascii.h"
#include "common/file_util.h"
#include "common/health_service.h"
#include "common/metrics.h"
#include "common/server_flags.h"
#include "common/server_runner.h"
#include "ingest_service/admin_service_impl.h"
#include "ingest_service/ingest_service_impl.h"
#include "ingest_service/ingestor.h"
#include "spdlog/spdlog.h"
#include "storage/database.h"

ABSL_FLAG(std::string, listen, "127.0.0.1:50051",
          "host:port to serve on; port 0 picks a free port");
ABSL_FLAG(std::string, db_path, "./data",
          "RocksDB directory, created if missing; this process is its only writer");
ABSL_FLAG(std::string, auth_token_file, "",
          "file holding the bearer token write RPCs must carry; empty: no check");
ABSL_FLAG(bool, allow_unauthenticated, false,
          "allow listening beyond loopback without --auth_token_file");
ABSL_FLAG(std::string, backup_dir, "",
          "directory AdminService.CreateBackup adds backups to (RocksDB BackupEngine, "
          "incremental); empty: backups off");
ABSL_FLAG(int, max_article_bytes, 1 << 20,
          "largest article text accepted, in bytes, 1..1073741824 (1 GiB)");

namespace {

// The bounds of --max_article_bytes: a text of at least a byte, and room
// for the largest text plus its metadata in a gRPC message.
constexpr int kMinArticleBytes = 1;
constexpr int kMaxArticleBytes = 1 << 30;

// Whether `listen` ("host:port") binds loopback only.
bool IsLoopback(const std::string& listen) {
  const std::string host = listen.substr(0, listen.rfind(':'));
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]" ||
         host.rfind("127.", 0) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  summit::common::BlockTerminationSignals();
  summit::common::ParseServerFlags(
      argc, argv,
      "Serves summit.v1.IngestService: extracts summit reports and trade "
      "statistics into the RocksDB database at --db_path.");

  std::string token;
  if (const std::string path = absl::GetFlag(FLAGS_auth_token_file); !path.empty()) {
    absl::StatusOr<std::string> contents = summit::common::ReadFileToString(path);
    if (contents.ok()) token = std::string(absl::StripAsciiWhitespace(*contents));
    if (token.empty()) {
      spdlog::critical("--auth_token_file: {} is unreadable or empty", path);
      return EXIT_FAILURE;
    }
  }
  const std::string listen = absl::GetFlag(FLAGS_listen);
  if (token.empty() && !IsLoopback(listen) &&
      !absl::GetFlag(FLAGS_allow_unauthenticated)) {
    spdlog::critical(
        "--listen: {} is not loopback; set --auth_token_file, or "
        "--allow_unauthenticated to serve writes to anyone",
        listen);
    return EXIT_FAILURE;
  }

  const int max_article_bytes = absl::GetFlag(FLAGS_max_article_bytes);
  if (max_article_bytes < kMinArticleBytes || max_article_bytes > kMaxArticleBytes) {
    spdlog::critical("--max_article_bytes: {} is not within {}..{}", max_article_bytes,
                     kMinArticleBytes, kMaxArticleBytes);
    return EXIT_FAILURE;
  }

  const std::string db_path = absl::GetFlag(FLAGS_db_path);
  auto db = summit::storage::Database::OpenPrimary(db_path);
  if (!db.ok()) {
    spdlog::critical("--db_path: {}", db.status().ToString());
    return EXIT_FAILURE;
  }
  spdlog::info("database {} open", db_path);

  summit::ingest::ValidationLimits limits;
  limits.max_text_bytes = static_cast<size_t>(max_article_bytes);
  summit::ingest::Ingestor ingestor(db->get(), limits);
  summit::common::Metrics metrics;
  summit::ingest::IngestMetrics ingest_metrics(metrics.registry());
  auto gauges = std::make_shared<summit::common::ScrapedGauges>();
  summit::storage::Database* database = db->get();
  summit::common::AddRocksDbGauges(*gauges, [database](const std::string& property) {
    return database->IntProperty(property);
  });
  summit::ingest::IngestServiceImpl service(&ingestor, &ingest_metrics, token);
  summit::ingest::AdminServiceImpl admin(db->get(), absl::GetFlag(FLAGS_backup_dir), token);
  summit::common::HealthService health({"summit.v1.IngestService", "summit.v1.AdminService"});
  health.SetAllServing(grpc::health::v1::HealthCheckResponse::SERVING);

  summit::common::ServerOptions options = summit::common::ServerOptionsFromFlags(listen);
  options.metrics = &metrics;
  options.metrics_extra = gauges;
  // Room for the largest article plus its metadata, and for trade batches.
  options.max_receive_message_bytes =
      std::max(options.max_receive_message_bytes,
               static_cast<int>(limits.max_text_bytes) + (64 << 10));
  if (absl::Status status =
          summit::common::ServeUntilTerminated(options, {&service, &admin}, health);
      !status.ok()) {
    spdlog::critical("{}", status.ToString());
    return EXIT_FAILURE;
  }
  return EXIT_SUCCESS;
}
