#pragma once

// CloudEvents 1.0 carrying register feed entries, in structured mode (one event, a JSON
// object; Content-Type application/cloudevents+json) or batch mode (a JSON array of events;
// application/cloudevents-batch+json). Another or no Content-Type is accepted with either
// shape.
//
// Each event must have the required context attributes — specversion "1.0", and id, source and
// type as non-empty texts — and `data`, a JSON object holding one feed entry
// (registry/feed_entry.h). Optional attributes (datacontenttype, dataschema, subject, time) must
// be texts; datacontenttype, when given, must be JSON (application/json or …+json).
// data_base64 is refused (the entry must be JSON). Extension attributes are allowed when their
// names are lowercase letters and digits, as the spec requires. The whole batch is checked
// before anything is applied: a bad envelope is a 422 problem "invalid-event" naming the event
// (its position and id) and the attribute. Pure; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include "http/api/api_error.h"

namespace proaktiv::http::api {

struct CloudEvent {
  std::string id;
  std::string source;
  std::string type;
  std::string line;  // `data` as one JSON line (no newline)
};

ApiResult<std::vector<CloudEvent>> ParseCloudEvents(std::string_view body,
                                                    std::string_view content_type);

}  // namespace proaktiv::http::api
