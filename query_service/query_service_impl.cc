#include "query_service/query_service_impl.h"

#include "common/raw_rpc.h"

namespace summit::query {

using common::AnswerUnary;

grpc::ServerUnaryReactor* QueryServiceImpl::GetSummit(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::GetSummitRequest>(
      context, *request, response, [this](const v1::GetSummitRequest& parsed) {
        return querier_->GetSummitEncoded(parsed);
      });
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListSummits(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::ListSummitsRequest>(
      context, *request, response, [this](const v1::ListSummitsRequest& parsed) {
        return querier_->ListSummitsEncoded(parsed);
      });
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetParticipant(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::GetParticipantRequest>(
      context, *request, response, [this](const v1::GetParticipantRequest& parsed) {
        return querier_->GetParticipantEncoded(parsed.name());
      });
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListParticipants(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::ListParticipantsRequest>(
      context, *request, response, [this](const v1::ListParticipantsRequest& parsed) {
        return querier_->ListParticipants(parsed);
      });
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetSector(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::GetSectorRequest>(context, *request, response,
                                           [this](const v1::GetSectorRequest& parsed) {
                                             return querier_->GetSector(parsed.name());
                                           });
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListSectors(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::ListSectorsRequest>(
      context, *request, response, [this](const v1::ListSectorsRequest& parsed) {
        return querier_->ListSectors(parsed);
      });
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetTradeStatistics(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::GetTradeStatisticsRequest>(
      context, *request, response, [this](const v1::GetTradeStatisticsRequest& parsed) {
        return querier_->GetTradeStatistics(parsed);
      });
}

grpc::ServerUnaryReactor* QueryServiceImpl::ListTradeFlows(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::ListTradeFlowsRequest>(
      context, *request, response, [this](const v1::ListTradeFlowsRequest& parsed) {
        return querier_->ListTradeFlows(parsed);
      });
}

grpc::ServerUnaryReactor* QueryServiceImpl::GetBilateralOverview(
    grpc::CallbackServerContext* context, const grpc::ByteBuffer* request,
    grpc::ByteBuffer* response) {
  return AnswerUnary<v1::GetBilateralOverviewRequest>(
      context, *request, response, [this](const v1::GetBilateralOverviewRequest& parsed) {
        return querier_->GetBilateralOverview(parsed);
      });
}

}  // namespace summit::query
