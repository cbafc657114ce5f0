#!/bin/bash
# Submits a sharded MinerSim run: an array of SHARDS tasks, then the merge, which starts only if
# every task succeeded (afterok) and is cancelled if one failed.
#   SCENARIO=samples/scenarios/reference.json PATHS=1000000 RUN=/shared/runs/nightly samples/cluster/slurm/submit.sh 8
# Pass further sbatch options (partition, account) in SBATCH_ARGS.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
SHARDS=${1:-8}
: "${SCENARIO:?set SCENARIO to the scenario file}"
export SCENARIO SHARDS RUN=${RUN:-runs/minersim}
# shellcheck disable=SC2086
array=$(sbatch --parsable ${SBATCH_ARGS:-} --array=0-$((SHARDS - 1)) "$here/minersim-array.sbatch")
array=${array%%;*}
# shellcheck disable=SC2086
merge=$(sbatch --parsable ${SBATCH_ARGS:-} --dependency=afterok:"$array" --kill-on-invalid-dep=yes "$here/merge.sbatch")
echo "array job $array ($SHARDS shards), merge job ${merge%%;*}; result in $RUN/result"
