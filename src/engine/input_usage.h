#pragma once

// Static analysis of one decision's requirement closure — the decision and every decision it
// requires, transitively through informationRequirements — for the eligibility scan
// (engine/eligibility_scan.h): which input data the closure needs, and how its FEEL texts use
// each of them. The scan evaluates the DMN once per distinct *relevant* part of the inputs and
// reuses the result for every person with the same part; this analysis says what is relevant.
//
// Uses are found on the FEEL tokens (feel/lexer.h) of every text of the closure's boxed
// expressions: literal expressions, context entries, lists, relations, invocations, function
// bodies, conditionals, filters, iterators, and every part of a decision table (input
// expressions, input and output values, input entries, output entries, default outputs).
// An input data `N` is
//   kUnused    when no text names it;
//   kCount     when every occurrence is `count(N)` and N's typeRef is empty or Any: only
//              "a list of n items" (or the value's kind, when it is not a list) matters;
//   kNullTest  when every occurrence is the whole input expression of a decision table column
//              whose entries are all `-`, `null` or `not(null)`, without input values, and N
//              and the column have the same built-in type (or none): only the value's kind
//              matters (the scan keys only values of the declared kind, or null);
//   kProperties when every occurrence is `N.p` with a one-word property p, and N has a
//              built-in type (or none): only the kind and those properties matter
//              (`Child birth date.year`, `.month`);
//   kValue     otherwise: the whole value matters.
// The analysis errs on the safe side: a longer name that contains N, a local variable named N,
// a text that does not tokenize, all count as kValue (or disable the memo).
//
// `deterministic` is false when a text calls now() or today(): the result may then depend on
// the clock, and must not be reused.

#include <map>
#include <optional>
#include <set>
#include <string>

#include "dmn/model.h"

namespace proaktiv::engine {

enum class InputUse { kUnused, kCount, kNullTest, kProperties, kValue };

struct ClosureAnalysis {
  std::set<std::string> input_ids;                          // the input data the closure requires
  std::map<std::string, InputUse> use;                      // by input data id
  std::map<std::string, std::set<std::string>> properties;  // kProperties: which, by id
  // kCount inputs whose every use is a whole decision table column `count(N)` tested only with
  // `-` and non-negative integer literals: those literals, by id. The count then matters only
  // as one of the literals or none of them (a finite set of classes).
  std::map<std::string, std::set<int64_t>> count_literals;
  bool deterministic = true;  // no now() or today()
  bool tokenized = true;      // every text tokenized (else: do not memoise)
};

// nullopt when a requirement points into an imported model or at an id `defs` does not have.
std::optional<ClosureAnalysis> AnalyzeClosure(const dmn::Definitions& defs,
                                              const dmn::Decision& root);

}  // namespace proaktiv::engine
