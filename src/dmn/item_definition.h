#pragma once

// Resolved DMN types: a typeRef (built-in FEEL type name, item definition name, or
// `import.name`) becomes a DmnType that knows its FEEL type, its collection element, its
// components and its allowed values, and can coerce a value to itself.
//
// Coercion (DMN 1.5 §7.3.4 and FEEL §10.3.2.9.4), applied to input data, decision results,
// BKM parameters and results, context entries and decision-table outputs with a typeRef:
//   - a value that conforms to the type (and to its allowed values) is returned unchanged;
//   - a singleton list is unwrapped when the type is not a list, and a non-list value that
//     conforms to the element type is wrapped when the type is a collection;
//   - a date becomes a date and time at 00:00:00Z when the type is date and time;
//   - anything else becomes null, with a message.
// A structure accepts a context whose present components conform (missing ones count as null;
// extra entries are kept). On a collection, allowedValues constrain each element and a DMN 1.5
// typeConstraint the collection itself; on other types both constrain the value.
//
// DmnTypes are immutable and shared; safe to use from several threads.

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/result.h"
#include "dmn/model.h"
#include "feel/feel.h"

namespace proaktiv::dmn {

class DmnType;
using DmnTypePtr = std::shared_ptr<const DmnType>;

class DmnType {
 public:
  std::string name;         // typeRef or item definition name, for messages
  feel::TypePtr feel_type;  // null means Any
  DmnTypePtr element;       // collections: the element type
  std::vector<std::pair<std::string, DmnTypePtr>> components;  // structures
  std::optional<feel::UnaryTests> allowed;                     // allowed values / type constraint

  // Returns the value coerced to this type, or null and a message appended to `messages`.
  feel::Value Coerce(const feel::Value& value, std::vector<std::string>* messages) const;
  // True when `value` conforms to the type and satisfies every allowed-values constraint.
  bool Accepts(const feel::Value& value) const;
};

// Resolves type references of one model. Item definitions are resolved on first use and
// cached; cycles are reported as errors. Imported models' item definitions are reached with
// their import name as a prefix (`myimport.tPerson`).
class TypeResolver {
 public:
  // `defs` must outlive the resolver. `imports` maps import names to the resolvers of the
  // imported models (not owned; must outlive this one).
  explicit TypeResolver(const Definitions* defs) : defs_(defs) {}
  void AddImport(std::string name, TypeResolver* resolver) { imports_[std::move(name)] = resolver; }

  // An empty typeRef resolves to null (Any). Unknown names are an error naming the typeRef.
  Result<DmnTypePtr> Resolve(const std::string& type_ref);
  // The DMN type of one item definition of this model.
  Result<DmnTypePtr> ResolveItemDefinition(const ItemDefinition& def);

 private:
  Result<DmnTypePtr> Build(const ItemDefinition& def, int depth);
  Result<DmnTypePtr> ResolveAt(const std::string& type_ref, int depth);

  const Definitions* defs_;
  std::map<std::string, TypeResolver*> imports_;
  std::map<std::string, DmnTypePtr> cache_;
};

}  // namespace proaktiv::dmn
