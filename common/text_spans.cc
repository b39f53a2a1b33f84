#include "common/text_spans.h"

#include <algorithm>
#include <optional>

#include "absl/strings/str_cat.h"

namespace summit::common {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

bool IsSpanField(const FieldDescriptor& field) {
  return field.type() == FieldDescriptor::TYPE_MESSAGE &&
         field.message_type() == v1::TextSpan::descriptor();
}

void Visit(const Message& message, const std::string& prefix,
           absl::FunctionRef<void(absl::string_view, const v1::TextSpan&)> visit) {
  const Reflection& reflection = *message.GetReflection();
  const google::protobuf::Descriptor& descriptor = *message.GetDescriptor();
  for (int f = 0; f < descriptor.field_count(); ++f) {
    const FieldDescriptor& field = *descriptor.field(f);
    if (field.type() != FieldDescriptor::TYPE_MESSAGE) continue;
    const std::string path =
        absl::StrCat(prefix, prefix.empty() ? "" : ".", field.name());
    auto one = [&](const Message& value, const std::string& at) {
      if (IsSpanField(field)) {
        visit(at, static_cast<const v1::TextSpan&>(value));
      } else {
        Visit(value, at, visit);
      }
    };
    if (field.is_repeated()) {
      for (int i = 0; i < reflection.FieldSize(message, &field); ++i) {
        one(reflection.GetRepeatedMessage(message, &field, i),
            absl::StrCat(path, "[", i, "]"));
      }
    } else if (reflection.HasField(message, &field)) {
      one(reflection.GetMessage(message, &field), path);
    }
  }
}

// Keeps, in order, the elements of the repeated message `field` of
// `message` for which `keep` (which may change them) holds.
void KeepIf(Message& message, const FieldDescriptor& field,
            absl::FunctionRef<bool(Message&)> keep) {
  const Reflection& reflection = *message.GetReflection();
  const int size = reflection.FieldSize(message, &field);
  int kept = 0;
  for (int i = 0; i < size; ++i) {
    if (!keep(*reflection.MutableRepeatedMessage(&message, &field, i))) continue;
    if (kept != i) reflection.SwapElements(&message, &field, kept, i);
    ++kept;
  }
  while (reflection.FieldSize(message, &field) > kept)
    reflection.RemoveLast(&message, &field);
}

bool FromSource(const Message& span, absl::string_view source_id) {
  return static_cast<const v1::TextSpan&>(span).source_id() == source_id;
}

// Removes `source_id`'s spans from one fact (a message of one of the
// summit's fields), and replaces a single span of it by the fact's first
// remaining span. Returns whether the fact has a span left.
bool RemoveSpans(absl::string_view source_id, Message& fact) {
  const Reflection& reflection = *fact.GetReflection();
  const google::protobuf::Descriptor& descriptor = *fact.GetDescriptor();
  std::optional<v1::TextSpan> first_left;
  std::vector<const FieldDescriptor*> single_spans;
  for (int f = 0; f < descriptor.field_count(); ++f) {
    const FieldDescriptor& field = *descriptor.field(f);
    if (!IsSpanField(field)) continue;
    if (!field.is_repeated()) {
      single_spans.push_back(&field);
      continue;
    }
    KeepIf(fact, field, [&](Message& span) { return !FromSource(span, source_id); });
    if (!first_left && reflection.FieldSize(fact, &field) > 0) {
      first_left = static_cast<const v1::TextSpan&>(
          reflection.GetRepeatedMessage(fact, &field, 0));
    }
  }
  bool has_span = first_left.has_value();
  for (const FieldDescriptor* field : single_spans) {
    if (!reflection.HasField(fact, field)) continue;
    if (!FromSource(reflection.GetMessage(fact, field), source_id)) {
      has_span = true;
    } else if (first_left) {
      reflection.MutableMessage(&fact, field)->CopyFrom(*first_left);
    } else {
      reflection.ClearField(&fact, field);
    }
  }
  return has_span;
}

}  // namespace

void ForEachTextSpan(
    const Message& message,
    absl::FunctionRef<void(absl::string_view path, const v1::TextSpan&)> visit) {
  Visit(message, "", visit);
}

bool HasTextSpan(const Message& message) {
  bool found = false;
  ForEachTextSpan(message, [&](absl::string_view, const v1::TextSpan&) { found = true; });
  return found;
}

void RemoveSource(absl::string_view source_id, v1::Summit& summit) {
  const Reflection& reflection = *summit.GetReflection();
  const google::protobuf::Descriptor& descriptor = *summit.GetDescriptor();
  for (int f = 0; f < descriptor.field_count(); ++f) {
    const FieldDescriptor& field = *descriptor.field(f);
    if (field.type() != FieldDescriptor::TYPE_MESSAGE || IsSpanField(field)) continue;
    if (field.is_repeated()) {
      // Facts with no span at all (sources, say) are not a report's to remove.
      KeepIf(summit, field, [&](Message& fact) {
        return !HasTextSpan(fact) || RemoveSpans(source_id, fact);
      });
    } else if (reflection.HasField(summit, &field)) {
      Message& fact = *reflection.MutableMessage(&summit, &field);
      if (HasTextSpan(fact) && !RemoveSpans(source_id, fact)) {
        reflection.ClearField(&summit, &field);
      }
    }
  }
  auto& sources = *summit.mutable_sources();
  sources.erase(
      std::remove_if(sources.begin(), sources.end(),
                     [&](const v1::Source& s) { return s.source_id() == source_id; }),
      sources.end());
}

}  // namespace summit::common
