#pragma once

// Internal to the XML loader: reads a <decisionTable> element (inputs with input values,
// outputs with output values and default entries, rules, hit policy and aggregation, including
// the DMN 1.1 abbreviations U/A/P/F/R/O/C/C+/C</C>/C#). Structural errors name the element.

#include <pugixml.hpp>

#include "common/result.h"
#include "dmn/model.h"
#include "dmn/xml_util.h"

namespace proaktiv::dmn {

Result<DecisionTable> ReadDecisionTable(const XmlNs& ns, pugi::xml_node node);

}  // namespace proaktiv::dmn
