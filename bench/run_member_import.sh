#!/usr/bin/env bash
# Member import at 1,000,000 rows: `memberdesk-cli member import` of a generated CSV into a new
# SQLite database (every row checked, pinyin keys made, six search indexes kept, one history
# line per member, all in one transaction) against the sqlite3 shell's `.import` of the same
# file into a bare table with no index. The goal is at most 3x.
# Usage: bench/run_member_import.sh [ROWS]   (files are kept in build/bench/)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MEMBERDESK_BUILD_DIR:-$root/build}
rows=${1:-1000000}
cmake --build "$build" --target memberdesk-cli | grep -E "error|FAILED" || true
mkdir -p "$build/bench"
csv="$build/bench/import-$rows.csv"
if [ ! -f "$csv" ]; then
  python3 - "$csv" "$rows" <<'PY'
import random, sys
path, rows = sys.argv[1], int(sys.argv[2])
surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范"
given = "伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉萍红辉建国文婷浩宇欣怡佳琪晨阳雪梅兰波鹏飞龙凤春冬晓东海林峰云颖慧志新"
prefixes = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "157", "158",
            "159", "166", "176", "177", "180", "181", "182", "185", "186", "187", "188", "189", "191", "198", "199"]
stores = ["北京朝阳店", "北京海淀店", "上海静安店", "上海浦东店", "广州天河店", "深圳南山店", "杭州西湖店", "成都锦江店"]
rng = random.Random(20261122)
with open(path, "w", encoding="utf-8", newline="") as f:
    f.write("姓名,手机号,邮箱,生日,性别,门店\r\n")
    for i in range(rows):
        name = rng.choice(surnames) + rng.choice(given) + (rng.choice(given) if rng.random() < 0.66 else "")
        mobile = "%s%08d" % (prefixes[i % 30], (i * 7919 + 12345) % 100000000)
        email = "u%d@example.com" % (i + 1) if i % 3 == 0 else ""
        birthday = "%04d-%02d-%02d" % (rng.randint(1950, 2005), rng.randint(1, 12), rng.randint(1, 28))
        f.write("%s,%s,%s,%s,%s,%s\r\n" % (name, mobile, email, birthday, rng.choice("男女"), rng.choice(stores)))
PY
fi
now_ms() { date +%s%N | awk '{printf "%.1f", $1/1000000}'; }
db="$build/bench/import-$rows.db"
rm -f "$db" "$db-wal" "$db-shm"
export MEMBERDESK_PASSWORD=bench-password
"$build/src/cli/memberdesk-cli" --db "sqlite3://db=$db" db init >/dev/null
t0=$(now_ms)
"$build/src/cli/memberdesk-cli" --db "sqlite3://db=$db" --user admin member import "$csv" | tail -1
t1=$(now_ms)
bare="$build/bench/import-bare-$rows.db"
rm -f "$bare"
s0=$(now_ms)
sqlite3 "$bare" ".mode csv" ".import '$csv' members"
s1=$(now_ms)
ours=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.0f", b-a}')
shell=$(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.0f", b-a}')
echo
printf "%-28s %10s ms\n" "memberdesk-cli member import" "$ours" "sqlite3 .import (bare table)" "$shell"
echo "ratio ours/shell: $(awk -v o="$ours" -v s="$shell" 'BEGIN{printf "%.2f", o/s}')   (goal: at most 3)"
echo "members in the database: $(sqlite3 "$db" 'SELECT COUNT(*) FROM members')"
