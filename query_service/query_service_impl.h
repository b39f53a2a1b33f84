// summit.v1.QueryService over the Querier, with the callback API.
#ifndef SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
#define SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_

#include "query_service/querier.h"
#include "summit/v1/query_service.grpc.pb.h"

namespace summit {

// Each RPC validates and answers through the Querier, on the callback API's
// default reactor. GetSummit and GetParticipant are raw methods: they answer
// with the record's stored encoding, already a serialized response.
class QueryServiceImpl final
    : public v1::QueryService::WithRawCallbackMethod_GetSummit<
          v1::QueryService::WithRawCallbackMethod_GetParticipant<
              v1::QueryService::CallbackService>> {
 public:
  // `querier` must outlive the service.
  explicit QueryServiceImpl(const Querier* querier) : querier_(querier) {}

  grpc::ServerUnaryReactor* GetSummit(grpc::CallbackServerContext* context,
                                      const grpc::ByteBuffer* request,
                                      grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetParticipant(grpc::CallbackServerContext* context,
                                           const grpc::ByteBuffer* request,
                                           grpc::ByteBuffer* response) override;
  grpc::ServerUnaryReactor* GetSector(grpc::CallbackServerContext* context,
                                      const v1::GetSectorRequest* request,
                                      v1::Sector* response) override;
  grpc::ServerUnaryReactor* ListSummits(grpc::CallbackServerContext* context,
                                        const v1::ListSummitsRequest* request,
                                        v1::ListSummitsResponse* response) override;
  grpc::ServerUnaryReactor* ListParticipants(
      grpc::CallbackServerContext* context, const v1::ListParticipantsRequest* request,
      v1::ListParticipantsResponse* response) override;
  grpc::ServerUnaryReactor* ListSectors(grpc::CallbackServerContext* context,
                                        const v1::ListSectorsRequest* request,
                                        v1::ListSectorsResponse* response) override;
  grpc::ServerUnaryReactor* GetTradeStatistics(
      grpc::CallbackServerContext* context, const v1::GetTradeStatisticsRequest* request,
      v1::GetTradeStatisticsResponse* response) override;
  grpc::ServerUnaryReactor* GetBilateralOverview(
      grpc::CallbackServerContext* context, const v1::GetBilateralOverviewRequest* request,
      v1::GetBilateralOverviewResponse* response) override;

 private:
  const Querier* const querier_;
};

}  // namespace summit

#endif  // SUMMIT_QUERY_SERVICE_QUERY_SERVICE_IMPL_H_
