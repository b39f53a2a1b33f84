// summit.v1.IngestService over the Ingestor, with the callback API. Write
// RPCs check the bearer token when one is configured.
#ifndef SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_
#define SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_

#include <string>

#include "ingest_service/ingestor.h"
#include "summit/v1/ingest_service.grpc.pb.h"

namespace summit {

class IngestServiceImpl final : public v1::IngestService::CallbackService {
 public:
  // `ingestor` must outlive the service. An empty `token` turns the
  // authorization check off.
  IngestServiceImpl(Ingestor* ingestor, std::string token)
      : ingestor_(ingestor), token_(std::move(token)) {}

  grpc::ServerUnaryReactor* ExtractArticle(grpc::CallbackServerContext* context,
                                           const v1::ExtractArticleRequest* request,
                                           v1::ExtractArticleResponse* response) override;
  grpc::ServerUnaryReactor* IngestArticle(grpc::CallbackServerContext* context,
                                          const v1::IngestArticleRequest* request,
                                          v1::IngestArticleResponse* response) override;
  grpc::ServerReadReactor<v1::IngestArticlesRequest>* IngestArticles(
      grpc::CallbackServerContext* context,
      v1::IngestArticlesResponse* response) override;
  grpc::ServerUnaryReactor* UpsertSummit(grpc::CallbackServerContext* context,
                                         const v1::UpsertSummitRequest* request,
                                         v1::UpsertSummitResponse* response) override;
  grpc::ServerUnaryReactor* DeleteSummit(grpc::CallbackServerContext* context,
                                         const v1::DeleteSummitRequest* request,
                                         v1::DeleteSummitResponse* response) override;
  grpc::ServerReadReactor<v1::IngestTradeFlowsRequest>* IngestTradeFlows(
      grpc::CallbackServerContext* context,
      v1::IngestTradeFlowsResponse* response) override;

 private:
  // OK, or UNAUTHENTICATED when a token is configured and the call does not
  // carry "authorization: Bearer <token>". Compares in constant time.
  grpc::Status Authorize(const grpc::CallbackServerContext& context) const;

  Ingestor* const ingestor_;
  const std::string token_;
};

}  // namespace summit

#endif  // SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_
