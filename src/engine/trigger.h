#pragma once

// Triggers: when a service is considered for a person. A service lists any number of them
// under `triggers:`; each is either an event trigger or a date trigger.
//
// Event trigger — a register event (a `hendelsetype` of data/freg_hendelsestyper.csv) happened
// to a person; decide for `subjects` of that person, `delay_days` after the event date:
//
//   - event:
//       types: [personErDoed]
//       subjects: next-of-kin   # self (default) | parents | children | spouse | next-of-kin
//       delay_days: 14          # optional; integer or {parameter: name}; default 0
//       catch_up: false         # optional; true: only when a date trigger of the service was
//                               # already due for the current occurrence (a late arrival, e.g.
//                               # a child moving in after the offers went out)
//
//   `next-of-kin` is the spouse or partner, the children and the parents of the person.
//
// Date trigger — a date computed from the subject's birth date:
//
//   - date:
//       age: 1                  # integer or {parameter: name}: the age in whole years
//       age_by: "11-30"         # optional month-day: the age must be reached on or before this
//                               # day of the calendar year; if later, the next year counts
//       on: {parameter: intake_deadline}  # optional month-day ("MM-DD" or {parameter: …}) in
//                               # that calendar year; absent → the birthday itself
//       offset_days: -42        # optional, default 0 (negative: before)
//
//   "turns 75":                                   {age: {parameter: senior_visit_age}}
//   "calendar year it turns 5, on 1 September":   {age: 5, on: "09-01"}
//   "6 weeks before the intake deadline of the year it turns 1 by the end of November":
//                                                 {age: 1, age_by: "11-30",
//                                                  on: {parameter: intake_deadline},
//                                                  offset_days: -42}
//
// DueDate() is pure: a date index can compute a person's entries from the birth date and the
// municipality's parameters, and recompute them when either changes. Plain data; thread-safe
// for concurrent reads.

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "common/civil_date.h"
#include "common/result.h"
#include "engine/parameters.h"

namespace proaktiv::engine {

// An integer (or month-day) that is either written literally or names a parameter.
struct IntOrParameter {
  ParameterValue literal;  // used when `parameter` is empty
  std::string parameter;

  // The value in force: the literal, or the parameter from `params`. An unknown parameter
  // resolves to the literal (the loader has already refused unknown names).
  const ParameterValue& Resolve(const KommuneParameters& params) const;
};

enum class Subjects { kSelf, kParents, kChildren, kSpouse, kNextOfKin };
std::string_view SubjectsName(Subjects s);

struct EventTrigger {
  std::vector<std::string> types;  // hendelsetype names
  Subjects subjects = Subjects::kSelf;
  IntOrParameter delay_days;
  bool catch_up = false;
  int line = 0;

  bool Matches(std::string_view event_type) const;
};

struct DateTrigger {
  IntOrParameter age;                    // integer years
  std::optional<IntOrParameter> age_by;  // month-day
  std::optional<IntOrParameter> on;      // month-day
  int offset_days = 0;
  int line = 0;

  // The due date for a person born on `birth` under `params`.
  CivilDate DueDate(CivilDate birth, const KommuneParameters& params) const;
};

struct Trigger {
  std::optional<EventTrigger> event;
  std::optional<DateTrigger> date;
};

// Parses the `triggers:` list. Unknown event types, unknown keys, parameters not in `specs` or
// of the wrong type are errors naming the file and line.
Result<std::vector<Trigger>> ParseTriggers(const std::string& file, const YAML::Node& node,
                                           const std::vector<ParameterSpec>& specs);

}  // namespace proaktiv::engine
