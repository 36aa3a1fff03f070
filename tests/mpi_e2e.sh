# mpi_e2e.sh: the MPI engine gives the same bytes as the threaded program:
# batch, sweep, mc and attribute under `mpirun -np 2` against `transim -j 1`,
# plus a bad argument that fails cleanly on every rank.
# Usage: bash mpi_e2e.sh PATH_TO_transim PATH_TO_transim-mpi MPIEXEC SOURCE_DIR
set -u
T=$1
M=$2
RUN=${3:-mpirun}
SRC=$4
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
MPI="$RUN --allow-run-as-root --oversubscribe -np 2"
fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

mkdir sc
for i in 1 2 3 4 5; do
    cat >sc/s$i.ini <<EOT
[scenario]
name = Study $i
[levers]
adult_training_places = $((i * 1500))
skills_foresight = 0.$i
seed_capital = $((i * 20))
seed_capital.start = 2030
EOT
done
cp "$SRC"/scenarios/*.ini sc/ 2>/dev/null || true

"$T" batch sc -o out_t -j 1 || fail "transim batch failed"
$MPI "$M" batch sc -o out_m || fail "transim-mpi batch failed"
diff -r out_t out_m >/dev/null || fail "batch: MPI output differs from threads"

"$T" mc sc/s2.ini --samples 50 --seed 11 -j 1 -o mc_t.csv || fail "transim mc failed"
$MPI "$M" mc sc/s2.ini --samples 50 --seed 11 -o mc_m.csv || fail "transim-mpi mc failed"
cmp -s mc_t.csv mc_m.csv || fail "mc: MPI output differs from threads"
$MPI "$M" mc sc/s2.ini --samples 50 --seed 11 -j 2 >mc_m2.csv || fail "transim-mpi mc -j 2 failed"
cmp -s mc_t.csv mc_m2.csv || fail "mc: MPI with 2 threads per rank differs"

"$T" sweep sc/s1.ini --vary adult_training_places=0:9000:5 --vary skills_foresight=0:1:3 \
    -j 1 >sw_t.csv || fail "transim sweep failed"
$MPI "$M" sweep sc/s1.ini --vary adult_training_places=0:9000:5 --vary skills_foresight=0:1:3 \
    >sw_m.csv || fail "transim-mpi sweep failed"
cmp -s sw_t.csv sw_m.csv || fail "sweep: MPI output differs from threads"

"$T" attribute sc/s4.ini --format csv -j 1 >at_t.csv || fail "transim attribute failed"
$MPI "$M" attribute sc/s4.ini --format csv >at_m.csv || fail "transim-mpi attribute failed"
cmp -s at_t.csv at_m.csv || fail "attribute: MPI output differs from threads"

$MPI "$M" mc sc/s2.ini --samples 0 -o bad.csv >out.txt 2>err.txt
[ $? = 2 ] || fail "transim-mpi mc --samples 0 did not exit 2"
[ "$(grep -c 'samples must be' err.txt)" = 1 ] || fail "the usage error was not said once"
[ -e bad.csv ] && fail "transim-mpi mc --samples 0 wrote a file"

# A scenario on standard input would reach each rank in another part.
$MPI "$M" mc - --samples 4 -o stdin.csv <sc/s2.ini >out.txt 2>err.txt
[ $? = 2 ] || fail "transim-mpi mc - did not exit 2"
grep -q 'standard input cannot be read under MPI' err.txt || fail "transim-mpi mc - gave no reason"
[ -e stdin.csv ] && fail "transim-mpi mc - wrote a file"

# A second batch into a folder in use is locked out.
echo "$$ $(hostname)" >out_m/.transim-batch.lock
$MPI "$M" batch sc -o out_m >out.txt 2>err.txt
[ $? = 1 ] || fail "transim-mpi batch into a locked folder did not exit 1"
grep -q 'another batch' err.txt || fail "transim-mpi batch did not name the lock"
rm -f out_m/.transim-batch.lock

if [ "$fails" -gt 0 ]; then
    echo "$fails failure(s)" >&2
    exit 1
fi
echo "MPI results identical to the threaded program"
