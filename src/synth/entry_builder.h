#pragma once

// Builds one feed entry (a JSON line in the shape of registry/feed_entry.h): the event's
// header, an optional inline persondokument and a list of entity changes whose fact ids are
// "<sequence>-<n>" with n counting from kFirstFreeFact. Not thread-safe; one per entry.

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "synth/population.h"

namespace proaktiv::synth {

// "2024-03-05T09:27:11.002+01:00": a local time in Norway (CET, CEST between the last Sundays
// of March and October) given as a day and milliseconds since local midnight.
std::string OsloTimestamp(int32_t day, int32_t millis);

class EntryBuilder {
 public:
  EntryBuilder(int64_t sequence, std::string person_id, std::string_view event_type,
               std::string timestamp);

  void SetDocument(boost::json::object document) { document_ = std::move(document); }
  // registrereNy: returns the new fact's id.
  FactRef Register(std::string_view entity, boost::json::object body);
  // korrigere of `target`: the corrected fact takes a new id, which is returned.
  FactRef Correct(std::string_view entity, const FactRef& target, boost::json::object body);
  // annullere of `target`.
  void Annul(std::string_view entity, const FactRef& target);

  int64_t sequence() const { return sequence_; }
  std::string_view event_type() const { return event_type_; }
  // The JSON line, ending in '\n'. Moves the document and changes out: call once.
  std::string Line();

 private:
  boost::json::object& Add(std::string_view entity, std::string_view change);

  int64_t sequence_;
  std::string person_id_;
  std::string event_type_;
  std::string timestamp_;
  boost::json::object document_;
  boost::json::array changes_;
  uint16_t next_fact_ = 0;
};

}  // namespace proaktiv::synth
