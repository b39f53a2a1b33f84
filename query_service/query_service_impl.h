// summit.v1.QueryService over the Querier, with the callback API.
#ifndef SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
#define SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_

#include "query_service/querier.h"
#include "summit/v1/query_service.grpc.pb.h"

namespace summit::query {

// Every method of QueryService registered raw (see common/raw_rpc.h).
using RawQueryService = v1::QueryService::WithRawCallbackMethod_GetSummit<
    v1::QueryService::WithRawCallbackMethod_ListSummits<
        v1::QueryService::WithRawCallbackMethod_GetParticipant<
            v1::QueryService::WithRawCallbackMethod_ListParticipants<
                v1::QueryService::WithRawCallbackMethod_GetSector<
                    v1::QueryService::WithRawCallbackMethod_ListSectors<
                        v1::QueryService::WithRawCallbackMethod_GetTradeStatistics<
                            v1::QueryService::WithRawCallbackMethod_ListTradeFlows<
                                v1::QueryService::WithRawCallbackMethod_GetBilateralOverview<
                                    v1::QueryService::Service>>>>>>>>>;

// Each RPC parses its request (INVALID_ARGUMENT when it does not parse),
// then validates and answers through the Querier, on the callback API's
// default reactor. GetSummit and GetParticipant answer with the record's
// stored encoding, already a serialized response.
class QueryServiceImpl final : public RawQueryService {
 public:
  // `querier` must outlive the service.
  explicit QueryServiceImpl(const Querier* querier) : querier_(querier) {}

  grpc::ServerUnaryReactor* GetSummit(grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer* request,
                                      grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListSummits(grpc::CallbackServerContext* context,
                                        const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetParticipant(grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListParticipants(grpc::CallbackServerContext* context,
                                             const grpc::ByteBuffer* request,
                                             grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetSector(grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer* request,
                                      grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListSectors(grpc::CallbackServerContext* context,
                                        const grpc::ByteBuffer* request,
                                        grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetTradeStatistics(grpc::CallbackServerContext* context,
                                               const grpc::ByteBuffer* request,
                                               grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* ListTradeFlows(grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetBilateralOverview(grpc::CallbackServerContext* context,
                                                 const grpc::ByteBuffer* request,
                                                 grpc::ByteBuffer* response) override;

 private:
  const Querier* const querier_;
};

}  // namespace summit::query

#endif  // SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
