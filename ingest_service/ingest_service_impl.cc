#include "ingest_service/ingest_service_impl.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_util.h"
#include "openssl/crypto.h"

namespace summit {
namespace {

grpc::ServerUnaryReactor* FinishWith(grpc::CallbackServerContext* context,
                                     grpc::Status status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(std::move(status));
  return reactor;
}

// A client stream read message by message: refused up front when the call
// is not authorized, finished OK when the client closes it, or with the
// error Handle returns.
template <typename Request>
class StreamReader : public grpc::ServerReadReactor<Request> {
 public:
  void OnReadDone(bool ok) override {
    if (!ok) {  // The client closed the stream.
      this->Finish(grpc::Status::OK);
      return;
    }
    if (grpc::Status status = Handle(request_); !status.ok()) {
      this->Finish(std::move(status));
      return;
    }
    this->StartRead(&request_);
  }
  void OnDone() override { delete this; }

 protected:
  // Starts reading, or finishes with `refusal` when it is not OK. Call last
  // in the derived constructor.
  void Start(grpc::Status refusal) {
    if (!refusal.ok()) {
      this->Finish(std::move(refusal));
      return;
    }
    this->StartRead(&request_);
  }
  virtual grpc::Status Handle(const Request& request) = 0;

 private:
  Request request_;
};

// Reads the IngestArticles stream, ingesting each report as it arrives.
class ArticleStream final : public StreamReader<v1::IngestArticlesRequest> {
 public:
  ArticleStream(Ingestor* ingestor, v1::IngestArticlesResponse* response,
                grpc::Status refusal)
      : ingestor_(ingestor), response_(response) {
    Start(std::move(refusal));
  }

 private:
  // One report's failure is its result's error; the stream goes on.
  grpc::Status Handle(const v1::IngestArticlesRequest& request) override {
    v1::IngestArticleResult* result = response_->add_results();
    result->set_index(index_++);
    result->set_source_id(request.article().source_id());
    absl::StatusOr<v1::IngestArticleResponse> ingested =
        ingestor_->IngestArticle(request.article());
    if (!ingested.ok()) {
      result->set_error(std::string(ingested.status().message()));
      response_->set_failed_count(response_->failed_count() + 1);
    } else {
      result->set_outcome(ingested->outcome());
      if (ingested->has_summit()) result->set_summit(ingested->summit().name());
      result->set_not_summit_reason(ingested->not_summit_reason());
      Count(ingested->outcome());
    }
    return grpc::Status::OK;
  }

  void Count(v1::IngestOutcome outcome) {
    switch (outcome) {
      case v1::INGEST_OUTCOME_CREATED:
        response_->set_created_count(response_->created_count() + 1);
        break;
      case v1::INGEST_OUTCOME_MERGED:
        response_->set_merged_count(response_->merged_count() + 1);
        break;
      case v1::INGEST_OUTCOME_UPDATED:
        response_->set_updated_count(response_->updated_count() + 1);
        break;
      case v1::INGEST_OUTCOME_UNCHANGED:
        response_->set_unchanged_count(response_->unchanged_count() + 1);
        break;
      case v1::INGEST_OUTCOME_NOT_A_SUMMIT:
        response_->set_not_a_summit_count(response_->not_a_summit_count() + 1);
        break;
      default:
        break;
    }
  }

  Ingestor* const ingestor_;
  v1::IngestArticlesResponse* const response_;
  int index_ = 0;
};

// Reads the IngestTradeFlows stream; each batch is written as it arrives.
class TradeStream final : public StreamReader<v1::IngestTradeFlowsRequest> {
 public:
  TradeStream(Ingestor* ingestor, v1::IngestTradeFlowsResponse* response,
              grpc::Status refusal)
      : ingestor_(ingestor), response_(response) {
    Start(std::move(refusal));
  }

 private:
  // A batch that cannot be written ends the stream; the batches before it
  // are written, this one is not.
  grpc::Status Handle(const v1::IngestTradeFlowsRequest& request) override {
    const int batch = response_->batch_count();
    response_->set_batch_count(batch + 1);
    if (absl::Status status =
            ingestor_->IngestTradeBatch(request, batch, rows_seen_, *response_);
        !status.ok()) {
      return ToGrpcStatus(absl::Status(
          status.code(), absl::StrCat("batch ", batch, ": ", status.message())));
    }
    rows_seen_ += request.flows_size();
    return grpc::Status::OK;
  }

  Ingestor* const ingestor_;
  v1::IngestTradeFlowsResponse* const response_;
  int64_t rows_seen_ = 0;
};

}  // namespace

grpc::Status IngestServiceImpl::Authorize(
    const grpc::CallbackServerContext& context) const {
  if (token_.empty()) return grpc::Status::OK;
  const std::string expected = absl::StrCat("Bearer ", token_);
  const auto& metadata = context.client_metadata();
  auto it = metadata.find("authorization");
  if (it == metadata.end()) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED,
                        "authorization: missing; send \"Bearer <token>\"");
  }
  const grpc::string_ref given = it->second;
  if (given.size() != expected.size() ||
      CRYPTO_memcmp(given.data(), expected.data(), expected.size()) != 0) {
    return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "authorization: wrong token");
  }
  return grpc::Status::OK;
}

grpc::ServerUnaryReactor* IngestServiceImpl::ExtractArticle(
    grpc::CallbackServerContext* context, const v1::ExtractArticleRequest* request,
    v1::ExtractArticleResponse* response) {
  return FinishUnary(context, ingestor_->ExtractArticle(request->article()), response);
}

grpc::ServerUnaryReactor* IngestServiceImpl::IngestArticle(
    grpc::CallbackServerContext* context, const v1::IngestArticleRequest* request,
    v1::IngestArticleResponse* response) {
  if (grpc::Status status = Authorize(*context); !status.ok())
    return FinishWith(context, status);
  return FinishUnary(context, ingestor_->IngestArticle(request->article()), response);
}

grpc::ServerReadReactor<v1::IngestArticlesRequest>* IngestServiceImpl::IngestArticles(
    grpc::CallbackServerContext* context, v1::IngestArticlesResponse* response) {
  return new ArticleStream(ingestor_, response, Authorize(*context));
}

grpc::ServerUnaryReactor* IngestServiceImpl::UpsertSummit(
    grpc::CallbackServerContext* context, const v1::UpsertSummitRequest* request,
    v1::UpsertSummitResponse* response) {
  if (grpc::Status status = Authorize(*context); !status.ok())
    return FinishWith(context, status);
  return FinishUnary(context, ingestor_->UpsertSummit(request->summit()), response);
}

grpc::ServerUnaryReactor* IngestServiceImpl::DeleteSummit(
    grpc::CallbackServerContext* context, const v1::DeleteSummitRequest* request,
    v1::DeleteSummitResponse* response) {
  if (grpc::Status status = Authorize(*context); !status.ok())
    return FinishWith(context, status);
  absl::Status deleted = ingestor_->DeleteSummit(request->name());
  return FinishWith(context, ToGrpcStatus(deleted));
}

grpc::ServerReadReactor<v1::IngestTradeFlowsRequest>* IngestServiceImpl::IngestTradeFlows(
    grpc::CallbackServerContext* context, v1::IngestTradeFlowsResponse* response) {
  return new TradeStream(ingestor_, response, Authorize(*context));
}

}  // namespace summit
