#!/usr/bin/env bash
# Import and recompute benchmark for a synthetic extract of N loans, against the sqlcipher shell's .import
# of the same CSV files into the same schema on the same machine. Run by hand (not a CTest test):
#
#   tests/bench/bench_import.sh [-r RUNS] [-p PARTS] [-e EXTRACT] [-o FILE] [-k] [N [WORKDIR]]
#
#   N          loans in the synthetic extract (default 100000)
#   WORKDIR    where a temporary folder for the extract and the databases is made (default /tmp); the
#              folder is removed at the end unless -k
#   -r RUNS    repeat every timing RUNS times, interleaved (default 2); min and max are reported
#   -p PARTS   comma-separated subset of: cli, stages, base1, base2 (default all four)
#                cli    doorstep-cli import (a), the same import again (b), recompute --as-of 2026-12-31 (c)
#                stages bench_import (stage timings of the same import and re-import) and bench_recompute
#                base1  sqlcipher shell: .import of every CSV file into staging tables, one transaction
#                base2  base1, then INSERT … SELECT into the real tables (yuan → fen, bank ids → row ids)
#                       and DROP of the staging tables, in the same transaction
#   -e EXTRACT use this extract folder instead of generating one (it is not removed)
#   -o FILE    also write the raw measurements (one `part run name value` a line) to FILE
#   -k         keep the work folder
#
# Needs /usr/bin/time (package `time`) and the sqlcipher shell (package `sqlcipher`). docs/benchmarks.md
# explains what each figure includes and records the results.
set -euo pipefail

RUNS=2
PARTS=cli,stages,base1,base2
EXTRACT=""
RAW_OUT=""
KEEP=0
usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
while getopts "r:p:e:o:kh" opt; do
  case $opt in
    r) RUNS=$OPTARG ;;
    p) PARTS=$OPTARG ;;
    e) EXTRACT=$OPTARG ;;
    o) RAW_OUT=$OPTARG ;;
    k) KEEP=1 ;;
    *) usage ;;
  esac
done
shift $((OPTIND - 1))
N=${1:-100000}
BASE_DIR=${2:-/tmp}
[[ $N =~ ^[0-9]+$ && $RUNS =~ ^[1-9][0-9]*$ ]] || usage
has_part() { [[ ",$PARTS," == *",$1,"* ]]; }

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)
BUILD=$REPO/build/bench
CLI=$BUILD/src/cli/doorstep-cli
BENCH_IMPORT=$BUILD/tests/bench/bench_import
BENCH_RECOMPUTE=$BUILD/tests/bench/bench_recompute
TIME=/usr/bin/time
command -v sqlcipher >/dev/null || { echo "needs the sqlcipher shell (apt install sqlcipher)" >&2; exit 1; }
[[ -x $TIME ]] || { echo "needs /usr/bin/time (apt install time)" >&2; exit 1; }

mkdir -p "$BASE_DIR"
WORK=$(mktemp -d "$BASE_DIR/doorstep-bench.XXXXXX")
cleanup() {
  if [[ $KEEP == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
RESULTS=$WORK/results.txt
: >"$RESULTS"
log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

# Logs go to the work folder, not the user's data folder. The password satisfies the password rules.
export XDG_DATA_HOME=$WORK/xdg
export DOORSTEP_PASSWORD='Bench-Import-Pass-2026!'
USER_NAME=bench

log "building (Release) in $BUILD"
cmake -S "$REPO" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DDOORSTEP_BUILD_TESTS=ON >"$WORK/cmake.log" 2>&1 ||
  { cat "$WORK/cmake.log" >&2; exit 1; }
cmake --build "$BUILD" --target doorstep-cli bench_import bench_recompute >"$WORK/build.log" 2>&1 ||
  { tail -50 "$WORK/build.log" >&2; exit 1; }

# --- the machine -----------------------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  if git -C "$REPO" rev-parse --short HEAD >/dev/null 2>&1; then
    echo "commit: $(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD || echo ' (with uncommitted changes)')"
  else
    echo "commit: unknown ($REPO is not a git checkout)"
  fi
  echo "cpu: $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'),$(grep -m1 'cpu MHz' /proc/cpuinfo | cut -d: -f2) MHz, cache$(grep -m1 'cache size' /proc/cpuinfo | cut -d: -f2)"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "work folder: $WORK ($(df -h --output=avail "$WORK" | tail -1 | tr -d ' ') free)"
  echo "sqlcipher shell: $(echo 'SELECT sqlite_version(); PRAGMA cipher_version;' | sqlcipher :memory: | tr '\n' ' ')"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$WORK/machine.txt" >&2

record() { # part run name value
  printf '%s %s %s %s\n' "$1" "$2" "$3" "$4" >>"$RESULTS"
}

# Runs a command under /usr/bin/time -v; records the 1-minute load average before it (load1_before), wall
# seconds (wall_s), user + system CPU seconds (cpu_s) and the maximum resident set size in MiB (rss_mib).
# The command's stdout is left in $WORK/out.txt.
timed() { # part run command…
  local part=$1 run=$2
  shift 2
  record "$part" "$run" load1_before "$(cut -d' ' -f1 /proc/loadavg)"
  if ! "$TIME" -v -o "$WORK/time.txt" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt"; then
    echo "FAILED: $*" >&2
    cat "$WORK/err.txt" "$WORK/out.txt" >&2
    exit 1
  fi
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$WORK/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$WORK/time.txt")
  record "$part" "$run" wall_s "$wall"
  record "$part" "$run" cpu_s "$cpu"
  record "$part" "$run" rss_mib "$rss"
  log "$part run $run: ${wall} s wall, ${cpu} s CPU, ${rss} MiB"
}

# --- the extract -----------------------------------------------------------------------------------------
if [[ -z $EXTRACT ]]; then
  EXTRACT=$WORK/extract
  log "generating the extract of $N loans"
  timed generate 1 "$CLI" demo extract --loans "$N" --seed 1 --out "$EXTRACT"
fi
CSV_FILES=()
for f in manifest borrowers contacts credit_records loans instalments payments contact_history; do
  [[ -f $EXTRACT/$f.csv ]] && CSV_FILES+=("$f")
done
{
  echo "extract: $EXTRACT, $(du -sh "$EXTRACT" | cut -f1)"
  for f in "${CSV_FILES[@]}"; do printf '  %-20s %12d rows\n' "$f.csv" $(($(wc -l <"$EXTRACT/$f.csv") - 1)); done
} | tee -a "$WORK/machine.txt" >&2

new_branch() { # db
  rm -f "$1" "$1".keyring "$1"-wal "$1"-shm
  "$CLI" --db "$1" --user "$USER_NAME" init >/dev/null
}
remove_db() { rm -f "$1" "$1".keyring "$1"-wal "$1"-shm; }
db_size() { # part run db: records the database's size in MiB
  record "$1" "$2" db_mib "$(du -m "$3" | cut -f1)"
}

# --- the baseline's SQL ------------------------------------------------------------------------------------
DB_SCHEMA_SOURCE=$WORK/schema-source.db
new_branch "$DB_SCHEMA_SOURCE"
"$BENCH_IMPORT" --db "$DB_SCHEMA_SOURCE" --user "$USER_NAME" schema >"$WORK/schema.sql"
remove_db "$DB_SCHEMA_SOURCE"
HAS_CONTACT_EVENTS=0
if grep -q 'CREATE TABLE contact_events' "$WORK/schema.sql" && [[ -f $EXTRACT/contact_history.csv ]]; then
  HAS_CONTACT_EVENTS=1
fi
KEY=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
# The pragmas of storage::Connection::open (src/storage/database/sqlite.cpp); the shell keys with the raw key.
cat >"$WORK/open.sql" <<EOF
PRAGMA key = "x'$KEY'";
PRAGMA foreign_keys = ON;
PRAGMA temp_store = MEMORY;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
EOF
{
  cat "$WORK/open.sql" "$WORK/schema.sql"
  for f in "${CSV_FILES[@]}"; do
    # A staging table whose columns are the file's header row, every column TEXT.
    cols=$(head -1 "$EXTRACT/$f.csv" | tr -d '\r\357\273\277' | sed 's/,/ TEXT, /g')
    echo "CREATE TABLE stage_$f ($cols TEXT);"
  done
} >"$WORK/setup.sql"
# Row counts and sums of the converted columns, to check that base2 wrote what doorstep-cli import writes.
TOTALS_SQL="SELECT 't', 'borrowers', count(*), sum(monthly_income_fen), sum(monthly_expenses_fen), sum(latitude_e6),
  sum(longitude_e6) FROM borrowers
UNION ALL SELECT 't', 'contact_persons', count(*), sum(borrower_id), 0, 0, 0 FROM contact_persons
UNION ALL SELECT 't', 'credit_records', count(*), sum(borrower_id), sum(total_debt_fen), sum(worst_dpd_24m),
  sum(enquiries_6m) FROM credit_records
UNION ALL SELECT 't', 'loans', count(*), sum(borrower_id), sum(principal_fen), sum(rate_micros), sum(term_months)
  FROM loans
UNION ALL SELECT 't', 'instalments', count(*), sum(loan_id), sum(seq), sum(principal_fen), sum(interest_fen)
  FROM instalments
UNION ALL SELECT 't', 'payments', count(*), sum(loan_id), sum(amount_fen), 0, 0 FROM payments"
if [[ $HAS_CONTACT_EVENTS == 1 ]]; then
  TOTALS_SQL="$TOTALS_SQL
UNION ALL SELECT 't', 'contact_events', count(*), sum(borrower_id), sum(loan_id), sum(minute_of_day),
  sum(promised_amount_fen) FROM contact_events"
fi
mark() { echo "SELECT 'mark $1', printf('%.3f', (julianday('now') - 2440587.5) * 86400.0);"; }
{
  cat "$WORK/open.sql"
  mark begin
  echo "BEGIN;"
  for f in "${CSV_FILES[@]}"; do echo ".import --csv --skip 1 $EXTRACT/$f.csv stage_$f"; done
  mark imported
} >"$WORK/base-import.sql"
{
  cat "$WORK/base-import.sql"
  echo "COMMIT;"
  mark committed
} >"$WORK/base1.sql"
yuan_to_fen() { echo "CAST(round(coalesce(nullif($1, ''), '0') * 100) AS INTEGER)"; }
{
  cat "$WORK/base-import.sql"
  cat <<EOF
INSERT INTO borrowers (bank_id, name, id_number, phone, phone2, address, district, latitude_e6, longitude_e6,
                       employer, monthly_income_fen, monthly_expenses_fen)
  SELECT borrower_id, name, id_number, phone, phone2, address, district,
         CASE WHEN latitude = '' THEN NULL ELSE CAST(round(latitude * 1000000) AS INTEGER) END,
         CASE WHEN longitude = '' THEN NULL ELSE CAST(round(longitude * 1000000) AS INTEGER) END,
         employer, $(yuan_to_fen monthly_income), $(yuan_to_fen monthly_expenses)
  FROM stage_borrowers;
INSERT INTO contact_persons (borrower_id, relation, name, phone)
  SELECT b.id, s.relation, s.name, s.phone FROM stage_contacts s CROSS JOIN borrowers b ON b.bank_id = s.borrower_id;
INSERT INTO credit_records (borrower_id, report_date, overdue_accounts_elsewhere, worst_dpd_24m, total_debt_fen,
                            enquiries_6m)
  SELECT b.id, s.report_date, CAST(s.overdue_accounts_elsewhere AS INTEGER), CAST(s.worst_dpd_24m AS INTEGER),
         $(yuan_to_fen s.total_debt), CAST(s.enquiries_6m AS INTEGER)
  FROM stage_credit_records s CROSS JOIN borrowers b ON b.bank_id = s.borrower_id;
INSERT INTO loans (bank_id, borrower_id, product, principal_fen, rate_micros, start_date, term_months, method, officer)
  SELECT s.loan_id, b.id, s.product, $(yuan_to_fen s.principal), CAST(round(s.interest_rate * 10000) AS INTEGER),
         s.start_date, CAST(s.term_months AS INTEGER), s.repayment_method, s.officer
  FROM stage_loans s CROSS JOIN borrowers b ON b.bank_id = s.borrower_id;
INSERT INTO instalments (loan_id, seq, due_date, principal_fen, interest_fen)
  SELECT l.id, CAST(s.seq AS INTEGER), s.due_date, $(yuan_to_fen s.principal_due), $(yuan_to_fen s.interest_due)
  FROM stage_instalments s CROSS JOIN loans l ON l.bank_id = s.loan_id;
INSERT INTO payments (bank_id, loan_id, paid_date, amount_fen)
  SELECT s.payment_id, l.id, s.paid_date, $(yuan_to_fen s.amount)
  FROM stage_payments s CROSS JOIN loans l ON l.bank_id = s.loan_id;
EOF
  if [[ $HAS_CONTACT_EVENTS == 1 ]]; then
    # The call centre's contact history (schema 5 and later), as PortfolioWriter::contactAttempt writes it.
    cat <<EOF
INSERT OR IGNORE INTO contact_events (borrower_id, loan_id, contact_date, minute_of_day, channel, reached, outcome,
                                      promised_amount_fen, promised_date, source)
  SELECT b.id, l.id, substr(s.contact_time, 1, 10),
         CAST(substr(s.contact_time, 12, 2) AS INTEGER) * 60 + CAST(substr(s.contact_time, 15, 2) AS INTEGER),
         s.channel, s.reached, s.outcome, $(yuan_to_fen s.promised_amount), s.promised_date, 'call_centre'
  FROM stage_contact_history s CROSS JOIN borrowers b ON b.bank_id = s.borrower_id
  LEFT JOIN loans l ON l.bank_id = s.loan_id;
EOF
  fi
  mark converted
  for f in "${CSV_FILES[@]}"; do echo "DROP TABLE stage_$f;"; done
  mark dropped
  echo "COMMIT;"
  mark committed
} >"$WORK/base2.sql"
if [[ " ${CSV_FILES[*]} " == *" contact_history "* && $HAS_CONTACT_EVENTS == 0 ]]; then
  log "note: contact_history.csv is staged by the baselines, but this schema has no contact_events to convert it into"
fi

# Records the phases of a baseline from its 'mark NAME|unix time' lines.
baseline_phases() { # part run
  awk -F'|' -v part="$1" -v run="$2" '/^mark / {
      name = substr($1, 6); t[name] = $2; order[++n] = name }
    END { for (i = 2; i <= n; i++) printf "%s %s %s_s %.3f\n", part, run, order[i], t[order[i]] - t[order[i - 1]] }' \
    "$WORK/out.txt" >>"$RESULTS"
}

run_baseline() { # part run
  local part=$1 run=$2 db=$WORK/$1.db
  remove_db "$db"
  sqlcipher -bail "$db" <"$WORK/setup.sql" >/dev/null
  sync
  timed "$part" "$run" sqlcipher -bail -batch "$db" ".read $WORK/$part.sql"
  baseline_phases "$part" "$run"
  db_size "$part" "$run" "$db"
  if [[ $part == base2 && $run == 1 ]]; then
    { cat "$WORK/open.sql"; echo "$TOTALS_SQL;"; } | sqlcipher -bail -batch "$db" | grep '^t|' >"$WORK/totals-base2.txt"
    if [[ -f $WORK/totals-doorstep.txt ]]; then
      if cmp -s "$WORK/totals-doorstep.txt" "$WORK/totals-base2.txt"; then
        echo "check: base2 wrote the same row counts and sums of every fen, rate and row-id column as app::importExtract (bench_import)" |
          tee -a "$WORK/machine.txt" >&2
      else
        echo "check: base2 and app::importExtract (bench_import) DIFFER (row counts or sums):" | tee -a "$WORK/machine.txt" >&2
        diff "$WORK/totals-doorstep.txt" "$WORK/totals-base2.txt" | tee -a "$WORK/machine.txt" >&2 || true
      fi
    fi
  fi
  remove_db "$db"
}

# --- the runs, interleaved so that other load on the machine spreads over every part ------------------------
for run in $(seq 1 "$RUNS"); do
  if has_part cli; then
    db=$WORK/cli.db
    new_branch "$db"
    sync
    timed import "$run" "$CLI" --db "$db" --user "$USER_NAME" import "$EXTRACT"
    sed -n '1,2p' "$WORK/out.txt" | sed 's/^/    /' >&2
    db_size import "$run" "$db"
    timed reimport "$run" "$CLI" --db "$db" --user "$USER_NAME" import "$EXTRACT"
    sed -n '1p' "$WORK/out.txt" | sed 's/^/    /' >&2
    timed recompute "$run" "$CLI" --db "$db" --user "$USER_NAME" recompute --as-of 2026-12-31
    sed -n '1p' "$WORK/out.txt" | sed 's/^/    /' >&2
    remove_db "$db"
  fi
  if has_part stages; then
    db=$WORK/stages.db
    new_branch "$db"
    sync
    for part in stages_import stages_reimport; do
      timed "$part" "$run" "$BENCH_IMPORT" --db "$db" --user "$USER_NAME" import "$EXTRACT"
      awk -v part="$part" -v run="$run" 'NF == 2 { print part, run, $1, $2 }' "$WORK/out.txt" >>"$RESULTS"
      if [[ $part == stages_import && $run == 1 ]]; then
        "$BENCH_IMPORT" --db "$db" --user "$USER_NAME" query "$TOTALS_SQL" >"$WORK/totals-doorstep.txt"
      fi
    done
    timed stages_recompute "$run" "$BENCH_RECOMPUTE" --db "$db" --user "$USER_NAME" --times 2 --breakdown 2026-12-31
    cat "$WORK/out.txt" | sed 's/^/    /' >&2
    awk -v run="$run" '
      $1 == "walk" || $1 == "walk_and_assess" || $1 == "ledger_walk" || $1 == "ledger_walk_and_assess" {
                                                split($2, kv, "="); print "stages_recompute", run, $1 "_s", kv[2]
                                                split($3, kv, "="); print "stages_recompute", run, $1 "_cpu_s", kv[2] }
      $1 == "in_transaction" { split($3, kv, "="); print "stages_recompute", run, "in_transaction_s", kv[2]
                               split($4, kv, "="); print "stages_recompute", run, "in_transaction_cpu_s", kv[2] }
      $1 == "recompute" { split($3, r, "="); split($4, kv, "="); print "stages_recompute", run, "recompute" r[2] "_s", kv[2]
                          split($9, kv, "="); print "stages_recompute", run, "recompute" r[2] "_cpu_s", kv[2]
                          split($8, kv, "="); print "stages_recompute", run, "recompute" r[2] "_peak_rss_mib", kv[2] }' \
      "$WORK/out.txt" >>"$RESULTS"
    remove_db "$db"
  fi
  has_part base1 && run_baseline base1 "$run"
  has_part base2 && run_baseline base2 "$run"
done

# --- the summary -----------------------------------------------------------------------------------------------
[[ -n $RAW_OUT ]] && cp "$RESULTS" "$RAW_OUT"
echo
cat "$WORK/machine.txt"
echo
echo "N = $N loans, $RUNS run(s); min and max over the runs"
awk '{ key = $1 " " $3; v = $4 + 0
       if (!(key in mn)) { order[++n] = key; mn[key] = v; mx[key] = v }
       if (v < mn[key]) mn[key] = v; if (v > mx[key]) mx[key] = v }
     END { printf "%-18s %-28s %10s %10s\n", "part", "measure", "min", "max"
           for (i = 1; i <= n; i++) { split(order[i], k, " ")
             printf "%-18s %-28s %10.3f %10.3f\n", k[1], k[2], mn[order[i]], mx[order[i]] } }' "$RESULTS"
echo
echo "ratios of wall times (doorstep-cli import / baseline), per run and of the minimums"
awk '$3 == "wall_s" { t[$1, $2] = $4; runs[$2] = 1; parts[$1] = 1 }
     END { for (b = 1; b <= 2; b++) { base = "base" b
             if (!(base in parts)) continue
             for (p = 1; p <= 2; p++) { what = p == 1 ? "import" : "reimport"
               if (!(what in parts)) continue
               line = ""; mi = 0; mb = 0
               for (r in runs) { if ((what, r) in t && (base, r) in t) line = line sprintf(" run%s=%.2f", r, t[what, r] / t[base, r])
                                 if (mi == 0 || t[what, r] < mi) mi = t[what, r]; if (mb == 0 || t[base, r] < mb) mb = t[base, r] }
               printf "%-8s / %s:%s  min/min=%.2f\n", what, base, line, mi / mb } } }' "$RESULTS"
