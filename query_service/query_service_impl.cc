#include "query_service/query_service_impl.h"

#include <functional>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/status_util.h"
#include "grpcpp/support/proto_buffer_reader.h"

namespace summit {

namespace {

// Answers a raw Get method: decodes the `Request` in `request_bytes`, then
// `read`s the stored encoding of the record its name names.
template <typename Request>
absl::StatusOr<grpc::ByteBuffer> EncodedRecord(
    const grpc::ByteBuffer& request_bytes,
    const std::function<absl::StatusOr<std::string>(const std::string&)>& read) {
  grpc::ByteBuffer copy = request_bytes;  // Shares the slices.
  Request request;
  if (!grpc::GenericDeserialize<grpc::ProtoBufferReader, Request>(&copy, &request).ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("request: not a ", Request::descriptor()->full_name()));
  }
  absl::StatusOr<std::string> record = read(request.name());
  if (!record.ok()) return record.status();
  grpc::Slice slice(*record);
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace

grpc::ServerUnaryReactor* QueryServiceImpl::GetSummit(grpc::CallbackServerContext* context,
                                                      const grpc::ByteBuffer* request,
                                                      grpc::ByteBuffer* response) {
  return FinishUnary(context,
                     EncodedRecord<v1::GetSummitRequest>(
                         *request,
                         [this](const std::string& name) {
                           return querier_->GetSummitEncoded(name);
                         }),
                     response);
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetParticipant(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return FinishUnary(context,
                     EncodedRecord<v1::GetParticipantRequest>(
                         *request,
                         [this](const std::string& name) {
                           return querier_->GetParticipantEncoded(name);
                         }),
                     response);
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
