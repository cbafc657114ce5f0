#!/bin/bash
# Runs the Indexed Job, waits for every index to complete, then runs the merge Job.
# Copy the scenario to the volume first, e.g. with a helper pod: kubectl cp reference.json <pod>:/data/scenarios/
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kubectl apply -f "$here/minersim-shards.yaml"
kubectl wait --for=condition=complete job/minersim-shards --timeout=12h
kubectl apply -f "$here/minersim-merge.yaml"
kubectl wait --for=condition=complete job/minersim-merge --timeout=1h
echo "result in /data/runs/nightly/result on the minersim-data volume"
