#include "tools/loaders.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "common/file_util.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "tools/comtrade_csv.h"

namespace summit {
namespace {

constexpr int kTradeBatchRows = 5000;

std::unique_ptr<v1::IngestService::Stub> Stub(const LoadOptions& options) {
  return v1::IngestService::NewStub(
      grpc::CreateChannel(options.ingest_addr, grpc::InsecureChannelCredentials()));
}

void Prepare(grpc::ClientContext& context, const LoadOptions& options) {
  if (!options.token.empty()) {
    context.AddMetadata("authorization", absl::StrCat("Bearer ", options.token));
  }
  context.set_deadline(absl::ToChronoTime(absl::Now() + options.timeout));
}

// Progress on stderr, at most every 200 ms, only for a terminal.
class Progress {
 public:
  explicit Progress(std::string unit)
      : unit_(std::move(unit)), tty_(isatty(STDERR_FILENO)) {}
  void Show(int64_t done, double fraction) {
    if (!tty_ || absl::Now() - last_ < absl::Milliseconds(200)) return;
    last_ = absl::Now();
    const double rate =
        done / std::max(1e-3, absl::ToDoubleSeconds(absl::Now() - start_));
    std::cerr << absl::StrFormat("\r%d %s, %.0f/s, %.0f%%   ", done, unit_, rate,
                                 100 * fraction)
              << std::flush;
  }
  void Done() {
    if (tty_) std::cerr << "\n";
  }

 private:
  const std::string unit_;
  const bool tty_;
  const absl::Time start_ = absl::Now();
  absl::Time last_ = absl::InfinitePast();
};

std::vector<std::filesystem::path> ReportFiles(const std::vector<std::string>& paths) {
  std::vector<std::filesystem::path> files;
  for (const std::string& path : paths) {
    if (std::filesystem::is_directory(path)) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
        if (entry.is_regular_file() && entry.path().extension() == ".txt") {
          files.push_back(entry.path());
        }
      }
    } else {
      files.emplace_back(path);
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The article of a report file: its sidecar .json, else an id from the
// file name; the date from a leading YYYY-MM-DD when asked.
absl::StatusOr<v1::Article> ArticleOf(const std::filesystem::path& file,
                                      const LoadOptions& options) {
  v1::Article article;
  std::filesystem::path sidecar = file;
  sidecar.replace_extension(".json");
  if (std::filesystem::exists(sidecar)) {
    absl::StatusOr<std::string> json = ReadFileToString(sidecar.string());
    if (!json.ok()) return json.status();
    auto status = google::protobuf::util::JsonStringToMessage(*json, &article);
    if (!status.ok()) {
      return absl::InvalidArgumentError(absl::StrCat(
          sidecar.string(), ": not an Article in JSON: ", status.ToString()));
    }
  }
  if (article.source_id().empty()) {
    std::string id;
    for (char c : file.stem().string()) {
      id.push_back(absl::ascii_isalnum(c) || c == '.' || c == '_' || c == '-' ? c : '-');
    }
    article.set_source_id(id);
  }
  absl::CivilDay day;
  if (options.published_from_name && file.filename().string().size() >= 10 &&
      absl::ParseCivilTime(file.filename().string().substr(0, 10), &day)) {
    article.mutable_published()->set_year(static_cast<int>(day.year()));
    article.mutable_published()->set_month(day.month());
    article.mutable_published()->set_day(day.day());
  }
  absl::StatusOr<std::string> text = ReadFileToString(file.string());
  if (!text.ok()) return text.status();
  article.set_text(*std::move(text));
  return article;
}

}  // namespace

int LoadArticles(const std::vector<std::string>& paths, const LoadOptions& options) {
  const std::vector<std::filesystem::path> files = ReportFiles(paths);
  auto stub = Stub(options);
  grpc::ClientContext context;
  Prepare(context, options);
  v1::IngestArticlesResponse response;
  auto writer = stub->IngestArticles(&context, &response);
  Progress progress("reports");
  std::vector<std::string> names;
  int local_failures = 0;
  for (size_t i = 0; i < files.size(); ++i) {
    absl::StatusOr<v1::Article> article = ArticleOf(files[i], options);
    if (!article.ok()) {
      std::cout << "failed: " << article.status().message() << "\n";
      ++local_failures;
      continue;
    }
    v1::IngestArticlesRequest request;
    *request.mutable_article() = *std::move(article);
    names.push_back(files[i].string());
    if (!writer->Write(request)) break;
    progress.Show(static_cast<int64_t>(i + 1), double(i + 1) / files.size());
  }
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  progress.Done();
  if (!status.ok()) {
    std::cerr << "summitctl load-articles: " << options.ingest_addr << ": "
              << status.error_message() << " (code " << status.error_code() << ")\n";
    return 2;
  }
  for (const v1::IngestArticleResult& result : response.results()) {
    const std::string& name = result.index() < static_cast<int>(names.size())
                                  ? names[result.index()]
                                  : result.source_id();
    if (!result.error().empty()) {
      std::cout << "failed: " << name << ": " << result.error() << "\n";
    } else if (result.outcome() == v1::INGEST_OUTCOME_NOT_A_SUMMIT) {
      std::cout << "not a summit: " << name << ": " << result.not_summit_reason() << "\n";
    }
  }
  std::cout << absl::StrFormat(
      "%d reports: %d created, %d merged, %d updated, %d unchanged, %d not a summit, %d "
      "failed\n",
      response.results_size() + local_failures, response.created_count(),
      response.merged_count(), response.updated_count(), response.unchanged_count(),
      response.not_a_summit_count(), response.failed_count() + local_failures);
  return response.failed_count() + local_failures > 0 ? 1 : 0;
}

int LoadTrade(const std::string& path, const LoadOptions& options) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  auto stub = Stub(options);
  grpc::ClientContext context;
  Prepare(context, options);
  v1::IngestTradeFlowsResponse response;
  auto writer = stub->IngestTradeFlows(&context, &response);
  Progress progress("rows");
  std::vector<int64_t> lines;  // Line of each row sent, by stream index.
  std::vector<CsvProblem> problems;
  v1::IngestTradeFlowsRequest batch;
  bool broken = false;
  auto flush = [&]() {
    if (batch.flows_size() == 0 || broken) return;
    broken = !writer->Write(batch);
    batch.clear_flows();
  };
  int64_t bytes = 0;
  CsvCallbacks callbacks;
  callbacks.row = [&](int64_t line, v1::TradeFlow flow) {
    lines.push_back(line);
    *batch.add_flows() = std::move(flow);
    if (batch.flows_size() == kTradeBatchRows) flush();
    progress.Show(static_cast<int64_t>(lines.size()), size ? double(bytes) / size : 0);
  };
  callbacks.problem = [&](const CsvProblem& problem) { problems.push_back(problem); };
  callbacks.progress = [&](int64_t read) { bytes = read; };
  absl::Status read =
      ReadComtradeCsv(path, std::filesystem::path(path).filename().string(), callbacks);
  flush();
  writer->WritesDone();
  const grpc::Status status = writer->Finish();
  progress.Done();
  if (!read.ok()) {
    std::cerr << "summitctl load-trade: " << read.message() << "\n";
    return 2;
  }
  if (!status.ok()) {
    std::cerr << "summitctl load-trade: " << options.ingest_addr << ": "
              << status.error_message() << " (code " << status.error_code() << "); "
              << response.accepted_count() << " rows were accepted before\n";
    return 2;
  }
  for (const v1::RejectedTradeFlow& rejected : response.rejected()) {
    problems.push_back({rejected.index() < static_cast<int64_t>(lines.size())
                            ? lines[rejected.index()]
                            : -1,
                        rejected.field(), rejected.reason()});
  }
  std::sort(problems.begin(), problems.end(),
            [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
  for (const CsvProblem& problem : problems) {
    std::cout << path << ":" << problem.line << ": " << problem.field << ": "
              << problem.reason << "\n";
  }
  std::cout << absl::StrFormat(
      "%d rows: %d accepted, %d rejected\n",
      response.accepted_count() + static_cast<int64_t>(problems.size()),
      response.accepted_count(), problems.size());
  return problems.empty() ? 0 : 1;
}

}  // namespace summit
