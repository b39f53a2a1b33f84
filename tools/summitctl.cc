// summitctl: the operators' client for summit.
//
//   summitctl health [--addr=HOST:PORT] [--service=NAME]
//       Calls grpc.health.v1.Health/Check; exit 0 only when SERVING.
//   summitctl extract [--published=YYYY-MM-DD] [--source-url=URL] FILE
//       Runs the extractor offline and prints the ExtractArticleResponse as
//       proto3 JSON.
//   summitctl load-articles [--published-from-name] PATH...
//       Sends reports (.txt, with sidecar .json metadata) to IngestArticle.
//   summitctl load-trade FILE.csv
//       Sends a UN Comtrade CSV download to IngestTradeFlows in batches.
//       Both loads exit 0 when everything was written, 1 when some inputs
//       were rejected, 2 when the load stopped (tools/loaders.h).
//   summitctl backup [--ingest_addr=HOST:PORT] | --db=PATH --to=DIR |
//                    --verify --to=DIR
//       Takes a backup through a running summit_ingest (into its
//       --backup_dir), or of a database no service holds; or verifies a
//       backup directory's checksums.
//   summitctl restore --from=DIR --db=PATH [--backup_id=N]
//       Restores a backup (the latest by default) into a new directory.
//   summitctl fsck --db=PATH
//       Checks a database's consistency, offline or beside a running
//       summit_ingest (it reads through a temporary secondary instance);
//       exit 0 when clean, 1 when faults were found, 2 when it cannot read.
#include <stdlib.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "absl/flags/flag.h"
#include "absl/flags/parse.h"
#include "absl/flags/usage.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "absl/time/civil_time.h"
#include "absl/time/time.h"
#include "common/file_util.h"
#include "common/status_macros.h"
#include "extractor/extractor.h"
#include "google/protobuf/util/json_util.h"
#include "grpc/health/v1/health.grpc.pb.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "ingest_service/ingestor.h"
#include "storage/database.h"
#include "storage/fsck.h"
#include "tools/backup_commands.h"
#include "tools/loaders.h"

ABSL_FLAG(std::string, addr, "127.0.0.1:50051", "health: the server to check, host:port");
ABSL_FLAG(std::string, service, "",
          "health: the service to check; empty means the whole server");
ABSL_FLAG(std::string, db, "",
          "fsck: the database directory to check; backup: the database to back up "
          "offline; restore: the new directory to restore into");
ABSL_FLAG(std::string, to, "", "backup: the backup directory to add to or verify");
ABSL_FLAG(std::string, from, "", "restore: the backup directory to restore from");
ABSL_FLAG(bool, verify, false, "backup: verify every backup of --to instead of taking one");
ABSL_FLAG(uint32_t, backup_id, 0, "restore: the backup to restore; 0 is the latest");
ABSL_FLAG(std::string, ingest_addr, "127.0.0.1:50051",
          "load-*: the ingest service, host:port");
ABSL_FLAG(std::string, token_file, "",
          "load-*: file holding the ingest token (else $SUMMIT_TOKEN)");
ABSL_FLAG(
    bool, published_from_name, false,
    "load-articles: take the publication date from a leading YYYY-MM-DD of file names");
ABSL_FLAG(absl::Duration, load_timeout, absl::Minutes(30),
          "load-*: deadline of the whole load");
ABSL_FLAG(std::string, published, "",
          "extract: the report's publication date, YYYY-MM-DD, for relative dates");
ABSL_FLAG(std::string, source_url, "", "extract: the report's URL (also --source-url)");
ABSL_FLAG(std::string, source_id, "",
          "extract: the report's source id (also --source-id)");
ABSL_FLAG(absl::Duration, timeout, absl::Seconds(5), "deadline of each call");

namespace {

constexpr char kUsage[] =
    "summitctl COMMAND [flags]\n"
    "\n"
    "Commands:\n"
    "  health   check a server's grpc.health.v1 status; exit 0 when SERVING\n"
    "  extract  extract the summit a report file reports, offline; prints\n"
    "           protobuf JSON (--published=YYYY-MM-DD, --source-url=URL)\n"
    "  load-articles  send reports (.txt, sidecar .json) to the ingest service\n"
    "  load-trade     send a UN Comtrade CSV file to the ingest service\n"
    "           Both list every rejected report or row with the reason and end\n"
    "           with a summary whose counts add up to the input. Exit 0 when\n"
    "           everything was written (a report may be \"not a summit\"), 1\n"
    "           when some inputs were rejected and the rest written, 2 when the\n"
    "           load stopped (unreadable input, a failed call): the summary then\n"
    "           says how many were written, sent but not acknowledged, and not\n"
    "           attempted\n"
    "  fsck     check a database's consistency (--db=PATH); exit 0 when clean,\n"
    "           1 when faults were found, 2 when it cannot be read\n"
    "  backup   take a backup through the running summit_ingest at\n"
    "           --ingest_addr (into its --backup_dir; token and --load_timeout\n"
    "           as for the loads);\n"
    "           or --db=PATH --to=DIR: of a database no service holds; or\n"
    "           --verify --to=DIR: check every backup's files and checksums\n"
    "           (exit 1 when one is damaged). Backups are incremental\n"
    "  restore  --from=DIR --db=PATH [--backup_id=N]: restore a backup (the\n"
    "           latest by default) into a new, empty directory\n";

int Health() {
  auto channel =
      grpc::CreateChannel(absl::GetFlag(FLAGS_addr), grpc::InsecureChannelCredentials());
  auto stub = grpc::health::v1::Health::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(absl::ToChronoTime(absl::Now() + absl::GetFlag(FLAGS_timeout)));
  grpc::health::v1::HealthCheckRequest request;
  request.set_service(absl::GetFlag(FLAGS_service));
  grpc::health::v1::HealthCheckResponse response;
  grpc::Status status = stub->Check(&context, request, &response);
  if (!status.ok()) {
    std::cerr << "summitctl health: " << absl::GetFlag(FLAGS_addr) << ": "
              << status.error_message() << " (code " << status.error_code() << ")\n";
    return EXIT_FAILURE;
  }
  std::cout << grpc::health::v1::HealthCheckResponse::ServingStatus_Name(
                   response.status())
            << "\n";
  return response.status() == grpc::health::v1::HealthCheckResponse::SERVING
             ? EXIT_SUCCESS
             : EXIT_FAILURE;
}

// Reads the database through a secondary instance in a temporary directory,
// so that a running summit_ingest (which holds the primary's lock) is no
// obstacle and nothing is written to the database.
int Fsck() {
  const std::string path = absl::GetFlag(FLAGS_db);
  if (path.empty()) {
    std::cerr << "summitctl fsck: --db: required\n";
    return 2;
  }
  const char* tmp = std::getenv("TMPDIR");
  std::string secondary =
      std::string(tmp != nullptr ? tmp : "/tmp") + "/summitctl-fsck-XXXXXX";
  if (mkdtemp(secondary.data()) == nullptr) {
    std::cerr << "summitctl fsck: cannot create a temporary directory\n";
    return 2;
  }
  int exit_code = 2;
  {
    auto db = summit::storage::Database::OpenSecondary(path, secondary);
    absl::StatusOr<summit::storage::FsckReport> report =
        db.ok() ? summit::storage::Fsck(**db)
                : absl::StatusOr<summit::storage::FsckReport>(db.status());
    if (!report.ok()) {
      std::cerr << "summitctl fsck: " << report.status().message() << "\n";
    } else {
      for (const std::string& problem : report->problems) std::cout << problem << "\n";
      if (report->problem_count > static_cast<int64_t>(report->problems.size())) {
        std::cout << "... and " << report->problem_count - report->problems.size()
                  << " more\n";
      }
      std::cout << path << ": " << report->summits << " summits, " << report->participants
                << " participants, " << report->sectors << " sectors, "
                << report->trade_flows << " trade rows, " << report->index_entries
                << " index entries; " << report->problem_count << " problems\n";
      exit_code = report->ok() ? EXIT_SUCCESS : EXIT_FAILURE;
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(secondary, ignored);
  return exit_code;
}

int Extract(const std::vector<char*>& args) {
  if (args.size() != 3) {
    std::cerr << "summitctl extract: expected exactly one FILE\n";
    return EXIT_FAILURE;
  }
  summit::v1::Article article;
  const std::string published = absl::GetFlag(FLAGS_published);
  if (!published.empty()) {
    absl::CivilDay day;
    if (!absl::ParseCivilTime(published, &day)) {
      std::cerr << "summitctl extract: --published: \"" << published
                << "\" is not a date of the form YYYY-MM-DD\n";
      return EXIT_FAILURE;
    }
    article.mutable_published()->set_year(static_cast<int>(day.year()));
    article.mutable_published()->set_month(day.month());
    article.mutable_published()->set_day(day.day());
  }
  absl::StatusOr<std::string> text = summit::common::ReadFileToString(args[2]);
  if (!text.ok()) {
    std::cerr << "summitctl extract: " << text.status().message() << "\n";
    return EXIT_FAILURE;
  }
  article.set_text(*std::move(text));
  article.set_url(absl::GetFlag(FLAGS_source_url));
  article.set_source_id(absl::GetFlag(FLAGS_source_id));
  const summit::v1::ExtractArticleResponse response =
      summit::ingest::ToExtractArticleResponse(
          summit::extractor::Extractor().Extract(article));
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  options.add_whitespace = true;
  options.preserve_proto_field_names = false;
  (void)google::protobuf::util::MessageToJsonString(response, &json, options);
  std::cout << json;
  return EXIT_SUCCESS;
}

// The token: --token_file, else $SUMMIT_TOKEN; empty when neither.
absl::StatusOr<std::string> Token() {
  if (const std::string path = absl::GetFlag(FLAGS_token_file); !path.empty()) {
    ASSIGN_OR_RETURN(std::string contents, summit::common::ReadFileToString(path));
    return std::string(absl::StripAsciiWhitespace(contents));
  }
  const char* env = std::getenv("SUMMIT_TOKEN");
  return env != nullptr ? env : "";
}

absl::StatusOr<summit::LoadOptions> LoadOptionsFromFlags() {
  ASSIGN_OR_RETURN(std::string token, Token());
  summit::LoadOptions options;
  options.ingest_addr = absl::GetFlag(FLAGS_ingest_addr);
  options.token = std::move(token);
  options.timeout = absl::GetFlag(FLAGS_load_timeout);
  options.published_from_name = absl::GetFlag(FLAGS_published_from_name);
  return options;
}

int Backup() {
  const std::string to = absl::GetFlag(FLAGS_to);
  const std::string db = absl::GetFlag(FLAGS_db);
  if (absl::GetFlag(FLAGS_verify)) {
    if (to.empty()) {
      std::cerr << "summitctl backup --verify: --to: required\n";
      return 2;
    }
    return summit::VerifyBackupDir(to);
  }
  if (!db.empty() || !to.empty()) {
    if (db.empty() || to.empty()) {
      std::cerr << "summitctl backup: --db and --to go together (an offline backup)\n";
      return 2;
    }
    return summit::BackupOffline(db, to);
  }
  absl::StatusOr<summit::LoadOptions> options = LoadOptionsFromFlags();
  if (!options.ok()) {
    std::cerr << "summitctl backup: --token_file: " << options.status().message() << "\n";
    return 2;
  }
  return summit::BackupThroughService(*options);
}

int Restore() {
  const std::string from = absl::GetFlag(FLAGS_from);
  const std::string db = absl::GetFlag(FLAGS_db);
  if (from.empty() || db.empty()) {
    std::cerr << "summitctl restore: --from and --db: required\n";
    return 2;
  }
  return summit::RestoreBackupDir(from, absl::GetFlag(FLAGS_backup_id), db);
}

// Flag names are identifiers; accept the dashed spellings too
// ("--source-url" for --source_url).
void UnderscoreFlagNames(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strncmp(argv[i], "--", 2) != 0) continue;
    for (char* c = argv[i] + 2; *c != '\0' && *c != '='; ++c) {
      if (*c == '-') *c = '_';
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  absl::SetProgramUsageMessage(kUsage);
  UnderscoreFlagNames(argc, argv);
  std::vector<char*> args = absl::ParseCommandLine(argc, argv);
  if (args.size() < 2) {
    std::cerr << kUsage;
    return EXIT_FAILURE;
  }
  const std::string command = args[1];
  if (command == "health") return Health();
  if (command == "fsck") return Fsck();
  if (command == "backup") return Backup();
  if (command == "restore") return Restore();
  if (command == "extract") return Extract(args);
  if (command == "load-articles" || command == "load-trade") {
    if (args.size() < 3 || (command == "load-trade" && args.size() != 3)) {
      std::cerr << "summitctl " << command << ": expected "
                << (command == "load-trade" ? "one FILE.csv" : "PATH...") << "\n";
      return summit::kLoadStopped;
    }
    absl::StatusOr<summit::LoadOptions> options = LoadOptionsFromFlags();
    if (!options.ok()) {
      std::cerr << "summitctl " << command
                << ": --token_file: " << options.status().message() << "\n";
      return summit::kLoadStopped;
    }
    if (command == "load-trade") return summit::LoadTrade(args[2], *options);
    return summit::LoadArticles({args.begin() + 2, args.end()}, *options);
  }
  std::cerr << "summitctl: unknown command \"" << command << "\"\n\n" << kUsage;
  return EXIT_FAILURE;
}
