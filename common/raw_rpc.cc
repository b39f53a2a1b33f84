#include "common/raw_rpc.h"

#include <map>
#include <optional>

#include "absl/strings/str_cat.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/stubs/common.h"
#include "google/protobuf/unknown_field_set.h"
#include "grpcpp/impl/codegen/proto_utils.h"
#include "grpcpp/support/proto_buffer_reader.h"
#include "grpcpp/support/proto_buffer_writer.h"

namespace summit::common {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::UnknownField;
using google::protobuf::UnknownFieldSet;

// The parser's own nesting limit: no message it accepts is deeper.
constexpr int kMaxDepth = 100;

// The path of the first string field of `type` in `wire` whose value is not
// UTF-8, looking into nested messages ("flows[2].reporter_code"); nullopt
// when there is none, or when `wire` is not even a well-formed sequence of
// fields. Checks as the parser does, which refuses such values in proto3.
std::optional<std::string> NonUtf8Field(const Descriptor& type, const std::string& wire,
                                        int depth) {
  UnknownFieldSet fields;
  if (depth > kMaxDepth || !fields.ParseFromString(wire)) return std::nullopt;
  std::map<int, int> seen;  // Occurrences so far, by field number.
  for (int i = 0; i < fields.field_count(); ++i) {
    const UnknownField& value = fields.field(i);
    const FieldDescriptor* field = type.FindFieldByNumber(value.number());
    if (field == nullptr || value.type() != UnknownField::TYPE_LENGTH_DELIMITED) continue;
    std::string path = field->name();
    if (field->is_repeated()) absl::StrAppend(&path, "[", seen[value.number()]++, "]");
    if (field->type() == FieldDescriptor::TYPE_STRING &&
        !google::protobuf::internal::IsStructurallyValidUTF8(value.length_delimited())) {
      return path;
    }
    if (field->type() == FieldDescriptor::TYPE_MESSAGE) {
      if (std::optional<std::string> inner =
              NonUtf8Field(*field->message_type(), value.length_delimited(), depth + 1)) {
        return absl::StrCat(path, ".", *inner);
      }
    }
  }
  return std::nullopt;
}

}  // namespace

absl::Status ParseMessage(const grpc::ByteBuffer& bytes, absl::string_view what,
                          google::protobuf::Message& message) {
  grpc::ByteBuffer copy = bytes;  // Shares the slices.
  grpc::ProtoBufferReader reader(&copy);
  if (reader.status().ok() && message.ParseFromZeroCopyStream(&reader)) {
    return absl::OkStatus();
  }
  const Descriptor& type = *message.GetDescriptor();
  std::string problem = absl::StrCat(what, ": cannot be parsed as a ", type.full_name());
  grpc::Slice flat;
  if (bytes.DumpToSingleSlice(&flat).ok()) {
    const std::string wire(reinterpret_cast<const char*>(flat.begin()), flat.size());
    if (std::optional<std::string> field = NonUtf8Field(type, wire, 0)) {
      absl::StrAppend(&problem, " (", *field, " is not valid UTF-8)");
    }
  }
  return absl::InvalidArgumentError(problem);
}

absl::StatusOr<grpc::ByteBuffer> ToByteBuffer(const google::protobuf::Message& message) {
  grpc::ByteBuffer buffer;
  bool own_buffer = false;
  if (grpc::Status status =
          grpc::GenericSerialize<grpc::ProtoBufferWriter, google::protobuf::Message>(
              message, &buffer, &own_buffer);
      !status.ok()) {
    return absl::InternalError(
        absl::StrCat("the response cannot be serialized: ", status.error_message()));
  }
  return buffer;
}

absl::StatusOr<grpc::ByteBuffer> ToByteBuffer(const std::string& wire_format) {
  grpc::Slice slice(wire_format);
  return grpc::ByteBuffer(&slice, 1);
}

}  // namespace summit::common
