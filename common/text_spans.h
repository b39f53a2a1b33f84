// The one place that knows where a record's text spans are: every
// summit.v1.TextSpan field of a message and of the messages inside it, found
// by protobuf reflection. A new fact kind whose message carries a span is
// covered without touching this code or its callers (validation, removing a
// report's contribution, the extractor's tests and fuzzer).
#ifndef SUMMIT_COMMON_TEXT_SPANS_H_
#define SUMMIT_COMMON_TEXT_SPANS_H_

#include <string>

#include "absl/functional/function_ref.h"
#include "absl/strings/string_view.h"
#include "google/protobuf/message.h"
#include "summit/v1/resources.pb.h"

namespace summit::common {

// Calls `visit` with the field path ("participants[0].mentions[1]",
// "location.span") and the span, for every set TextSpan in `message`, in
// field-number order, depth first.
void ForEachTextSpan(
    const google::protobuf::Message& message,
    absl::FunctionRef<void(absl::string_view path, const v1::TextSpan&)> visit);

// Whether `message` holds a TextSpan anywhere (a fact with a source).
bool HasTextSpan(const google::protobuf::Message& message);

// Removes from `summit` what only report `source_id` contributed: every span
// of that report; then, in each list of facts, the facts left with no span
// (a participant with no mention left, an agreement of that report); a
// fact's single span that was that report's is replaced by its first
// remaining span (a sector mentioned by another report too), and a single
// fact (the location) that was only that report's is cleared. Its entry in
// `sources` goes too.
void RemoveSource(absl::string_view source_id, v1::Summit& summit);

}  // namespace summit::common

#endif  // SUMMIT_COMMON_TEXT_SPANS_H_
