#pragma once

// The DMN model as read from XML: plain data, no FEEL compiled yet. One `Definitions` per DMN
// file. Every FEEL text is kept verbatim; the compiler (compiled_model.h) turns it into code.
//
// Ownership: a Definitions owns everything below it (boxed expressions by unique_ptr). Objects
// are immutable after loading and safe to read from several threads.

#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace proaktiv::dmn {

enum class DmnVersion { k11, k12, k13, k14, k15 };

// "1.1" … "1.5".
const char* DmnVersionName(DmnVersion version);

// A named, typed variable (DMN InformationItem): a decision's variable, a parameter, a context
// entry's variable. `type_ref` is empty when absent; 1.1 `feel:` prefixes are already removed.
struct InformationItem {
  std::string id;
  std::string name;
  std::string type_ref;
};

// An ItemDefinition or one of its itemComponents.
struct ItemDefinition {
  std::string id;
  std::string name;
  std::string label;
  std::string type_ref;       // base type, empty for a structure or function item
  std::string type_language;  // empty means FEEL
  bool is_collection = false;
  std::string allowed_values;   // unary tests text, empty when none
  std::string type_constraint;  // DMN 1.5 typeConstraint, unary tests text
  std::vector<ItemDefinition> components;
  // functionItem: parameter names and types, and the output type.
  bool is_function = false;
  std::vector<InformationItem> function_parameters;
  std::string function_output_type_ref;
};

struct Expression;
using ExpressionPtr = std::unique_ptr<Expression>;

struct LiteralExpression {
  std::string text;
  std::string expression_language;  // empty means FEEL
};

struct ContextEntry {
  std::optional<InformationItem> variable;  // absent for the final (result) entry
  ExpressionPtr value;                      // may be null (entry without expression)
};
struct Context {
  std::vector<ContextEntry> entries;
};

struct List {
  std::vector<ExpressionPtr> items;
};

struct Relation {
  std::vector<InformationItem> columns;
  std::vector<std::vector<ExpressionPtr>> rows;  // one cell per column
};

struct Binding {
  InformationItem parameter;
  ExpressionPtr value;  // null binds null
};
struct Invocation {
  ExpressionPtr callee;  // normally a literal expression naming the function
  std::vector<Binding> bindings;
};

enum class FunctionKind { kFeel, kJava, kPmml };
struct FunctionDefinition {
  FunctionKind kind = FunctionKind::kFeel;
  std::vector<InformationItem> parameters;
  ExpressionPtr body;
};

enum class HitPolicy { kUnique, kAny, kPriority, kFirst, kRuleOrder, kOutputOrder, kCollect };
enum class Aggregation { kNone, kSum, kMin, kMax, kCount };

// The DMN attribute spellings: "UNIQUE" … "COLLECT"; "SUM" … "COUNT", "" for kNone.
const char* HitPolicyName(HitPolicy policy);
const char* AggregationName(Aggregation aggregation);

struct DecisionTableInput {
  std::string id;
  std::string label;
  std::string expression;    // inputExpression text
  std::string type_ref;      // inputExpression typeRef
  std::string input_values;  // unary tests text, empty when none
};
struct DecisionTableOutput {
  std::string id;
  std::string name;
  std::string label;
  std::string type_ref;
  std::string output_values;         // unary tests text (a list of literals), empty when none
  std::string default_output_entry;  // FEEL text, empty when none
};
struct DecisionRule {
  std::string id;
  std::vector<std::string> input_entries;   // unary tests, one per input
  std::vector<std::string> output_entries;  // expressions, one per output
  std::string description;                  // <description> text, trimmed; empty when none
  // DMN 1.3+ <annotationEntry> texts, trimmed, one per annotation column (may be fewer).
  std::vector<std::string> annotation_entries;
};
struct DecisionTable {
  HitPolicy hit_policy = HitPolicy::kUnique;
  Aggregation aggregation = Aggregation::kNone;
  std::string output_label;
  std::vector<DecisionTableInput> inputs;
  std::vector<DecisionTableOutput> outputs;
  std::vector<std::string> annotation_names;  // DMN 1.3+ <annotation name>, one per column
  std::vector<DecisionRule> rules;
};

struct Conditional {
  ExpressionPtr if_expr, then_expr, else_expr;
};
struct Filter {
  ExpressionPtr in, match;
};
enum class IteratorKind { kFor, kSome, kEvery };
struct Iterator {
  IteratorKind kind = IteratorKind::kFor;
  std::string variable;  // iteratorVariable
  ExpressionPtr in;
  ExpressionPtr body;  // return (for) or satisfies (some / every)
};

// Any boxed expression. `type_ref` is the expression's own typeRef attribute.
struct Expression {
  std::string id;
  std::string type_ref;
  std::variant<LiteralExpression, Context, List, Relation, Invocation, FunctionDefinition,
               DecisionTable, Conditional, Filter, Iterator>
      kind;
};

// A reference to another DRG element: `href="#id"` or `href="namespace#id"`.
struct Href {
  std::string ns;  // empty for the same model
  std::string id;
};

struct InputData {
  std::string id;
  std::string name;
  std::string label;
  InformationItem variable;
};

struct Decision {
  std::string id;
  std::string name;
  std::string label;
  std::string description;  // <description> text, trimmed; empty when none
  InformationItem variable;
  std::vector<Href> required_decisions;
  std::vector<Href> required_inputs;
  std::vector<Href> required_knowledge;
  ExpressionPtr expression;  // null when the decision has no logic
};

struct BusinessKnowledgeModel {
  std::string id;
  std::string name;
  std::string label;
  InformationItem variable;
  std::vector<Href> required_knowledge;
  std::optional<FunctionDefinition> logic;  // encapsulatedLogic
};

struct DecisionService {
  std::string id;
  std::string name;
  std::string label;
  InformationItem variable;
  std::vector<Href> output_decisions;
  std::vector<Href> encapsulated_decisions;
  std::vector<Href> input_decisions;
  std::vector<Href> input_data;
};

struct Import {
  std::string ns;
  std::string name;
  std::string import_type;
  std::string location_uri;
};

struct Definitions {
  DmnVersion version = DmnVersion::k15;
  std::string id;
  std::string name;
  std::string ns;      // the model's namespace attribute
  std::string source;  // file path or "<memory>"
  std::vector<Import> imports;
  std::vector<ItemDefinition> item_definitions;
  std::vector<InputData> input_data;
  std::vector<Decision> decisions;
  std::vector<BusinessKnowledgeModel> bkms;
  std::vector<DecisionService> decision_services;
};

}  // namespace proaktiv::dmn
