#include "dmn/tck_file.h"

#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "dmn/xml_util.h"

namespace proaktiv::dmn {
namespace {

constexpr std::string_view kXsiNs = "http://www.w3.org/2001/XMLSchema-instance";

// The attribute `local` of `node` in the XML Schema instance namespace (any prefix).
std::string XsiAttribute(pugi::xml_node node, std::string_view local) {
  for (pugi::xml_attribute attr : node.attributes()) {
    std::string_view name = attr.name();
    size_t colon = name.find(':');
    if (colon == std::string_view::npos || name.substr(colon + 1) != local) continue;
    if (LookupNamespace(node, name.substr(0, colon)) == kXsiNs) return attr.value();
  }
  return "";
}

TckValue ReadValue(const XmlNs& ns, pugi::xml_node node);

// Reads the content of a valueType element (inputNode, expected, component, item).
TckValue ReadValueType(const XmlNs& ns, pugi::xml_node node) {
  TckValue out;
  if (XsiAttribute(node, "nil") == "true") return out;
  if (pugi::xml_node value = ns.Child(node, "value")) return ReadValue(ns, value);
  if (pugi::xml_node list = ns.Child(node, "list")) {
    if (XsiAttribute(list, "nil") == "true") return out;
    out.kind = TckValue::Kind::kList;
    for (pugi::xml_node item : ns.Children(list, "item")) {
      out.items.push_back(ReadValueType(ns, item));
    }
    return out;
  }
  std::vector<pugi::xml_node> components = ns.Children(node, "component");
  if (!components.empty()) {
    out.kind = TckValue::Kind::kComponents;
    for (pugi::xml_node c : components) {
      out.components.emplace_back(c.attribute("name").value(), ReadValueType(ns, c));
    }
  }
  return out;
}

TckValue ReadValue(const XmlNs& /*ns*/, pugi::xml_node value) {
  TckValue out;
  if (XsiAttribute(value, "nil") == "true") return out;
  out.kind = TckValue::Kind::kSimple;
  std::string type = XsiAttribute(value, "type");
  size_t colon = type.find(':');
  out.xsd_type = colon == std::string::npos ? type : type.substr(colon + 1);
  out.text = value.text().get();
  return out;
}

}  // namespace

Result<TckTestFile> ParseTckTestFile(std::string_view xml, std::string path) {
  pugi::xml_document doc;
  // Keep whitespace-only text: an expected string value may be " ".
  pugi::xml_parse_result parsed =
      doc.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
  if (!parsed) {
    return InvalidArgument(fmt::format("{}: XML error at line {}: {}", path,
                                       LineOfOffset(xml, parsed.offset), parsed.description()));
  }
  pugi::xml_node root = doc.document_element();
  if (LocalNameOf(root) != "testCases") {
    return InvalidArgument(
        fmt::format("{}: root element <{}> is not <testCases>", path, root.name()));
  }
  XmlNs ns{NamespaceOf(root), DmnVersion::k15};
  TckTestFile file;
  file.path = std::move(path);
  file.model_name = Trim(ns.Child(root, "modelName").text().get());
  for (pugi::xml_node tc : ns.Children(root, "testCase")) {
    TckTestCase c;
    c.id = tc.attribute("id").value();
    c.name = tc.attribute("name").value();
    if (const char* type = tc.attribute("type").value(); *type) c.type = type;
    c.invocable_name = tc.attribute("invocableName").value();
    c.description = Trim(ns.Child(tc, "description").text().get());
    for (pugi::xml_node in : ns.Children(tc, "inputNode")) {
      c.inputs.push_back(
          {in.attribute("name").value(), in.attribute("namespace").value(), ReadValueType(ns, in)});
    }
    for (pugi::xml_node res : ns.Children(tc, "resultNode")) {
      TckResultNode r;
      r.name = res.attribute("name").value();
      r.ns = res.attribute("namespace").value();
      r.type = res.attribute("type").value();
      r.error_result = std::string_view(res.attribute("errorResult").value()) == "true";
      if (pugi::xml_node expected = ns.Child(res, "expected")) {
        r.expected = ReadValueType(ns, expected);
      }
      c.results.push_back(std::move(r));
    }
    file.cases.push_back(std::move(c));
  }
  return file;
}

Result<TckTestFile> LoadTckTestFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFound(fmt::format("cannot open TCK test file '{}'", path));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return ParseTckTestFile(buffer.str(), path);
}

}  // namespace proaktiv::dmn
