#include "dmn/xml_util.h"

#include <cstring>

#include <fmt/format.h>

#include "dmn/xml_loader.h"

namespace proaktiv::dmn {

const char* DmnVersionName(DmnVersion version) {
  switch (version) {
    case DmnVersion::k11:
      return "1.1";
    case DmnVersion::k12:
      return "1.2";
    case DmnVersion::k13:
      return "1.3";
    case DmnVersion::k14:
      return "1.4";
    case DmnVersion::k15:
      return "1.5";
  }
  return "?";
}

bool DmnNamespaceVersion(std::string_view uri, DmnVersion* version) {
  struct Known {
    const char* uri;
    DmnVersion version;
  };
  static constexpr Known kKnown[] = {
      {"http://www.omg.org/spec/DMN/20151101/dmn.xsd", DmnVersion::k11},
      {"http://www.omg.org/spec/DMN/20180521/MODEL/", DmnVersion::k12},
      {"https://www.omg.org/spec/DMN/20191111/MODEL/", DmnVersion::k13},
      {"https://www.omg.org/spec/DMN/20211108/MODEL/", DmnVersion::k14},
      {"https://www.omg.org/spec/DMN/20230324/MODEL/", DmnVersion::k15},
  };
  for (const Known& known : kKnown) {
    if (uri == known.uri) {
      *version = known.version;
      return true;
    }
  }
  return false;
}

std::string_view LocalNameOf(pugi::xml_node node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string LookupNamespace(pugi::xml_node node, std::string_view prefix) {
  std::string attr = prefix.empty() ? std::string("xmlns") : "xmlns:" + std::string(prefix);
  for (pugi::xml_node n = node; n && n.type() == pugi::node_element; n = n.parent()) {
    if (pugi::xml_attribute a = n.attribute(attr.c_str())) return a.value();
  }
  return "";
}

std::string NamespaceOf(pugi::xml_node node) {
  std::string_view name = node.name();
  size_t colon = name.find(':');
  return LookupNamespace(node, colon == std::string_view::npos ? "" : name.substr(0, colon));
}

std::string_view XmlNs::Local(pugi::xml_node node) const {
  if (node.type() != pugi::node_element) return "";
  std::string_view name = node.name();
  size_t colon = name.find(':');
  std::string_view prefix = colon == std::string_view::npos ? "" : name.substr(0, colon);
  // Fast path: the binding of the prefix is almost always the root's.
  if (LookupNamespace(node, prefix) != uri) return "";
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node XmlNs::Child(pugi::xml_node node, std::string_view local) const {
  for (pugi::xml_node child : node.children()) {
    if (Local(child) == local) return child;
  }
  return pugi::xml_node();
}

std::vector<pugi::xml_node> XmlNs::Children(pugi::xml_node node, std::string_view local) const {
  std::vector<pugi::xml_node> out;
  for (pugi::xml_node child : node.children()) {
    if (Local(child) == local) out.push_back(child);
  }
  return out;
}

std::string XmlNs::ChildText(pugi::xml_node node, std::string_view local) const {
  pugi::xml_node child = Child(node, local);
  if (!child) return "";
  pugi::xml_node text = Child(child, "text");
  return text ? std::string(text.text().get()) : std::string(child.text().get());
}

std::string DescribeElement(pugi::xml_node node) {
  std::string out(LocalNameOf(node));
  if (const char* name = node.attribute("name").value(); *name) {
    out += fmt::format(" '{}'", name);
  }
  if (const char* id = node.attribute("id").value(); *id) out += fmt::format(" (id {})", id);
  return out;
}

std::string NormalizeTypeRef(pugi::xml_node context, std::string_view text) {
  std::string ref = Trim(text);
  size_t colon = ref.find(':');
  if (colon == std::string::npos) return ref;
  std::string prefix = ref.substr(0, colon);
  if (!LookupNamespace(context, prefix).empty() || prefix == "feel") {
    return ref.substr(colon + 1);
  }
  return ref;
}

std::string TypeRefAttribute(pugi::xml_node node, const char* attr) {
  return NormalizeTypeRef(node, node.attribute(attr).value());
}

std::string Trim(std::string_view text) {
  const char* ws = " \t\r\n";
  size_t begin = text.find_first_not_of(ws);
  if (begin == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(ws);
  return std::string(text.substr(begin, end - begin + 1));
}

int LineOfOffset(std::string_view text, ptrdiff_t offset) {
  int line = 1;
  for (ptrdiff_t i = 0; i < offset && i < static_cast<ptrdiff_t>(text.size()); ++i) {
    if (text[i] == '\n') ++line;
  }
  return line;
}

}  // namespace proaktiv::dmn
