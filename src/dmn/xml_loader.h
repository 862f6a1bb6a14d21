#pragma once

// Reads DMN 1.1–1.5 XML into the plain model of model.h.
//
// Elements are matched by local name within whichever DMN namespace the document's
// `definitions` element uses; elements of any other namespace (extension elements such as
// camunda:, triso:, DMNDI diagrams) are skipped. 1.1 QName type references (`feel:string`) are
// reduced to their local name. Structural problems (unknown boxed expression, a rule with the
// wrong number of entries, missing names) are errors naming the element id and name. FEEL
// texts are not checked here; see compiled_model.h.
//
// Thread-safe: no shared state.

#include <string>
#include <string_view>

#include "common/result.h"
#include "dmn/model.h"

namespace proaktiv::dmn {

// Parses one DMN document. `source` is used in error messages and stored in the result.
Result<Definitions> LoadDefinitionsFromString(std::string_view xml, std::string source);

// Reads and parses a DMN file.
Result<Definitions> LoadDefinitionsFromFile(const std::string& path);

// Returns the DMN version of a namespace URI, or false when it is not a DMN model namespace.
bool DmnNamespaceVersion(std::string_view uri, DmnVersion* version);

}  // namespace proaktiv::dmn
