#include "query_service/query_service_impl.h"

#include "common/status_util.h"

namespace summit {

grpc::ServerUnaryReactor* QueryServiceImpl::GetSummit(
    grpc::CallbackServerContext* context, const v1::GetSummitRequest* request,
    v1::Summit* response) {
  return FinishUnary(context, querier_->GetSummit(request->name()), response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetParticipant(
    grpc::CallbackServerContext* context, const v1::GetParticipantRequest* request,
    v1::Participant* response) {
  return FinishUnary(context, querier_->GetParticipant(request->name()), response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetSector(
    grpc::CallbackServerContext* context, const v1::GetSectorRequest* request,
    v1::Sector* response) {
  return FinishUnary(context, querier_->GetSector(request->name()), response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListSummits(
    grpc::CallbackServerContext* context, const v1::ListSummitsRequest* request,
    v1::ListSummitsResponse* response) {
  return FinishUnary(context, querier_->ListSummits(*request), response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListParticipants(
    grpc::CallbackServerContext* context, const v1::ListParticipantsRequest* request,
    v1::ListParticipantsResponse* response) {
  return FinishUnary(context, querier_->ListParticipants(*request), response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListSectors(
    grpc::CallbackServerContext* context, const v1::ListSectorsRequest* request,
    v1::ListSectorsResponse* response) {
  return FinishUnary(context, querier_->ListSectors(*request), response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetTradeStatistics(
    grpc::CallbackServerContext* context, const v1::GetTradeStatisticsRequest* request,
    v1::GetTradeStatisticsResponse* response) {
  return FinishUnary(context, querier_->GetTradeStatistics(*request), response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetBilateralOverview(
    grpc::CallbackServerContext* context, const v1::GetBilateralOverviewRequest* request,
    v1::GetBilateralOverviewResponse* response) {
  return FinishUnary(context, querier_->GetBilateralOverview(*request), response);
}

}  // namespace summit
