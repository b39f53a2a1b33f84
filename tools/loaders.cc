#include "tools/loaders.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "common/field_checks.h"
#include "common/file_util.h"
#include "common/status_macros.h"
#include "google/protobuf/util/json_util.h"
#include "grpcpp/create_channel.h"
#include "grpcpp/security/credentials.h"
#include "summit/v1/ingest_service.grpc.pb.h"
#include "tools/comtrade_csv.h"

namespace summit {

using common::InvalidUtf8At;
using common::ReadFileToString;

namespace {

constexpr int kTradeBatchRows = 5000;
// Far below the service's receive limit (4 MiB at least), so that only a
// row too large on its own makes a batch too large.
constexpr size_t kTradeBatchBytes = 1 << 20;

std::unique_ptr<v1::IngestService::Stub> Stub(const LoadOptions& options) {
  return v1::IngestService::NewStub(
      grpc::CreateChannel(options.ingest_addr, grpc::InsecureChannelCredentials()));
}

// Progress on stderr, at most every 200 ms, only for a terminal.
class Progress final {
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
    ASSIGN_OR_RETURN(std::string json, ReadFileToString(sidecar.string()));
    auto status = google::protobuf::util::JsonStringToMessage(json, &article);
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
  ASSIGN_OR_RETURN(std::string text, ReadFileToString(file.string()));
  if (const int64_t at = InvalidUtf8At(text); at >= 0) {
    return absl::InvalidArgumentError(absl::StrCat(
        file.string(), ": not valid UTF-8 at byte ", at, ", not a text report"));
  }
  article.set_text(std::move(text));
  return article;
}

// Whether a failed call refused only the input it carried, so that the load
// can go on: INVALID_ARGUMENT for an invalid report, RESOURCE_EXHAUSTED for
// one larger than the service receives.
bool RefusedTheInputOnly(const grpc::Status& status) {
  return status.error_code() == grpc::StatusCode::INVALID_ARGUMENT ||
         status.error_code() == grpc::StatusCode::RESOURCE_EXHAUSTED;
}

// A load of report files, one IngestArticle call each, so that the service
// acknowledges every report on its own.
class ArticleLoad final {
 public:
  explicit ArticleLoad(const LoadOptions& options)
      : options_(options),
        stub_(Stub(options)),
        deadline_(absl::Now() + options.timeout) {}

  // Ingests `file`. False when its call failed in a way that stops the
  // load, which is reported on stderr.
  bool Ingest(const std::filesystem::path& file);

  // Prints the summary of a load of `files` files of which `attempted`
  // were tried, and returns the exit code.
  int Summarize(size_t files, size_t attempted) const;

 private:
  int64_t Count(v1::IngestOutcome outcome) const {
    auto it = outcomes_.find(outcome);
    return it == outcomes_.end() ? 0 : it->second;
  }

  const LoadOptions& options_;
  const std::unique_ptr<v1::IngestService::Stub> stub_;
  const absl::Time deadline_;
  std::map<v1::IngestOutcome, int64_t> outcomes_;
  int64_t failed_ = 0;
  int64_t unacknowledged_ = 0;
};

bool ArticleLoad::Ingest(const std::filesystem::path& file) {
  absl::StatusOr<v1::Article> article = ArticleOf(file, options_);
  if (!article.ok()) {
    std::cout << "failed: " << article.status().message() << "\n";
    ++failed_;
    return true;
  }
  grpc::ClientContext context;
  PrepareCall(context, options_, deadline_);
  v1::IngestArticleRequest request;
  *request.mutable_article() = *std::move(article);
  v1::IngestArticleResponse response;
  const grpc::Status status = stub_->IngestArticle(&context, request, &response);
  if (status.ok()) {
    ++outcomes_[response.outcome()];
    if (response.outcome() == v1::INGEST_OUTCOME_NOT_A_SUMMIT) {
      std::cout << "not a summit: " << file.string() << ": "
                << response.not_summit_reason() << "\n";
    }
    return true;
  }
  if (RefusedTheInputOnly(status)) {
    std::cout << "failed: " << file.string() << ": " << status.error_message() << "\n";
    ++failed_;
    return true;
  }
  ++unacknowledged_;
  std::cerr << "summitctl load-articles: stopped at " << file.string() << ": "
            << CallError(options_, status) << "\n";
  return false;
}

int ArticleLoad::Summarize(size_t files, size_t attempted) const {
  const int64_t not_attempted = static_cast<int64_t>(files - attempted);
  std::cout << absl::StrFormat(
      "%d reports: %d created, %d merged, %d updated, %d unchanged, %d not a summit, "
      "%d failed, %d sent but not acknowledged, %d not attempted\n",
      files, Count(v1::INGEST_OUTCOME_CREATED), Count(v1::INGEST_OUTCOME_MERGED),
      Count(v1::INGEST_OUTCOME_UPDATED), Count(v1::INGEST_OUTCOME_UNCHANGED),
      Count(v1::INGEST_OUTCOME_NOT_A_SUMMIT), failed_, unacknowledged_, not_attempted);
  if (unacknowledged_ > 0 || not_attempted > 0) return kLoadStopped;
  return failed_ > 0 ? kLoadSomeRejected : kLoadAllWritten;
}

// A load of trade rows, one IngestTradeFlows call per batch, so that the
// service acknowledges every batch on its own; the next batch is read while
// the service writes the one before. The first failed call stops the load:
// its rows were sent but not acknowledged, the rows after it are not
// attempted.
class TradeLoad final {
 public:
  explicit TradeLoad(const LoadOptions& options)
      : options_(options),
        stub_(Stub(options)),
        deadline_(absl::Now() + options.timeout) {}

  // A good row of the file, sent with the next batch.
  void Add(int64_t line, v1::TradeFlow flow);
  // A row the reader rejected.
  void Reject(const CsvProblem& problem) { rejected_.push_back(problem); }
  // Sends the last batch and waits for every answer.
  void Finish();

  // Prints every rejected row and the summary of the `rows` rows read from
  // `path`, and returns the exit code; `read_whole` tells whether the file
  // was read to its end.
  int Summarize(const std::string& path, int64_t rows, bool read_whole);

 private:
  // The call of one batch.
  struct Call {
    grpc::ClientContext context;
    v1::IngestTradeFlowsResponse response;
    std::unique_ptr<grpc::ClientWriter<v1::IngestTradeFlowsRequest>> writer;
    std::vector<int64_t> lines;  // The line of each row, by index in the batch.
  };

  // Starts the call of the rows gathered, once the call before is answered.
  void Send();
  // Waits for the answer to the call in flight, if any, and tallies it.
  void Collect();

  const LoadOptions& options_;
  const std::unique_ptr<v1::IngestService::Stub> stub_;
  const absl::Time deadline_;
  v1::IngestTradeFlowsRequest batch_;
  std::vector<int64_t> batch_lines_;
  size_t batch_bytes_ = 0;
  std::unique_ptr<Call> in_flight_;
  bool stopped_ = false;
  int64_t accepted_ = 0;
  std::vector<CsvProblem> rejected_;
  int64_t unacknowledged_ = 0;
  int64_t not_attempted_ = 0;
};

void TradeLoad::Add(int64_t line, v1::TradeFlow flow) {
  if (stopped_) {
    ++not_attempted_;
    return;
  }
  batch_bytes_ += flow.ByteSizeLong();
  batch_lines_.push_back(line);
  *batch_.add_flows() = std::move(flow);
  if (batch_.flows_size() == kTradeBatchRows || batch_bytes_ >= kTradeBatchBytes) Send();
}

void TradeLoad::Finish() {
  Send();
  Collect();
}

void TradeLoad::Send() {
  Collect();
  if (stopped_) {
    not_attempted_ += batch_.flows_size();
  } else if (batch_.flows_size() > 0) {
    in_flight_ = std::make_unique<Call>();
    PrepareCall(in_flight_->context, options_, deadline_);
    in_flight_->writer =
        stub_->IngestTradeFlows(&in_flight_->context, &in_flight_->response);
    in_flight_->lines = std::move(batch_lines_);
    // A failed write shows in the status Collect reads.
    in_flight_->writer->WriteLast(batch_, grpc::WriteOptions());
  }
  batch_.clear_flows();
  batch_lines_.clear();
  batch_bytes_ = 0;
}

void TradeLoad::Collect() {
  if (in_flight_ == nullptr) return;
  const std::unique_ptr<Call> call = std::move(in_flight_);
  const grpc::Status status = call->writer->Finish();
  if (!status.ok()) {
    stopped_ = true;
    unacknowledged_ += static_cast<int64_t>(call->lines.size());
    std::cerr << "summitctl load-trade: stopped at the batch of lines "
              << call->lines.front() << " to " << call->lines.back() << ": "
              << CallError(options_, status) << "; " << accepted_
              << " rows were accepted before it\n";
    return;
  }
  accepted_ += call->response.accepted_count();
  for (const v1::RejectedTradeFlow& rejected : call->response.rejected()) {
    const int index = rejected.index_in_batch();
    const bool known = index >= 0 && index < static_cast<int>(call->lines.size());
    // "flows[3].reporter_code" names the field of a row the line already
    // locates: print "reporter_code".
    const std::string& path = rejected.field_path();
    const size_t field = path.find("].");
    rejected_.push_back({known ? call->lines[index] : -1,
                         field == std::string::npos ? path : path.substr(field + 2),
                         rejected.reason()});
  }
}

int TradeLoad::Summarize(const std::string& path, int64_t rows, bool read_whole) {
  std::sort(rejected_.begin(), rejected_.end(),
            [](const CsvProblem& a, const CsvProblem& b) { return a.line < b.line; });
  for (const CsvProblem& problem : rejected_) {
    std::cout << path << ":" << problem.line << ": " << problem.field << ": "
              << problem.reason << "\n";
  }
  std::cout << absl::StrFormat(
      "%d rows: %d accepted, %d rejected, %d sent but not acknowledged, %d not "
      "attempted\n",
      rows, accepted_, rejected_.size(), unacknowledged_, not_attempted_);
  if (!read_whole || unacknowledged_ > 0 || not_attempted_ > 0) return kLoadStopped;
  return rejected_.empty() ? kLoadAllWritten : kLoadSomeRejected;
}

}  // namespace

int LoadArticles(const std::vector<std::string>& paths, const LoadOptions& options) {
  const std::vector<std::filesystem::path> files = ReportFiles(paths);
  ArticleLoad load(options);
  Progress progress("reports");
  size_t attempted = 0;
  while (attempted < files.size()) {
    const bool go_on = load.Ingest(files[attempted]);
    ++attempted;
    progress.Show(static_cast<int64_t>(attempted), double(attempted) / files.size());
    if (!go_on) break;
  }
  progress.Done();
  return load.Summarize(files.size(), attempted);
}

int LoadTrade(const std::string& path, const LoadOptions& options) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  TradeLoad load(options);
  Progress progress("rows");
  int64_t rows = 0;  // Every data row read, good or bad.
  int64_t last_line = 0;
  int64_t bytes = 0;
  CsvCallbacks callbacks;
  callbacks.row = [&](int64_t line, v1::TradeFlow flow) {
    ++rows;
    last_line = line;
    load.Add(line, std::move(flow));
    progress.Show(rows, size ? double(bytes) / size : 0);
  };
  callbacks.problem = [&](const CsvProblem& problem) {
    ++rows;
    last_line = problem.line;
    load.Reject(problem);
  };
  callbacks.progress = [&](int64_t read) { bytes = read; };
  const absl::Status read =
      ReadComtradeCsv(path, std::filesystem::path(path).filename().string(), callbacks);
  load.Finish();
  progress.Done();
  if (!read.ok()) {
    std::cerr << "summitctl load-trade: " << read.message();
    if (rows > 0) std::cerr << "; nothing after line " << last_line << " was read";
    std::cerr << "\n";
  }
  return load.Summarize(path, rows, read.ok());
}

void PrepareCall(grpc::ClientContext& context, const LoadOptions& options,
                 absl::Time deadline) {
  if (!options.token.empty()) {
    context.AddMetadata("authorization", absl::StrCat("Bearer ", options.token));
  }
  context.set_deadline(absl::ToChronoTime(deadline));
}

std::string CallError(const LoadOptions& options, const grpc::Status& status) {
  return absl::StrCat(options.ingest_addr, ": ", status.error_message(), " (code ",
                      status.error_code(), ")");
}

}  // namespace summit
