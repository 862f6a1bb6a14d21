#include "audit/store_access_recorder.h"

#include "audit/entry.h"

namespace proaktiv::audit {

Status StoreAccessRecorder::Record(const AccessRecord& record) {
  PROAKTIV_RETURN_IF_ERROR(CheckRecord(record));
  if (mode_ == Mode::kAlwaysInCallersTransaction) return log_.Append(record).map([](int64_t) {});
  // Inside the caller's transaction BEGIN fails ("cannot start a transaction within a
  // transaction"): join it. Any other failure (a busy database) is the caller's error.
  if (Status begun = store_.Begin(); !begun) {
    if (begun.error().message.find("within a transaction") == std::string::npos) return begun;
    return log_.Append(record).map([](int64_t) {});
  }
  auto appended = log_.Append(record);
  if (!appended) {
    (void)store_.Rollback();
    return tl::unexpected(appended.error());
  }
  return store_.Commit();
}

}  // namespace proaktiv::audit
