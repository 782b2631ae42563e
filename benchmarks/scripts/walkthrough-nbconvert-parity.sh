#!/usr/bin/env bash
# Parity of the two clients on the walkthroughs (issue 12): every notebook in notebooks/ executed by
# `jupyter nbconvert --to notebook --execute` through the SmartPulse kernel must give, cell by cell, byte for byte the
# outputs stored in the repository (which `smartpulse run --inplace` wrote and `smartpulse run --check` verifies).
# Not part of the test suite, which executes each walkthrough once (tests/Shared/WalkthroughCache.cs); the suite's
# NbconvertParityTests compare the two clients on the engine's fixtures. Run from the repo root after `dotnet build`:
#   bash benchmarks/scripts/walkthrough-nbconvert-parity.sh [notebooks/01-mall-kmeans.ipynb ...]
# Needs jupyter-nbconvert (apt-get install -y jupyter-nbconvert python3-ipykernel python3-pandas python3-sklearn).
set -euo pipefail
cd "$(dirname "$0")/../.."
cli="src/SmartPulse.Cli/bin/Debug/net10.0/smartpulse.dll"
[ -f "$cli" ] || { echo "build first: dotnet build src/SmartPulse.Cli" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A private Jupyter environment: the kernelspec goes into it, nothing of the user's is touched.
export JUPYTER_PATH="$work/share/jupyter:/usr/share/jupyter:/usr/local/share/jupyter" JUPYTER_DATA_DIR="$work/data" \
  JUPYTER_RUNTIME_DIR="$work/runtime" JUPYTER_CONFIG_DIR="$work/config" JUPYTER_PLATFORM_DIRS=1 PYTHONDONTWRITEBYTECODE=1 \
  SMARTPULSE_OUTPUT_TARGET=document
dotnet "$cli" kernel install --prefix "$work" >/dev/null
notebooks=("$@")
[ ${#notebooks[@]} -gt 0 ] || notebooks=(notebooks/*.ipynb)
failed=0
for nb in "${notebooks[@]}"; do
  name="$(basename "$nb" .ipynb)"
  start=$(date +%s.%N)
  if ! (cd "$(dirname "$nb")" && /usr/bin/python3 -m nbconvert --to notebook --execute --ExecutePreprocessor.timeout=1200 \
        --output-dir "$work/out" --output "$name" "$(basename "$nb")") >"$work/$name.log" 2>&1; then
    echo "$name: nbconvert failed:"; tail -n 20 "$work/$name.log"; failed=$((failed + 1)); continue
  fi
  seconds=$(echo "$(date +%s.%N) - $start" | bc)
  if /usr/bin/python3 "$(dirname "$0")/compare-outputs.py" "$nb" "$work/out/$name.ipynb"; then
    printf '%s: identical (%.1f s)\n' "$name" "$seconds"
  else
    failed=$((failed + 1))
  fi
done
echo "${#notebooks[@]} notebook(s), $failed differ or failed"
[ $failed -eq 0 ]
