#include "jq_filter.hpp"

#include <memory>

extern "C" {
#include <jq.h>
#include <jv.h>
}

namespace hg::cli {
namespace {

struct JqDeleter {
  void operator()(jq_state* state) const { jq_teardown(&state); }
};

void collect_message(void* data, jv message) {
  auto* messages = static_cast<std::string*>(data);
  if (jv_get_kind(message) == JV_KIND_STRING) {
    if (!messages->empty()) messages->append("; ");
    messages->append(jv_string_value(message));
  } else {
    jv text = jv_dump_string(jv_copy(message), 0);
    messages->append(jv_string_value(text));
    jv_free(text);
  }
  jv_free(message);
}

}  // namespace

Result<std::vector<std::string>> run_jq(std::string_view program, std::string_view document) {
  std::unique_ptr<jq_state, JqDeleter> jq(jq_init());
  if (!jq) return fail(Errc::failed, "--jq: cannot start jq");
  std::string messages;
  jq_set_error_cb(jq.get(), collect_message, &messages);
  const std::string source(program);
  if (!jq_compile(jq.get(), source.c_str())) {
    return fail(Errc::invalid_argument, "--jq: {}", messages.empty() ? "cannot compile" : messages);
  }
  jv input = jv_parse_sized(document.data(), static_cast<int>(document.size()));
  if (!jv_is_valid(input)) {
    jv_free(input);
    return fail(Errc::failed, "--jq: output is not JSON");
  }
  jq_start(jq.get(), input, 0);
  std::vector<std::string> lines;
  while (true) {
    jv result = jq_next(jq.get());
    if (!jv_is_valid(result)) {
      jv message = jv_invalid_get_msg(result);  // consumes result
      if (jv_get_kind(message) == JV_KIND_NULL) {
        jv_free(message);
        break;  // the end of the results
      }
      jv text = jv_get_kind(message) == JV_KIND_STRING ? jv_copy(message)
                                                       : jv_dump_string(jv_copy(message), 0);
      std::string why = jv_string_value(text);
      jv_free(text);
      jv_free(message);
      return fail(Errc::failed, "--jq: {}", why);
    }
    if (jv_get_kind(result) == JV_KIND_STRING) {
      lines.emplace_back(jv_string_value(result));
      jv_free(result);
    } else {
      jv text = jv_dump_string(result, 0);  // consumes result
      lines.emplace_back(jv_string_value(text));
      jv_free(text);
    }
  }
  return lines;
}

}  // namespace hg::cli
