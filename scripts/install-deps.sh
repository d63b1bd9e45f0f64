#!/usr/bin/env bash
# Installs the Debian bookworm packages arrears needs to build, test and run, and only
# those that are missing: with everything present it changes nothing and needs no root.
#
#   bash scripts/install-deps.sh      (as root on a fresh Debian bookworm)
set -euo pipefail

packages=(
  build-essential             # g++ 12, make, libc headers
  cmake                       # 3.25, the build
  ninja-build                 # the generator the presets use
  git                         # the sources
  pkg-config                  # dependency lookup for tools that want it
  libboost1.81-dev            # Boost headers: Date_Time (dates), Describe
  libboost-json1.81-dev       # Boost.JSON: cases, events, decisions
  libboost-date-time1.81-dev  # Boost.Date_Time CMake package
  librange-v3-dev             # ranges beyond C++20's
  googletest                  # GoogleTest sources
  libgtest-dev                # GoogleTest: the unit tests
  libgmock-dev                # GoogleMock matchers in the unit tests
  libbenchmark-dev            # Google Benchmark: the benchmarks
  libyaml-cpp-dev             # YAML policy files
  libsqlite3-dev              # the embedded event store
  sqlite3                     # the sqlite3 shell, to inspect a store
  pybind11-dev                # the Python module
  python3-dev                 # the Python module
  python3-pytest              # the Python tests
  # python3-munkres before matplotlib: matplotlib -> fonttools needs "python3-scipy |
  # python3-munkres", and apt picks scipy -> pythran -> libboost-dev (1.74), which conflicts
  # with libboost1.81-dev and makes the whole install fail. Listing munkres avoids that.
  python3-munkres
  python3-matplotlib          # plots of simulation results
  libcli11-dev                # command line parsing for the arrears tool
  libfmt-dev                  # output formatting in the arrears tool
)

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "install-deps: dpkg-query not found; this script is for Debian bookworm." >&2
  echo "install-deps: the packages needed there are: ${packages[*]}" >&2
  exit 1
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  if [[ "$status" != "installed" ]]; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages are installed; nothing to install."
  exit 0
fi

echo "install-deps: missing: ${missing[*]}"
if ((EUID != 0)); then
  echo "install-deps: installing needs root. Run this script as root, or:" >&2
  echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
