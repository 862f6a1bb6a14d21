#include "dmn/xml_loader.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "dmn/xml_decision_table.h"
#include "dmn/xml_util.h"

namespace proaktiv::dmn {
namespace {

constexpr int kMaxElementDepth = 256;

// Turns the DOM of one document into a Definitions. Each Read* returns an error that names
// the element (kind, name, id) it was reading.
class Reader {
 public:
  explicit Reader(XmlNs ns) : ns_(std::move(ns)) {}

  Result<Definitions> ReadDefinitions(pugi::xml_node root);

 private:
  InformationItem ReadInformationItem(pugi::xml_node node) const;

  Result<ItemDefinition> ReadItemDefinition(pugi::xml_node node) const;
  Result<ExpressionPtr> ReadExpression(pugi::xml_node node) const;
  // The single boxed-expression child of `node`, or null when there is none.
  Result<ExpressionPtr> ReadChildExpression(pugi::xml_node node) const;
  Result<FunctionDefinition> ReadFunctionDefinition(pugi::xml_node node) const;
  std::vector<Href> ReadHrefs(pugi::xml_node node, const char* requirement,
                              const char* reference) const;

  XmlNs ns_;
};

const char* kExpressionNames[] = {
    "literalExpression", "context",     "list",   "relation", "invocation", "functionDefinition",
    "decisionTable",     "conditional", "filter", "for",      "some",       "every"};

bool IsExpressionName(std::string_view local) {
  for (const char* name : kExpressionNames) {
    if (local == name) return true;
  }
  return false;
}

Href ParseHref(std::string_view href) {
  Href out;
  size_t hash = href.find('#');
  if (hash == std::string_view::npos) {
    out.id = std::string(href);
  } else {
    out.ns = std::string(href.substr(0, hash));
    out.id = std::string(href.substr(hash + 1));
  }
  return out;
}

InformationItem Reader::ReadInformationItem(pugi::xml_node node) const {
  InformationItem item;
  item.id = node.attribute("id").value();
  item.name = node.attribute("name").value();
  item.type_ref = TypeRefAttribute(node);
  return item;
}

Result<ItemDefinition> Reader::ReadItemDefinition(pugi::xml_node node) const {
  ItemDefinition def;
  def.id = node.attribute("id").value();
  def.name = node.attribute("name").value();
  def.label = node.attribute("label").value();
  def.type_language = node.attribute("typeLanguage").value();
  def.is_collection = std::string_view(node.attribute("isCollection").value()) == "true";
  if (def.name.empty())
    return InvalidArgument(fmt::format("{}: missing name", DescribeElement(node)));
  if (pugi::xml_node type_ref = ns_.Child(node, "typeRef")) {
    def.type_ref = NormalizeTypeRef(type_ref, type_ref.text().get());
  }
  def.allowed_values = Trim(ns_.ChildText(node, "allowedValues"));
  def.type_constraint = Trim(ns_.ChildText(node, "typeConstraint"));
  for (pugi::xml_node child : node.children()) {
    std::string_view local = ns_.Local(child);
    if (local == "itemComponent") {
      auto component = ReadItemDefinition(child);
      if (!component) return tl::unexpected(component.error().WithContext(DescribeElement(node)));
      def.components.push_back(std::move(*component));
    } else if (local == "functionItem") {
      def.is_function = true;
      def.function_output_type_ref = TypeRefAttribute(child, "outputTypeRef");
      for (pugi::xml_node param : ns_.Children(child, "parameters")) {
        def.function_parameters.push_back(ReadInformationItem(param));
      }
    }
  }
  return def;
}

Result<ExpressionPtr> Reader::ReadChildExpression(pugi::xml_node node) const {
  for (pugi::xml_node child : node.children()) {
    if (IsExpressionName(ns_.Local(child))) return ReadExpression(child);
  }
  return ExpressionPtr();
}

Result<FunctionDefinition> Reader::ReadFunctionDefinition(pugi::xml_node node) const {
  FunctionDefinition fn;
  std::string_view kind = node.attribute("kind").value();
  if (kind.empty() || kind == "FEEL" || kind == "F") {
    fn.kind = FunctionKind::kFeel;
  } else if (kind == "Java" || kind == "J") {
    fn.kind = FunctionKind::kJava;
  } else if (kind == "PMML" || kind == "P") {
    fn.kind = FunctionKind::kPmml;
  } else {
    return InvalidArgument(
        fmt::format("{}: unknown function kind '{}'", DescribeElement(node), kind));
  }
  for (pugi::xml_node param : ns_.Children(node, "formalParameter")) {
    fn.parameters.push_back(ReadInformationItem(param));
  }
  PROAKTIV_ASSIGN_OR_RETURN(fn.body, ReadChildExpression(node));
  return fn;
}

Result<ExpressionPtr> Reader::ReadExpression(pugi::xml_node node) const {
  auto expr = std::make_unique<Expression>();
  expr->id = node.attribute("id").value();
  expr->type_ref = TypeRefAttribute(node);
  std::string_view local = ns_.Local(node);
  auto fail = [&](const Error& error) {
    return tl::unexpected(error.WithContext(DescribeElement(node)));
  };
  // Reads the expression inside the wrapper child `wrapper` (e.g. <if>, <in>).
  auto wrapped = [&](const char* wrapper) -> Result<ExpressionPtr> {
    pugi::xml_node child = ns_.Child(node, wrapper);
    if (!child) return InvalidArgument(fmt::format("missing <{}>", wrapper));
    PROAKTIV_ASSIGN_OR_RETURN(ExpressionPtr inner, ReadChildExpression(child));
    if (!inner) return InvalidArgument(fmt::format("<{}> has no expression", wrapper));
    return inner;
  };
  if (local == "literalExpression") {
    LiteralExpression lit;
    lit.text = ns_.Child(node, "text").text().get();
    lit.expression_language = node.attribute("expressionLanguage").value();
    expr->kind = std::move(lit);
  } else if (local == "context") {
    Context ctx;
    for (pugi::xml_node entry : ns_.Children(node, "contextEntry")) {
      ContextEntry e;
      if (pugi::xml_node var = ns_.Child(entry, "variable")) e.variable = ReadInformationItem(var);
      auto value = ReadChildExpression(entry);
      if (!value) return fail(value.error());
      e.value = std::move(*value);
      ctx.entries.push_back(std::move(e));
    }
    expr->kind = std::move(ctx);
  } else if (local == "list") {
    List list;
    for (pugi::xml_node child : node.children()) {
      if (!IsExpressionName(ns_.Local(child))) continue;
      auto item = ReadExpression(child);
      if (!item) return fail(item.error());
      list.items.push_back(std::move(*item));
    }
    expr->kind = std::move(list);
  } else if (local == "relation") {
    Relation rel;
    for (pugi::xml_node col : ns_.Children(node, "column")) {
      rel.columns.push_back(ReadInformationItem(col));
    }
    for (pugi::xml_node row_node : ns_.Children(node, "row")) {
      std::vector<ExpressionPtr> row;
      for (pugi::xml_node child : row_node.children()) {
        if (!IsExpressionName(ns_.Local(child))) continue;
        auto cell = ReadExpression(child);
        if (!cell) return fail(cell.error());
        row.push_back(std::move(*cell));
      }
      if (row.size() != rel.columns.size()) {
        return fail(Error{ErrorCode::kInvalidArgument,
                          fmt::format("{} has {} cells for {} columns", DescribeElement(row_node),
                                      row.size(), rel.columns.size())});
      }
      rel.rows.push_back(std::move(row));
    }
    expr->kind = std::move(rel);
  } else if (local == "invocation") {
    Invocation inv;
    for (pugi::xml_node child : node.children()) {
      if (!IsExpressionName(ns_.Local(child))) continue;
      auto callee = ReadExpression(child);
      if (!callee) return fail(callee.error());
      inv.callee = std::move(*callee);
      break;
    }
    if (!inv.callee) return fail(Error{ErrorCode::kInvalidArgument, "no function to invoke"});
    for (pugi::xml_node b : ns_.Children(node, "binding")) {
      Binding binding;
      binding.parameter = ReadInformationItem(ns_.Child(b, "parameter"));
      auto value = ReadChildExpression(b);
      if (!value) return fail(value.error());
      binding.value = std::move(*value);
      inv.bindings.push_back(std::move(binding));
    }
    expr->kind = std::move(inv);
  } else if (local == "functionDefinition") {
    auto fn = ReadFunctionDefinition(node);
    if (!fn) return fail(fn.error());
    expr->kind = std::move(*fn);
  } else if (local == "decisionTable") {
    auto table = ReadDecisionTable(ns_, node);
    if (!table) return fail(table.error());
    expr->kind = std::move(*table);
  } else if (local == "conditional") {
    Conditional cond;
    auto a = wrapped("if"), b = wrapped("then"), c = wrapped("else");
    if (!a) return fail(a.error());
    if (!b) return fail(b.error());
    if (!c) return fail(c.error());
    cond.if_expr = std::move(*a), cond.then_expr = std::move(*b), cond.else_expr = std::move(*c);
    expr->kind = std::move(cond);
  } else if (local == "filter") {
    Filter filter;
    auto a = wrapped("in"), b = wrapped("match");
    if (!a) return fail(a.error());
    if (!b) return fail(b.error());
    filter.in = std::move(*a), filter.match = std::move(*b);
    expr->kind = std::move(filter);
  } else if (local == "for" || local == "some" || local == "every") {
    Iterator it;
    it.kind = local == "for"    ? IteratorKind::kFor
              : local == "some" ? IteratorKind::kSome
                                : IteratorKind::kEvery;
    it.variable = node.attribute("iteratorVariable").value();
    if (it.variable.empty()) {
      return fail(Error{ErrorCode::kInvalidArgument, "missing iteratorVariable"});
    }
    auto a = wrapped("in"), b = wrapped(local == "for" ? "return" : "satisfies");
    if (!a) return fail(a.error());
    if (!b) return fail(b.error());
    it.in = std::move(*a), it.body = std::move(*b);
    expr->kind = std::move(it);
  } else {
    return InvalidArgument(fmt::format("{}: unsupported boxed expression", DescribeElement(node)));
  }
  return expr;
}

std::vector<Href> Reader::ReadHrefs(pugi::xml_node node, const char* requirement,
                                    const char* reference) const {
  std::vector<Href> out;
  for (pugi::xml_node req : ns_.Children(node, requirement)) {
    for (pugi::xml_node ref : ns_.Children(req, reference)) {
      out.push_back(ParseHref(ref.attribute("href").value()));
    }
  }
  return out;
}

Result<Definitions> Reader::ReadDefinitions(pugi::xml_node root) {
  Definitions defs;
  defs.version = ns_.version;
  defs.id = root.attribute("id").value();
  defs.name = root.attribute("name").value();
  defs.ns = root.attribute("namespace").value();
  for (pugi::xml_node node : root.children()) {
    std::string_view local = ns_.Local(node);
    auto fail = [&](const Error& error) {
      return tl::unexpected(error.WithContext(DescribeElement(node)));
    };
    if (local.empty()) continue;
    pugi::xml_node var = ns_.Child(node, "variable");
    if ((local == "decision" || local == "inputData" || local == "businessKnowledgeModel" ||
         local == "decisionService") &&
        std::string_view(node.attribute("name").value()).empty()) {
      return fail(Error{ErrorCode::kInvalidArgument, "missing name"});
    }
    if (local == "import") {
      Import imp;
      imp.ns = node.attribute("namespace").value();
      imp.name = node.attribute("name").value();
      imp.import_type = node.attribute("importType").value();
      imp.location_uri = node.attribute("locationURI").value();
      defs.imports.push_back(std::move(imp));
    } else if (local == "itemDefinition") {
      PROAKTIV_ASSIGN_OR_RETURN(ItemDefinition def, ReadItemDefinition(node));
      defs.item_definitions.push_back(std::move(def));
    } else if (local == "inputData") {
      InputData in;
      in.id = node.attribute("id").value();
      in.name = node.attribute("name").value();
      in.label = node.attribute("label").value();
      in.variable = var ? ReadInformationItem(var) : InformationItem{"", in.name, ""};
      defs.input_data.push_back(std::move(in));
    } else if (local == "decision") {
      Decision d;
      d.id = node.attribute("id").value();
      d.name = node.attribute("name").value();
      d.label = node.attribute("label").value();
      d.description = Trim(ns_.ChildText(node, "description"));
      d.variable = var ? ReadInformationItem(var) : InformationItem{"", d.name, ""};
      d.required_decisions = ReadHrefs(node, "informationRequirement", "requiredDecision");
      d.required_inputs = ReadHrefs(node, "informationRequirement", "requiredInput");
      d.required_knowledge = ReadHrefs(node, "knowledgeRequirement", "requiredKnowledge");
      auto expr = ReadChildExpression(node);
      if (!expr) return fail(expr.error());
      d.expression = std::move(*expr);
      defs.decisions.push_back(std::move(d));
    } else if (local == "businessKnowledgeModel") {
      BusinessKnowledgeModel bkm;
      bkm.id = node.attribute("id").value();
      bkm.name = node.attribute("name").value();
      bkm.label = node.attribute("label").value();
      bkm.variable = var ? ReadInformationItem(var) : InformationItem{"", bkm.name, ""};
      bkm.required_knowledge = ReadHrefs(node, "knowledgeRequirement", "requiredKnowledge");
      if (pugi::xml_node logic = ns_.Child(node, "encapsulatedLogic")) {
        auto fn = ReadFunctionDefinition(logic);
        if (!fn) return fail(fn.error());
        bkm.logic = std::move(*fn);
      }
      defs.bkms.push_back(std::move(bkm));
    } else if (local == "decisionService") {
      DecisionService ds;
      ds.id = node.attribute("id").value();
      ds.name = node.attribute("name").value();
      ds.label = node.attribute("label").value();
      ds.variable = var ? ReadInformationItem(var) : InformationItem{"", ds.name, ""};
      auto refs = [&](const char* local_name) {
        std::vector<Href> out;
        for (pugi::xml_node ref : ns_.Children(node, local_name)) {
          out.push_back(ParseHref(ref.attribute("href").value()));
        }
        return out;
      };
      ds.output_decisions = refs("outputDecision");
      ds.encapsulated_decisions = refs("encapsulatedDecision");
      ds.input_decisions = refs("inputDecision");
      ds.input_data = refs("inputData");
      defs.decision_services.push_back(std::move(ds));
    }
  }
  return defs;
}

}  // namespace

Result<Definitions> LoadDefinitionsFromString(std::string_view xml, std::string source) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    return InvalidArgument(fmt::format("{}: XML error at line {}: {}", source,
                                       LineOfOffset(xml, parsed.offset), parsed.description()));
  }
  // Boxed expressions are read and compiled recursively: bound the nesting depth so that a
  // hostile document cannot exhaust the stack.
  struct DepthWalker : pugi::xml_tree_walker {
    int max_depth = 0;
    bool for_each(pugi::xml_node&) override {
      max_depth = std::max(max_depth, depth());
      return max_depth <= kMaxElementDepth;
    }
  } walker;
  doc.traverse(walker);
  if (walker.max_depth > kMaxElementDepth) {
    return InvalidArgument(
        fmt::format("{}: elements are nested deeper than {} levels", source, kMaxElementDepth));
  }
  pugi::xml_node root = doc.document_element();
  DmnVersion version;
  std::string uri = NamespaceOf(root);
  if (LocalNameOf(root) != "definitions" || !DmnNamespaceVersion(uri, &version)) {
    return InvalidArgument(
        fmt::format("{}: root element <{}> in namespace '{}' is not a DMN 1.1–1.5 <definitions>",
                    source, root.name(), uri));
  }
  Reader reader(XmlNs{uri, version});
  auto defs = reader.ReadDefinitions(root);
  if (!defs) return tl::unexpected(defs.error().WithContext(source));
  defs->source = std::move(source);
  return defs;
}

Result<Definitions> LoadDefinitionsFromFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(fmt::format("cannot open DMN file '{}'", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return LoadDefinitionsFromString(buffer.str(), path);
}

}  // namespace proaktiv::dmn
