#include "query_service/query_service_impl.h"

#include "common/status_util.h"
#include "grpcpp/support/proto_buffer_reader.h"

namespace summit {

namespace {

// The encoded summit of a serialized GetSummitRequest.
absl::StatusOr<grpc::ByteBuffer> EncodedSummit(const Querier& querier,
                                               const grpc::ByteBuffer& request_bytes) {
  grpc::ByteBuffer copy = request_bytes;  // Shares the slices.
  v1::GetSummitRequest request;
  if (!grpc::GenericDeserialize<grpc::ProtoBufferReader, v1::GetSummitRequest>(&copy,
                                                                             &request)
           .ok()) {
    return absl::InvalidArgumentError("request: not a summit.v1.GetSummitRequest");
  }
  absl::StatusOr<std::string> summit = querier.GetSummitEncoded(request.name());
  if (!summit.ok()) return summit.status();
  grpc::Slice slice(*summit);
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace

grpc::ServerUnaryReactor* QueryServiceImpl::GetSummit(grpc::CallbackServerContext* context,
                                                      const grpc::ByteBuffer* request,
                                                      grpc::ByteBuffer* response) {
  return FinishUnary(context, EncodedSummit(*querier_, *request), response);
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
