#include "ingest_service/ingest_service_impl.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "common/status_util.h"
#include "openssl/crypto.h"

namespace summit {
namespace {

// Finishes a unary call with `status`, or OK after copying `result` into
// `response`.
template <typename Response>
grpc::ServerUnaryReactor* Reply(grpc::CallbackServerContext* context,
                                absl::StatusOr<Response> result, Response* response) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  if (!result.ok()) {
    reactor->Finish(ToGrpcStatus(result.status()));
  } else {
    *response = *std::move(result);
    reactor->Finish(grpc::Status::OK);
  }
  return reactor;
}

grpc::ServerUnaryReactor* FinishWith(grpc::CallbackServerContext* context,
                                     grpc::Status status) {
  grpc::ServerUnaryReactor* reactor = context->DefaultReactor();
  reactor->Finish(std::move(status));
  return reactor;
}

// Reads the IngestArticles stream, ingesting each report as it arrives.
class ArticleStream final : public grpc::ServerReadReactor<v1::IngestArticlesRequest> {
 public:
  ArticleStream(Ingestor* ingestor, v1::IngestArticlesResponse* response,
                grpc::Status refusal)
      : ingestor_(ingestor), response_(response) {
    if (!refusal.ok()) {
      Finish(std::move(refusal));
      return;
    }
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {  // The client closed the stream.
      Finish(grpc::Status::OK);
      return;
    }
    v1::IngestArticleResult* result = response_->add_results();
    result->set_index(index_++);
    result->set_source_id(request_.article().source_id());
    absl::StatusOr<v1::IngestArticleResponse> ingested =
        ingestor_->IngestArticle(request_.article());
    if (!ingested.ok()) {
      result->set_error(std::string(ingested.status().message()));
      response_->set_failed_count(response_->failed_count() + 1);
    } else {
      result->set_outcome(ingested->outcome());
      if (ingested->has_summit()) result->set_summit(ingested->summit().name());
      result->set_not_summit_reason(ingested->not_summit_reason());
      Count(ingested->outcome());
    }
    StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
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
  v1::IngestArticlesRequest request_;
  int index_ = 0;
};

// Reads the IngestTradeFlows stream; each batch is written as it arrives.
class TradeStream final : public grpc::ServerReadReactor<v1::IngestTradeFlowsRequest> {
 public:
  TradeStream(Ingestor* ingestor, v1::IngestTradeFlowsResponse* response,
              grpc::Status refusal)
      : ingestor_(ingestor), response_(response) {
    if (!refusal.ok()) {
      Finish(std::move(refusal));
      return;
    }
    StartRead(&request_);
  }

  void OnReadDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status::OK);
      return;
    }
    const int batch = response_->batch_count();
    response_->set_batch_count(batch + 1);
    if (absl::Status status =
            ingestor_->IngestTradeBatch(request_, batch, rows_seen_, *response_);
        !status.ok()) {
      // Batches before this one are written; this one is not.
      Finish(ToGrpcStatus(absl::Status(
          status.code(), absl::StrCat("batch ", batch, ": ", status.message()))));
      return;
    }
    rows_seen_ += request_.flows_size();
    StartRead(&request_);
  }

  void OnDone() override { delete this; }

 private:
  Ingestor* const ingestor_;
  v1::IngestTradeFlowsResponse* const response_;
  v1::IngestTradeFlowsRequest request_;
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
  return Reply(context, ingestor_->ExtractArticle(request->article()), response);
}

grpc::ServerUnaryReactor* IngestServiceImpl::IngestArticle(
    grpc::CallbackServerContext* context, const v1::IngestArticleRequest* request,
    v1::IngestArticleResponse* response) {
  if (grpc::Status status = Authorize(*context); !status.ok())
    return FinishWith(context, status);
  return Reply(context, ingestor_->IngestArticle(request->article()), response);
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
  return Reply(context, ingestor_->UpsertSummit(request->summit()), response);
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
