#pragma once

// The JSON mapping of FEEL values used by `proaktiv dmn eval` (and any JSON API on DMN):
//
//   FEEL                       JSON
//   null                       null
//   boolean                    true / false
//   number                     a JSON number when it is an integer within int64 or a decimal
//                              that a double represents exactly in its shortest form;
//                              otherwise a string holding the exact decimal ("0.1234…")
//   string                     string
//   date, time, date and time  ISO 8601 string: "2024-05-01", "10:30:00+01:00",
//                              "2024-05-01T10:30:00@Europe/Oslo"
//   durations                  ISO 8601 string: "P1Y2M", "P1DT2H"
//   list                       array
//   context                    object (entry order kept)
//   range                      string in FEEL syntax: "[1..10)"
//   function                   string: FEEL's string() of the function
//
// Input goes the other way, guided by the declared DMN type when there is one: a JSON string
// becomes a date, time, date and time, duration or number when the type says so, otherwise a
// string; JSON numbers become FEEL numbers (doubles through their shortest decimal form).
// Stateless and thread-safe.

#include <string>

#include <boost/json.hpp>

#include "dmn/item_definition.h"
#include "feel/value.h"

namespace proaktiv::dmn {

boost::json::value FeelToJson(const feel::Value& value);

// The same mapping as compact JSON text, with numbers written in their exact decimal form
// ("0.5", not "5E-1") when they fit a double.
std::string FeelToJsonText(const feel::Value& value);

// `type` may be null (Any).
feel::Value JsonToFeel(const boost::json::value& json, const DmnType* type);

}  // namespace proaktiv::dmn
