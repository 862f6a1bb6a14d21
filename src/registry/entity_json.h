#pragma once

// The fields of each register entity as JSON, without metadata: one EncodeEntity/DecodeEntity
// pair per entity type of Person, the building blocks of entities.h (which most code should
// use instead). Decoding validates, and its errors name the field ("field 'kommunenummer': '03'
// is not four digits"); on error `out` may be partly written. Stateless; safe from any thread.

#include <boost/json/object.hpp>

#include "common/result.h"
#include "registry/person.h"

namespace proaktiv::registry {

void EncodeEntity(const IdentityNumber& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, IdentityNumber& out);
void EncodeEntity(const PersonName& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, PersonName& out);
void EncodeEntity(const Sex& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, Sex& out);
void EncodeEntity(const Birth& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, Birth& out);
void EncodeEntity(const Death& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, Death& out);
void EncodeEntity(const StatusFact& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, StatusFact& out);
void EncodeEntity(const Address& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, Address& out);
void EncodeEntity(const ProtectionFact& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, ProtectionFact& out);
void EncodeEntity(const FamilyRelation& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, FamilyRelation& out);
void EncodeEntity(const ParentalResponsibility& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, ParentalResponsibility& out);
void EncodeEntity(const CivilStatusFact& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, CivilStatusFact& out);
void EncodeEntity(const Guardianship& value, boost::json::object& out);
Status DecodeEntity(const boost::json::object& in, Guardianship& out);

}  // namespace proaktiv::registry
