// Always compiled, so the library has at least one object file whatever else exists.
#include <arrears/version.hpp>

const char* arrears::version_string() noexcept { return ARREARS_VERSION_STRING; }
