#!/usr/bin/env bash
# Installs what the scale benchmark compares selfreview with: GNU time, zip, and pandas,
# DuckDB, Polars, python-calamine and openpyxl for python3.
set -euo pipefail
if ! [ -x /usr/bin/time ] || ! command -v zip >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time zip >/dev/null
fi
python3 -m pip install --quiet pandas duckdb polars python-calamine openpyxl
