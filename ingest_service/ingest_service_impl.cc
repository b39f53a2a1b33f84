#include "ingest_service/ingest_service_impl.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "common/raw_rpc.h"
#include "common/status_macros.h"
#include "common/status_util.h"

namespace summit::ingest {

using common::AnswerUnary;
using common::ParseMessage;
using common::ToByteBuffer;
using common::ToGrpcStatus;

namespace {

// A client stream read message by message: refused up front when the call
// is not authorized; each message parsed and handed to Handle with its
// zero-based position. Finished with the response when the client closes
// the stream, or with INVALID_ARGUMENT for a message that does not parse
// ("message 3 of the stream: cannot be parsed as ..."), or with the error
// Handle returns; the messages before it stay handled.
template <typename Request, typename Response>
class StreamReader : public grpc::ServerReadReactor<grpc::ByteBuffer> {
 public:
  void OnReadDone(bool ok) override {
    if (!ok) {  // The client closed the stream.
      absl::StatusOr<grpc::ByteBuffer> encoded = ToByteBuffer(response_);
      if (!encoded.ok()) {
        Finish(ToGrpcStatus(encoded.status()));
        return;
      }
      *out_ = *std::move(encoded);
      Finish(grpc::Status::OK);
      return;
    }
    Request request;
    absl::Status status = ParseMessage(
        message_, absl::StrCat("message ", position_, " of the stream"), request);
    if (status.ok()) status = Handle(request, position_);
    if (!status.ok()) {
      Finish(ToGrpcStatus(status));
      return;
    }
    ++position_;
    StartRead(&message_);
  }
  void OnDone() override { delete this; }

 protected:
  explicit StreamReader(grpc::ByteBuffer* out) : out_(out) {}

  // Starts reading, or finishes with `refusal` when it is not OK. Call last
  // in the derived constructor.
  void Start(grpc::Status refusal) {
    if (!refusal.ok()) {
      Finish(std::move(refusal));
      return;
    }
    StartRead(&message_);
  }
  virtual absl::Status Handle(const Request& request, int position) = 0;

  Response& response() { return response_; }

 private:
  grpc::ByteBuffer* const out_;
  grpc::ByteBuffer message_;
  Response response_;
  int position_ = 0;
};

// Reads the IngestArticles stream, ingesting each report as it arrives.
class ArticleStream final
    : public StreamReader<v1::IngestArticlesRequest, v1::IngestArticlesResponse> {
 public:
  ArticleStream(Ingestor* ingestor, IngestMetrics* metrics, grpc::ByteBuffer* out,
                grpc::Status refusal)
      : StreamReader(out), ingestor_(ingestor), metrics_(metrics) {
    Start(std::move(refusal));
  }

 private:
  // One report's failure is its result's error; the stream goes on.
  absl::Status Handle(const v1::IngestArticlesRequest& request, int position) override {
    v1::IngestArticleResult* result = response().add_results();
    result->set_index(position);
    result->set_source_id(request.article().source_id());
    absl::StatusOr<v1::IngestArticleResponse> ingested =
        ingestor_->IngestArticle(request.article());
    metrics_->CountArticle(ingested);
    if (!ingested.ok()) {
      result->set_error(std::string(ingested.status().message()));
      response().set_failed_count(response().failed_count() + 1);
    } else {
      result->set_outcome(ingested->outcome());
      if (ingested->has_summit()) result->set_summit_name(ingested->summit().name());
      result->set_not_summit_reason(ingested->not_summit_reason());
      Count(ingested->outcome());
    }
    return absl::OkStatus();
  }

  void Count(v1::IngestOutcome outcome) {
    v1::IngestArticlesResponse& counts = response();
    switch (outcome) {
      case v1::INGEST_OUTCOME_CREATED:
        counts.set_created_count(counts.created_count() + 1);
        break;
      case v1::INGEST_OUTCOME_MERGED:
        counts.set_merged_count(counts.merged_count() + 1);
        break;
      case v1::INGEST_OUTCOME_UPDATED:
        counts.set_updated_count(counts.updated_count() + 1);
        break;
      case v1::INGEST_OUTCOME_UNCHANGED:
        counts.set_unchanged_count(counts.unchanged_count() + 1);
        break;
      case v1::INGEST_OUTCOME_NOT_A_SUMMIT:
        counts.set_not_a_summit_count(counts.not_a_summit_count() + 1);
        break;
      default:
        break;
    }
  }

  Ingestor* const ingestor_;
  IngestMetrics* const metrics_;
};

// Reads the IngestTradeFlows stream; each batch is written as it arrives.
class TradeStream final
    : public StreamReader<v1::IngestTradeFlowsRequest, v1::IngestTradeFlowsResponse> {
 public:
  TradeStream(Ingestor* ingestor, IngestMetrics* metrics, grpc::ByteBuffer* out,
              grpc::Status refusal)
      : StreamReader(out), ingestor_(ingestor), metrics_(metrics) {
    Start(std::move(refusal));
  }

 private:
  // A batch that cannot be written ends the stream; the batches before it
  // are written, this one is not.
  absl::Status Handle(const v1::IngestTradeFlowsRequest& request, int batch) override {
    response().set_batch_count(batch + 1);
    const absl::Time start = absl::Now();
    const int rejected_before = response().rejected_size();
    if (absl::Status status =
            ingestor_->IngestTradeBatch(request, batch, rows_seen_, response());
        !status.ok()) {
      return absl::Status(status.code(),
                          absl::StrCat("batch ", batch, ": ", status.message()));
    }
    const int rejected = response().rejected_size() - rejected_before;
    metrics_->CountTradeBatch(request.flows_size() - rejected, rejected,
                              absl::Now() - start);
    rows_seen_ += request.flows_size();
    return absl::OkStatus();
  }

  Ingestor* const ingestor_;
  IngestMetrics* const metrics_;
  int64_t rows_seen_ = 0;
};

}  // namespace


grpc::ServerUnaryReactor* IngestServiceImpl::ExtractArticle(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::ExtractArticleRequest>(
      context, *request, response, [this](const v1::ExtractArticleRequest& parsed) {
        return ingestor_->ExtractArticle(parsed.article());
      });
}

grpc::ServerUnaryReactor* IngestServiceImpl::IngestArticle(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  if (grpc::Status status = auth_.Check(*context); !status.ok())
    return FinishWith(context, status);
  return AnswerUnary<v1::IngestArticleRequest>(
      context, *request, response, [this](const v1::IngestArticleRequest& parsed) {
        absl::StatusOr<v1::IngestArticleResponse> ingested =
            ingestor_->IngestArticle(parsed.article());
        metrics_->CountArticle(ingested);
        return ingested;
      });
}

grpc::ServerReadReactor<grpc::ByteBuffer>* IngestServiceImpl::IngestArticles(
    grpc::CallbackServerContext* context, grpc::ByteBuffer* response) {
  return new ArticleStream(ingestor_, metrics_, response, auth_.Check(*context));
}

grpc::ServerUnaryReactor* IngestServiceImpl::UpsertSummit(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  if (grpc::Status status = auth_.Check(*context); !status.ok())
    return FinishWith(context, status);
  return AnswerUnary<v1::UpsertSummitRequest>(
      context, *request, response, [this](const v1::UpsertSummitRequest& parsed) {
        return ingestor_->UpsertSummit(parsed.summit());
      });
}

grpc::ServerUnaryReactor* IngestServiceImpl::DeleteSummit(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  if (grpc::Status status = auth_.Check(*context); !status.ok())
    return FinishWith(context, status);
  return AnswerUnary<v1::DeleteSummitRequest>(
      context, *request, response,
      [this](const v1::DeleteSummitRequest& parsed)
          -> absl::StatusOr<v1::DeleteSummitResponse> {
        RETURN_IF_ERROR(ingestor_->DeleteSummit(parsed.name()));
        return v1::DeleteSummitResponse();
      });
}

grpc::ServerReadReactor<grpc::ByteBuffer>* IngestServiceImpl::IngestTradeFlows(
    grpc::CallbackServerContext* context, grpc::ByteBuffer* response) {
  return new TradeStream(ingestor_, metrics_, response, auth_.Check(*context));
}

}  // namespace summit::ingest
