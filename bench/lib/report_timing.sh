# Timing helpers of the report benchmarks (bench/run_liability.sh, bench/run_liability_pg.sh).
# Source it; it needs $cli (the memberdesk-cli to measure).

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

run3() {  # command...: the median of three wall-clock runs, in seconds
  for i in 1 2 3; do
    local start=$(date +%s.%N)
    "$@" >/dev/null
    echo "$(date +%s.%N) - $start" | bc
  done | median
}

# time_report BASELINE_SECONDS DB_URL OUTPUT_STEM REPORT "FORMATS" REPORT_ARGS...: each format's
# median and its ratio to the baseline, one line each; the files are OUTPUT_STEM.FORMAT.
time_report() {
  local baseline=$1 url=$2 stem=$3 report=$4 formats=$5 format ours
  shift 5
  for format in $formats; do
    ours=$(MEMBERDESK_PASSWORD=bench-password run3 "$cli" --db "$url" --user bench report "$report" "$@" \
             --format "$format" -o "$stem.$format")
    echo "report $report --format $format: ${ours} s, ratio $(echo "scale=2; $ours / $baseline" | bc)"
  done
}
