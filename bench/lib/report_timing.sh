# Timing helpers of the report benchmarks (bench/run_liability.sh, bench/run_liability_pg.sh).
# Source it after common.sh; it needs $cli (the memberdesk-cli to measure).

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# runs: how many times each command is timed here. bench/run repeats whole scripts and takes its
# own median, so it asks for one (MEMBERDESK_BENCH_REPEAT=1); alone, a script takes three.
repeat=${MEMBERDESK_BENCH_REPEAT:-3}

run3() {  # command...: the median of $repeat wall-clock runs, in seconds
  local i start
  for ((i = 0; i < repeat; i++)); do
    start=$(date +%s.%N)
    "$@" >/dev/null
    echo "$(date +%s.%N) - $start" | bc
  done | median
}

# time_report CASE_PREFIX "BASELINE_NAME" BASELINE_SECONDS DB_URL OUTPUT_STEM REPORT "FORMATS" REPORT_ARGS...:
# each format's median and its ratio to the baseline, one line each, and its result line (case
# CASE_PREFIX + REPORT + _ + FORMAT); the files are OUTPUT_STEM.FORMAT.
time_report() {
  local prefix=$1 baseline_name=$2 baseline=$3 url=$4 stem=$5 report=$6 formats=$7 format ours
  shift 7
  for format in $formats; do
    ours=$(MEMBERDESK_PASSWORD=bench-password run3 "$cli" --db "$url" --user bench report "$report" "$@" \
             --format "$format" -o "$stem.$format")
    echo "report $report --format $format: ${ours} s, ratio $(echo "scale=2; $ours / $baseline" | bc)"
    bench_result "$prefix${report}_$format" "$ours" s "$baseline_name" "$baseline"
  done
}
