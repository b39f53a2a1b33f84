// summit.v1.IngestService over the Ingestor, with the callback API. Write
// RPCs check the bearer token when one is configured.
#ifndef SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_
#define SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_

#include <string>

#include "ingest_service/bearer_auth.h"
#include "ingest_service/ingest_metrics.h"
#include "ingest_service/ingestor.h"
#include "summit/v1/ingest_service.grpc.pb.h"

namespace summit::ingest {

// Every method of IngestService registered raw (see common/raw_rpc.h).
using RawIngestService = v1::IngestService::WithRawCallbackMethod_ExtractArticle<
    v1::IngestService::WithRawCallbackMethod_IngestArticle<
        v1::IngestService::WithRawCallbackMethod_IngestArticles<
            v1::IngestService::WithRawCallbackMethod_UpsertSummit<
                v1::IngestService::WithRawCallbackMethod_DeleteSummit<
                    v1::IngestService::WithRawCallbackMethod_IngestTradeFlows<
                        v1::IngestService::Service>>>>>>;

// Write RPCs check authorization first; every RPC then parses its requests
// (INVALID_ARGUMENT when one does not parse) and answers through the
// Ingestor.
class IngestServiceImpl final : public RawIngestService {
 public:
  // `ingestor` and `metrics` must outlive the service. An empty `token`
  // turns the authorization check off.
  IngestServiceImpl(Ingestor* ingestor, IngestMetrics* metrics, std::string token)
      : ingestor_(ingestor), metrics_(metrics), auth_(std::move(token)) {}

  grpc::ServerUnaryReactor* ExtractArticle(grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* IngestArticle(grpc::CallbackServerContext* context,
                                          const grpc::ByteBuffer* request,
                                          grpc::ByteBuffer* response) override;
  grpc::ServerReadReactor<grpc::ByteBuffer>* IngestArticles(
      grpc::CallbackServerContext* context, grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* UpsertSummit(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* DeleteSummit(grpc::CallbackServerContext* context,
                                         const grpc::ByteBuffer* request,
                                         grpc::ByteBuffer* response) override;
  grpc::ServerReadReactor<grpc::ByteBuffer>* IngestTradeFlows(
      grpc::CallbackServerContext* context, grpc::ByteBuffer* response) override;

 private:
  Ingestor* const ingestor_;
  IngestMetrics* const metrics_;
  const BearerAuth auth_;
};

}  // namespace summit::ingest

#endif  // SUMMIT_INGEST_SERVICE_INGEST_SERVICE_IMPL_H_
