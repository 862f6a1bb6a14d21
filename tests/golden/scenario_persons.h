#pragma once

// The persons of a golden scenario and the feed lines that tell the register about them
// (see scenario.h for the script). Keeps every person's document as the register holds it, so
// that corrections and annulments can name the fact they change. Tests only.

#include <map>
#include <string>
#include <vector>

#include "common/civil_date.h"
#include "common/result.h"
#include "registry/entities.h"
#include "registry/person.h"

namespace proaktiv::golden {

class ScenarioPersons {
 public:
  // `person`, `child` and `married` lines, before the start.
  Status Baseline(const std::vector<std::string>& words);
  // The personErOpprettet lines of the baseline persons, dated `start`.
  std::vector<std::string> BaselineLines(CivilDate start);
  // A dated event command (words after the date): its feed lines.
  Result<std::vector<std::string>> Event(CivilDate day, const std::vector<std::string>& words);

  Result<std::string> IdOf(const std::string& label) const;
  std::vector<std::string> Labels() const { return order_; }

 private:
  struct Options {
    std::string kommune = "4601";
    std::string name;
    std::string sex = "kvinne";
    std::string protection;
    std::vector<std::string> parents;
    std::optional<CivilDate> born;
  };
  Result<Options> ParseOptions(const std::vector<std::string>& w, size_t from) const;
  Result<registry::Person*> Create(const std::string& label, CivilDate born, CivilDate moved_in,
                                   const Options& options);
  // Adds the relations and responsibilities between `child` and its parents. The parents'
  // relations to the child are added to their documents, or, when `as_events`, returned as
  // changes (parent label, change) for the caller to send after the child's own entry.
  Result<std::vector<std::pair<std::string, registry::EntityChange>>> Link(
      const std::string& child, const std::vector<std::string>& parents, bool as_events);
  Result<registry::Person*> Find(const std::string& label);
  std::string NextFactId(const std::string& label, const std::string& entity);
  std::string Line(const std::string& label, const std::string& type, CivilDate day,
                   std::vector<registry::EntityChange> changes, bool with_document);

  std::map<std::string, registry::Person> persons_;
  std::vector<std::string> order_;
  std::map<std::string, int> fact_counter_;
  int64_t sequence_ = 0;
  int individual_ = 0;
};

}  // namespace proaktiv::golden
