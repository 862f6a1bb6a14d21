#pragma once

// Namespace-aware helpers over pugixml, which itself ignores XML namespaces. Used by the DMN
// loader and the TCK test-file reader. Stateless; thread-safe.

#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "dmn/model.h"

namespace proaktiv::dmn {

// The element's name without its prefix.
std::string_view LocalNameOf(pugi::xml_node node);

// The namespace URI bound to `prefix` ("" for the default namespace) at `node`, searching the
// element and its ancestors; empty when unbound.
std::string LookupNamespace(pugi::xml_node node, std::string_view prefix);

// The namespace URI of an element.
std::string NamespaceOf(pugi::xml_node node);

// Selects the elements of one namespace by local name.
struct XmlNs {
  std::string uri;
  DmnVersion version = DmnVersion::k15;

  // The local name when `node` is an element in namespace `uri`, else "".
  std::string_view Local(pugi::xml_node node) const;
  pugi::xml_node Child(pugi::xml_node node, std::string_view local) const;
  std::vector<pugi::xml_node> Children(pugi::xml_node node, std::string_view local) const;
  // The text of child `local`: its <text> child's content, or its own text; "" when absent.
  std::string ChildText(pugi::xml_node node, std::string_view local) const;
};

// "decision 'Name' (id d1)" for messages: local name, name and id attributes when present.
std::string DescribeElement(pugi::xml_node node);

// A type reference without a DMN 1.1 QName prefix: "feel:string" → "string" when the prefix is
// "feel" or bound to a namespace at `context`; other text is returned trimmed.
std::string NormalizeTypeRef(pugi::xml_node context, std::string_view text);

// The normalized type reference in attribute `attr` of `node`.
std::string TypeRefAttribute(pugi::xml_node node, const char* attr = "typeRef");

// `text` without leading and trailing white space.
std::string Trim(std::string_view text);

// 1-based line number of a byte offset.
int LineOfOffset(std::string_view text, ptrdiff_t offset);

}  // namespace proaktiv::dmn
