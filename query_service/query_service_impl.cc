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

}  // namespace summit
