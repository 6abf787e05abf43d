#!/bin/sh
# cli-options-test.sh: the command-line tool's tests on what its options do,
# one case per call:
#   cli-options-test.sh CASE
# with TOOL, HELPER (cli-image), DATA and VERSION in the environment: the
# result against libjpeg-turbo round trips, --tables-from, the printed
# table and its stop rule, --quiet, --flatten, the schedule, the presets
# and --difference.
#
# Copyright (C) 2026 The JPEG Artifacts for GIMP authors
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu
# shellcheck source=cli-lib.sh
. "$(dirname "$0")/cli-lib.sh"

# The cases.

# reference_run IMAGE QUALITY SUBSAMPLING DCT GENERATIONS: the tool's result
# equals GENERATIONS round trips through libturbojpeg.
reference_run() {
  "$HELPER" roundtrip "$1" reference.pnm "$2" "$3" "$4" "$5" "${6:-viewers}"
  run --quiet --no-stop --quality "$2" --subsampling "$3" --dct "$4" --generations "$5" \
    --decode-as "${6:-viewers}" "$1" out.png
  expect_status 0
  "$HELPER" same reference.pnm out.png \
    || fail "$1 at quality $2, $3, $4 DCT, $5 generations, decoded as ${6:-viewers} differs from libjpeg-turbo"
}

case_matches_libjpeg_turbo() {
  reference_run "$DATA/coffee.png" 75 420 accurate 1
  reference_run "$DATA/chelsea.png" 50 444 fast 3
  reference_run "$DATA/chelsea.png" 30 422 accurate 2
  reference_run "$DATA/chelsea.png" 60 440 accurate 1
  reference_run "$DATA/chelsea.png" 90 411 fast 1
  reference_run "$DATA/coins.png" 90 420 accurate 2
}

# The floating-point DCT and GIMP's decoder (the float IDCT), against
# libjpeg-turbo's libjpeg API with JDCT_FLOAT.
# --tables-from a file with three tables, in slots 0, 2 and 3 (slot 1
# empty): each component on the file's own table, as libjpeg re-saving the
# file itself gives.
case_tables_from_three() {
  "$HELPER" make-jpeg3 "$DATA/chelsea.png" three.jpg || fail "make-jpeg3"
  for n in 1 3; do
    "$HELPER" resave-own three.jpg reference.ppm "$n" || fail "resave-own"
    run --quiet --no-stop --tables-from three.jpg --generations "$n" three.jpg out.png
    expect_status 0
    "$HELPER" same reference.ppm out.png \
      || fail "$n generations with three.jpg's tables differ from libjpeg re-saving it"
  done
}

case_float_and_decode_as() {
  reference_run "$DATA/coffee.png" 90 444 float 1
  reference_run "$DATA/chelsea.png" 30 420 float 3 gimp
  reference_run "$DATA/coins.png" 75 420 accurate 2 gimp
  reference_run "$DATA/chelsea.png" 60 422 fast 1 gimp
}

case_table_converges() {
  run --generations 200 "$DATA/coffee.png" out.png
  expect_status 0
  [ ! -s err.txt ] || fail "stderr not empty: $(cat err.txt)"
  n=$(table_rows | wc -l)
  [ "$n" -ge 2 ] && [ "$n" -lt 200 ] || fail "$n rows: the run did not stop at a fixed point"
  check_table "$n"
  table_rows | awk -v n="$n" '
    $2 != 75 || $3 != 0 || $4 != 0 { print "row " NR ": not quality 75 at (0, 0)"; exit 1 }
    NR < n && $5 == 0 { print "generation " NR " changed nothing but the run went on"; exit 1 }
    NR == n && $5 != 0 { print "the last generation changed pixels"; exit 1 }
  ' >awk.txt || fail "$(cat awk.txt)"
  grep -q -x "converged: generation $n changed no pixel; generations $((n - 1)) and later are identical" out.txt \
    || fail "no converged line for generation $n: $(tail -n 2 out.txt)"
  grep -q -x "stopped after generation $n of 200: the others would be the same (--no-stop runs them)" out.txt \
    || fail "no stopped line: $(tail -n 2 out.txt)"
  [ "$(wc -l <out.txt)" -eq $((n + 3)) ] || fail "unexpected lines: $(cat out.txt)"
  # The fixed point is real: n - 1 generations give the same image.
  "$TOOL" --quiet --generations $((n - 1)) "$DATA/coffee.png" before.png
  "$HELPER" same before.png out.png || fail "generation $((n - 1)) differs from generation $n"
  # The first row's figures are those of the first generation's image.
  "$TOOL" --quiet "$DATA/coffee.png" first.png
  expected=$("$HELPER" diff "$DATA/coffee.png" first.png)
  got=$(table_rows | awk 'NR == 1 { print $5, $6 }')
  [ "$got" = "$expected" ] || fail "row 1 says \"$got\" (changed, PSNR), the images \"$expected\""
  expected=$("$HELPER" diff "$DATA/coffee.png" out.png | awk '{ print $2 }')
  got=$(table_rows | awk -v n="$n" 'NR == n { print $6 }')
  [ "$got" = "$expected" ] || fail "the last row's PSNR is $got, the image's $expected"
  # The JPEG sizes are those of the files libjpeg-turbo writes for each
  # generation's input: the photo itself, then generation 1's result.
  expected=$(jpeg_kb "$DATA/coffee.png" 75 420 accurate)
  got=$(table_rows | awk 'NR == 1 { print $8 }')
  [ "$got" = "$expected" ] || fail "row 1's JPEG is $got kB, tjCompress2 writes $expected"
  expected=$(jpeg_kb first.png 75 420 accurate)
  got=$(table_rows | awk 'NR == 2 { print $8 }')
  [ "$got" = "$expected" ] || fail "row 2's JPEG is $got kB, tjCompress2 writes $expected"
  for coding in optimized progressive; do
    column=$([ $coding = optimized ] && echo 9 || echo 10)
    expected=$(jpeg_kb first.png 75 420 accurate $coding)
    got=$(table_rows | awk -v c="$column" 'NR == 2 { print $c }')
    [ "$got" = "$expected" ] || fail "row 2's $coding JPEG is $got kB, tjCompress2 writes $expected"
  done
  # A lossy generation lowers the SSIM below 1.
  table_rows | awk 'NR == 1 && ($7 >= 1 || $7 <= 0.5) { print "row 1: SSIM " $7; exit 1 }' \
    >awk.txt || fail "$(cat awk.txt)"
}

case_table_no_stop() {
  "$TOOL" --generations 200 "$DATA/coffee.png" first.png >first.txt
  n=$(awk '$1 ~ /^[0-9]+$/' first.txt | wc -l)
  run --no-stop --generations $((n + 4)) "$DATA/coffee.png" out.png
  expect_status 0
  check_table $((n + 4))
  table_rows | awk -v n="$n" 'NR >= n && $5 != 0 { print "generation " NR " changed pixels"; exit 1 }' \
    >awk.txt || fail "$(cat awk.txt)"
  grep -q -x "converged: generation $n changed no pixel; generations $((n - 1)) and later are identical" out.txt \
    || fail "no converged line for generation $n: $(tail -n 2 out.txt)"
  ! grep -q "^stopped" out.txt || fail "--no-stop run says it stopped"
  "$HELPER" same first.png out.png || fail "the images after the fixed point differ"
}

case_table_identical() {
  # Mid-gray has no DCT coefficient but DC 0: a fixed point from the start.
  "$HELPER" make-png flat.png flat 40 24
  run --generations 10 flat.png out.png
  expect_status 0
  check_table 1
  expected=$(printf '%10d  %7d  %2d  %2d  %14d  %9s  %7s  %10s  %14s  %16s' 1 75 0 0 0 inf 1.0000 \
    "$(jpeg_kb flat.png 75 420 accurate)" "$(jpeg_kb flat.png 75 420 accurate optimized)" \
    "$(jpeg_kb flat.png 75 420 accurate progressive)")
  [ "$(table_rows)" = "$expected" ] || fail "row: \"$(table_rows)\", expected \"$expected\""
  grep -q -x "converged: generation 1 changed no pixel; the input is already a fixed point" out.txt \
    || fail "converged line: $(cat out.txt)"
  "$HELPER" same flat.png out.png || fail "the image changed"
}

case_table_not_converged() {
  run --generations 2 "$DATA/chelsea.png" out.png
  expect_status 0
  check_table 2
  changed=$(table_rows | awk 'NR == 2 { print $5 }')
  grep -q -x "not converged: generation 2 still changed $changed pixels" out.txt \
    || fail "last line: $(tail -n 1 out.txt)"
}

case_table_jitter_drift() {
  run --generations 12 --quality 60 --quality-jitter 10 --grid-drift 3 --seed 42 "$DATA/coffee.png" a.png
  expect_status 0
  check_table 12
  table_rows | awk '
    $2 < 50 || $2 > 70 { print "quality " $2 " outside 60 +- 10"; exit 1 }
    $3 > 3 || $4 > 3 { print "offset (" $3 ", " $4 ") beyond 3"; exit 1 }
    { q[$2] = 1; if ($3 != 0 || $4 != 0) moved = 1 }
    END { n = 0; for (k in q) n++
          if (n < 2) { print "the quality never varied"; exit 1 }
          if (!moved) { print "the grid never moved"; exit 1 } }
  ' >awk.txt || fail "$(cat awk.txt)"
  tail -n 1 out.txt | grep -q "^no fixed point with quality jitter or grid drift: generation 12 changed" \
    || fail "last line: $(tail -n 1 out.txt)"
  cp out.txt a.txt
  # The same seed repeats the run; another seed makes another.
  run --generations 12 --quality 60 --quality-jitter 10 --grid-drift 3 --seed 42 "$DATA/coffee.png" b.png
  expect_status 0
  cmp -s a.txt out.txt || fail "the same seed gave another table"
  "$HELPER" same a.png b.png || fail "the same seed gave another image"
  run --generations 12 --quality 60 --quality-jitter 10 --grid-drift 3 --seed 43 "$DATA/coffee.png" c.png
  expect_status 0
  ! cmp -s a.txt out.txt || fail "another seed gave the same table"
}

case_table_value() {
  usage_error "--table must be text, csv or json, not xml" --table xml "$DATA/coffee.png" out.png
  usage_error "--table must be text, csv or json, not CSV" --table CSV "$DATA/coffee.png" out.png
  usage_error "--table needs a value" "$DATA/coffee.png" out.png --table
}

# csv_field ROW COLUMN: a field of the last run's CSV (row 1 the first
# generation).
csv_field() {
  awk -F, -v r="$1" -v c="$2" 'NR == r + 1 { print $c }' out.txt
}

case_table_csv() {
  run --table csv --generations 4 "$DATA/coffee.png" out.png
  expect_status 0
  [ ! -s err.txt ] || fail "stderr not empty: $(cat err.txt)"
  [ "$(head -n 1 out.txt)" = "generation,quality,dx,dy,changed,psnr,ssim,bytes,bytes_optimized,bytes_progressive" ] \
    || fail "header: $(head -n 1 out.txt)"
  [ "$(wc -l <out.txt)" -eq 5 ] || fail "not a header and 4 rows: $(cat out.txt)"
  awk -F, 'NR > 1 && (NF != 10 || $1 != NR - 1 || $2 != 75 || $3 != 0 || $4 != 0) {
      print "row " NR - 1 ": " $0; exit 1 }
    NR > 1 && ($8 !~ /^[0-9]+$/ || $9 !~ /^[0-9]+$/ || $10 !~ /^[0-9]+$/ || $9 >= $8) {
      print "row " NR - 1 ": sizes " $8 " " $9 " " $10; exit 1 }' out.txt >awk.txt \
    || fail "$(cat awk.txt)"
  cp out.txt table.csv
  # Changed pixels and PSNR of the images themselves.
  "$TOOL" --quiet "$DATA/coffee.png" first.png
  "$TOOL" --quiet --generations 4 "$DATA/coffee.png" fourth.png
  "$HELPER" same fourth.png out.png || fail "the table changed the result"
  set -- $("$HELPER" diff "$DATA/coffee.png" first.png)
  [ "$(csv_field 1 5)" = "$1" ] || fail "row 1 changed $(csv_field 1 5), the image $1"
  awk -v a="$(csv_field 1 6)" -v b="$2" 'BEGIN { exit !(a - b < 0.01 && b - a < 0.01) }' \
    || fail "row 1's PSNR $(csv_field 1 6), the image's $2"
  # The sizes, exact: the files libjpeg-turbo writes for each generation's
  # input, with the standard and with optimized Huffman tables.
  expected=$("$HELPER" jpeg-size "$DATA/coffee.png" 75 420 accurate)
  [ "$(csv_field 1 8)" = "$expected" ] || fail "row 1's file is $(csv_field 1 8) bytes, tjCompress2 writes $expected"
  expected=$(TJ_OPTIMIZE=1 "$HELPER" jpeg-size "$DATA/coffee.png" 75 420 accurate)
  [ "$(csv_field 1 9)" = "$expected" ] || fail "row 1's optimized file is $(csv_field 1 9) bytes, tjCompress2 writes $expected"
  expected=$("$HELPER" jpeg-size first.png 75 420 accurate)
  [ "$(csv_field 2 8)" = "$expected" ] || fail "row 2's file is $(csv_field 2 8) bytes, tjCompress2 writes $expected"
  expected=$(TJ_OPTIMIZE=1 "$HELPER" jpeg-size first.png 75 420 accurate)
  [ "$(csv_field 2 9)" = "$expected" ] || fail "row 2's optimized file is $(csv_field 2 9) bytes, tjCompress2 writes $expected"
  for row in 1 2; do
    input=$([ $row = 1 ] && echo "$DATA/coffee.png" || echo first.png)
    expected=$("$HELPER" jpeg-size "$input" 75 420 accurate progressive)
    [ "$(csv_field $row 10)" = "$expected" ] || fail "row $row's progressive file is $(csv_field $row 10) bytes, tjCompress2 writes $expected"
  done
  # The text table shows the same figures, rounded.
  run --generations 4 "$DATA/coffee.png" text.png
  expect_status 0
  table_rows | head -n 4 | awk '{ print $1, $6, $7, $8, $9, $10 }' >text.txt
  awk -F, 'NR > 1 { printf "%d %.2f %.4f %.1f %.1f %.1f\n", $1, $6, $7, $8 / 1000, $9 / 1000, $10 / 1000 }' table.csv >csv.txt
  cmp -s text.txt csv.txt || fail "text and CSV differ: $(cat text.txt) / $(cat csv.txt)"
  # Numbers keep their '.' in a locale with a decimal comma.
  status=0
  LC_ALL=de_DE.UTF-8 "$TOOL" --table csv --generations 4 "$DATA/coffee.png" de.png >out.txt 2>err.txt \
    || status=$?
  expect_status 0
  cmp -s out.txt table.csv || fail "the German locale changed the CSV: $(cat out.txt)"
}

# A generation whose grid drift makes a canvas wider than 65535 pixels
# writes no JPEG file: its sizes are "-" (text), empty (CSV) and null
# (JSON), not 0; without the drift the same image has its sizes.
case_table_no_file() {
  { printf 'P5\n65535 1\n255\n'; head -c 65535 /dev/zero | tr '\0' '\200'; } >wide.pgm
  run --generations 1 --grid-drift 7 --seed 1 wide.pgm out.pgm
  expect_status 0
  awk 'NR == 2 && ($3 == 0 || $8 != "-" || $9 != "-" || $10 != "-") {
      print "text row: " $0; exit 1 }' out.txt >awk.txt || fail "$(cat awk.txt)"
  run --table csv --generations 1 --grid-drift 7 --seed 1 wide.pgm out.pgm
  expect_status 0
  [ "$(csv_field 1 8)$(csv_field 1 9)$(csv_field 1 10)" = "" ] \
    || fail "CSV sizes: $(sed -n 2p out.txt)"
  run --table json --generations 1 --grid-drift 7 --seed 1 wide.pgm out.pgm
  expect_status 0
  python3 - out.txt >py.txt 2>&1 <<'PY' || fail "$(cat py.txt)"
import json, sys
g = json.load (open (sys.argv[1]))["generations"][0]
assert g["dx"] > 0, g
assert g["bytes"] is None and g["bytes_optimized"] is None \
    and g["bytes_progressive"] is None, g
PY
  run --table csv --generations 1 wide.pgm out.pgm
  expect_status 0
  [ "$(csv_field 1 8)" -gt 0 ] || fail "no drift: CSV sizes $(sed -n 2p out.txt)"
}

case_table_json() {
  run --table json --generations 200 "$DATA/coffee.png" out.png
  expect_status 0
  [ ! -s err.txt ] || fail "stderr not empty: $(cat err.txt)"
  cp out.txt table.json
  run --table csv --generations 200 "$DATA/coffee.png" out.png
  expect_status 0
  python3 - table.json out.txt >py.txt 2>&1 <<'PY' || fail "$(cat py.txt)"
import csv, json, sys
run = json.load (open (sys.argv[1]))
rows = list (csv.DictReader (open (sys.argv[2])))
s = run["settings"]
assert s["quality"] == 75 and s["generations"] == 200, s
assert s["subsampling"] == "420" and s["dct"] == "accurate", s
assert s["stop_at_fixed_point"] is True and s["schedule"] == "", s
gens = run["generations"]
assert len (gens) == len (rows) == run["generations_run"], (len (gens), len (rows))
assert 2 <= len (gens) < 200, len (gens)
for g, r in zip (gens, rows):
    assert sorted (g) == sorted (r), (sorted (g), sorted (r))
    for k in r:
        assert str (g[k]) == r[k] or abs (float (g[k]) - float (r[k])) < 1e-9, (k, g[k], r[k])
assert gens[-1]["changed"] == 0 and all (g["changed"] > 0 for g in gens[:-1])
assert run["fixed_point"] == len (gens) and run["stopped_early"] is True, run
PY
  # Identical images: an infinite PSNR is null, the SSIM 1.
  "$HELPER" make-png flat.png flat 64 48
  run --table json --generations 3 flat.png flat-out.png
  expect_status 0
  python3 - out.txt >py.txt 2>&1 <<'PY' || fail "$(cat py.txt)"
import json, sys
run = json.load (open (sys.argv[1]))
g = run["generations"][0]
assert g["psnr"] is None and g["ssim"] == 1 and g["changed"] == 0, g
assert run["fixed_point"] == 1, run
PY
}


case_quiet() {
  run --quiet --generations 3 "$DATA/chelsea.png" quiet.png
  expect_status 0
  [ ! -s out.txt ] || fail "--quiet printed: $(cat out.txt)"
  [ ! -s err.txt ] || fail "--quiet printed on stderr: $(cat err.txt)"
  "$TOOL" --generations 3 "$DATA/chelsea.png" loud.png >/dev/null
  "$HELPER" same quiet.png loud.png || fail "--quiet changed the result"
}

case_flatten() {
  # Fully transparent pixels of random colours: flattened, the encoder sees
  # only the background, and the decoded colours are near it; alpha stays 0.
  "$HELPER" make-png clear.png clear 32 32
  run --quiet --quality 95 --subsampling 444 --background ff0000 clear.png red.png
  expect_status 0
  "$HELPER" near red.png 3 255 0 0 0 || fail "--background ff0000 did not flatten onto red"
  run --quiet --quality 95 --subsampling 444 --flatten clear.png white.png
  expect_status 0
  "$HELPER" near white.png 3 255 255 255 0 || fail "--flatten did not flatten onto white"
  run --quiet --quality 95 --subsampling 444 clear.png own.png
  expect_status 0
  ! "$HELPER" near own.png 3 255 255 255 0 2>/dev/null || fail "without --flatten the colours were lost"
  "$HELPER" same-alpha clear.png own.png || fail "alpha changed"
  # On an image without alpha, --flatten changes nothing and says so.
  run --flatten "$DATA/coins.png" coins.png
  expect_status 0
  grep -q -x "jpeg-artifacts: note: --flatten changes nothing: $DATA/coins.png has no alpha channel" err.txt \
    || fail "no note: $(cat err.txt)"
}

case_schedule_errors() {
  # Each names the word, where it is (its byte offset, as the plug-in
  # says it) and what is wrong.
  usage_error "--schedule: 'q150' at byte 4 is not a quality: 'q' takes 1 to 100" --schedule "q75;q150 x0.5" "$DATA/coffee.png" out.png
  usage_error "--schedule: 'q99999999999999999999999' at byte 4 is not a quality: 'q' takes 1 to 100" --schedule "q75;q99999999999999999999999" "$DATA/coffee.png" out.png
  usage_error "--schedule: 'x2' at byte 4 is not a scale: 'x' takes 0.05 to 1, '%' 5 to 100" --schedule "q75 x2" "$DATA/coffee.png" out.png
  usage_error "--schedule: '*0' at byte 3 is not a repeat: '*' takes 1 to 64" --schedule "q75*0" "$DATA/coffee.png" out.png
  usage_error "--schedule: '*99999999999' at byte 3 is not a repeat: '*' takes 1 to 64" --schedule "q75*99999999999" "$DATA/coffee.png" out.png
  usage_error "--schedule: 'blur' at byte 0 is not a word a schedule knows: qN (1..100), tables," --schedule "blur" "$DATA/coffee.png" out.png
  usage_error "--schedule: 'fuzzy' at byte 9 is not a word a schedule knows" --schedule "q75 x0.8 fuzzy" "$DATA/coffee.png" out.png
  usage_error "--schedule: 'sat9' at byte 4 is out of range: 'sat', 'con' and 'sharp' take 0 to 4" --schedule "q60 sat9" "$DATA/coffee.png" out.png
  # A number is read by its value whatever its length (here 400 zeros),
  # as a quality of many digits is: out of range, not an unknown word.
  zeros=$(printf '%0400d' 0)
  usage_error "--schedule: 'x0.${zeros}5' at byte 4 is not a scale: 'x' takes 0.05 to 1, '%' 5 to 100" --schedule "q75 x0.${zeros}5" "$DATA/coffee.png" out.png
  usage_error "--schedule: 'sat9${zeros}' at byte 4 is out of range: 'sat', 'con' and 'sharp' take 0 to 4" --schedule "q60 sat9${zeros}" "$DATA/coffee.png" out.png
  usage_error "--schedule: the step at byte 4 is empty (two ';' with nothing between them)" --schedule "q75;;q60" "$DATA/coffee.png" out.png
  usage_error "--schedule: the step at byte 9 makes more than 64 steps" --schedule "q75 *64; q60" "$DATA/coffee.png" out.png
  usage_error "--saturation must be a number from 0 to 4" --saturation 4.5 "$DATA/coffee.png" out.png
  usage_error "--contrast must be a number from 0 to 4" --contrast -1 "$DATA/coffee.png" out.png
  usage_error "--sharpen must be a number from 0 to 4" --sharpen 1,5 "$DATA/coffee.png" out.png
  usage_error "--saturation must be a number from 0 to 4" --saturation 40000000000000000000 "$DATA/coffee.png" out.png
  usage_error "--preset must be one of light-resave, shared, deep-fried, reshare-chain, not fried" --preset fried "$DATA/coffee.png" out.png
  usage_error "is not a JPEG file" --tables-from "$DATA/coffee.png" "$DATA/coffee.png" out.png
  [ ! -e out.png ] || fail "out.png was created"
}

# "tables" without --tables-from is a usage error before anything runs.
case_schedule_tables_needs_file() {
  usage_error "--schedule: the word 'tables' at byte 5 saves with the tables of --tables-from FILE, which is not given" \
    --schedule "q90; tables" "$DATA/coffee.png" out.png
  [ ! -e out.png ] || fail "out.png was created"
  run --quiet --schedule "q90; tables" --tables-from "$DATA/Garden.jpg" "$DATA/coins.png" out.png
  expect_status 0
}

# A schedule runs all its steps unless --generations is given; when
# --generations cuts it short or repeats its last step, the first line says
# so.
case_schedule_generations() {
  schedule="q95; q75 x0.8; q60 x0.6 bicubic"
  run --schedule "$schedule" "$DATA/coins.png" out.png
  expect_status 0
  check_table 3
  [ "$(sed -n 1p out.txt)" = "generation  quality  dx  dy  changed pixels  PSNR (dB)     SSIM   JPEG (kB)  optimized (kB)  progressive (kB)" ] \
    || fail "a line before the table: $(sed -n 1p out.txt)"
  qualities=$(table_rows | awk '{ printf "%s ", $2 }')
  [ "$qualities" = "95 75 60 " ] || fail "qualities $qualities, expected 95 75 60"
  [ ! -s err.txt ] || fail "stderr: $(cat err.txt)"
  # "*N" counts N steps.
  run --schedule "q95 *2; q70" "$DATA/coins.png" out.png
  check_table 3
  # Fewer generations cut it short, and say so first.
  run --schedule "$schedule" --generations 1 "$DATA/coins.png" out.png
  expect_status 0
  [ "$(sed -n 1p out.txt)" = "the schedule has 3 steps; --generations 1 cuts it short" ] \
    || fail "first line: $(sed -n 1p out.txt)"
  check_table 1
  # More repeat the last step.
  run --no-stop --schedule "$schedule" --generations 5 "$DATA/coins.png" out.png
  expect_status 0
  [ "$(sed -n 1p out.txt)" = "the schedule has 3 steps; --generations 5 repeats the last one for generations 4 to 5" ] \
    || fail "first line: $(sed -n 1p out.txt)"
  check_table 5
  # As many as it has steps: nothing to say, wherever --generations is.
  run --generations 3 --schedule "$schedule" "$DATA/coins.png" out.png
  check_table 3
  [ "$(sed -n 1p out.txt)" = "generation  quality  dx  dy  changed pixels  PSNR (dB)     SSIM   JPEG (kB)  optimized (kB)  progressive (kB)" ] \
    || fail "a line before the table: $(sed -n 1p out.txt)"
  # A preset's schedule comes with its own count, which --generations
  # changes.
  run --preset reshare-chain --generations 2 "$DATA/coins.png" out.png
  [ "$(sed -n 1p out.txt)" = "the schedule has 4 steps; --generations 2 cuts it short" ] \
    || fail "first line: $(sed -n 1p out.txt)"
  check_table 2
  # A --schedule after a preset runs all its steps.
  run --preset shared --schedule "q80; q70" "$DATA/coins.png" out.png
  check_table 2
  # Colour changes alone make no schedule to mention.
  run --sharpen 0.5 --generations 2 "$DATA/coins.png" out.png
  check_table 2
  grep -q '^the schedule' out.txt && fail "a schedule line without a schedule"
  # --quiet prints nothing, and the schedule still runs whole.
  run --quiet --schedule "$schedule" "$DATA/coins.png" quiet.png
  expect_status 0
  [ ! -s out.txt ] && [ ! -s err.txt ] || fail "--quiet printed: $(cat out.txt err.txt)"
  "$TOOL" --quiet --schedule "$schedule" --generations 3 "$DATA/coins.png" three.png
  "$HELPER" same quiet.png three.png || fail "the schedule without --generations did not run its 3 steps"
}

# same_run "ARGS A" "ARGS B": the tool gives the same pixels for both.
same_run() {
  # shellcheck disable=SC2086
  "$TOOL" --quiet $1 "$DATA/chelsea.png" a.png || fail "jpeg-artifacts $1"
  # shellcheck disable=SC2086
  "$TOOL" --quiet $2 "$DATA/chelsea.png" b.png || fail "jpeg-artifacts $2"
  "$HELPER" same a.png b.png || fail "\"$1\" and \"$2\" give different pixels"
}

case_presets() {
  same_run "--preset light-resave" "--quality 90 --generations 2"
  # Digits past a double's 15 are read, and change nothing.
  same_run "--saturation 1.1500000000000000001 --contrast 0000000000000001.06" \
    "--saturation 1.15 --contrast 1.06"
  same_run "--preset shared --seed 4" "--seed 4 --quality 65 --generations 6 --quality-jitter 5 --grid-drift 3"
  same_run "--preset deep-fried" "--quality 15 --generations 10 --saturation 1.15 --contrast 1.06 --sharpen 0.5"
  "$TOOL" --quiet --preset reshare-chain "$DATA/chelsea.png" a.png
  "$TOOL" --quiet --generations 4 --grid-drift 2 \
    --schedule "q95; q75 x0.8 lanczos; q60 x0.6 bicubic; q45 x0.5 bilinear" \
    "$DATA/chelsea.png" b.png
  "$HELPER" same a.png b.png || fail "--preset reshare-chain differs from its schedule"
  # Later options change the preset's look.
  same_run "--preset deep-fried --quality 40" "--quality 40 --generations 10 --saturation 1.15 --contrast 1.06 --sharpen 0.5"
  "$HELPER" same a.png "$DATA/chelsea.png" 2>/dev/null && fail "a preset changed nothing"
  true
}

# A preset saved in the dialog (GIMP's folder, the key file the dialog
# writes) runs with --preset NAME as its look's options do; a preset whose
# key is out of range is refused naming the file, the line and the key,
# and a file that does not parse naming the file and the line.
case_preset_user() {
  mkdir -p gimp
  cat >gimp/jpeg-artifacts-presets.ini <<'EOF'
[My look]
quality=33
generations=3
subsampling=1
dct=0
quality-jitter=4
grid-drift=2
use-original=0
saturation=1.25
contrast=0.9
sharpen=0.25
schedule=q70; q40 x0.7 bicubic

EOF
  # The same preset with 300000 generations (line 16).
  sed -e 's/^\[My look\]$/[Broken]/' -e 's/^generations=3$/generations=300000/' \
    -e '/^$/d' gimp/jpeg-artifacts-presets.ini >broken.ini
  # One that saves with the original file's settings (line 28 on).
  sed -e 's/^\[My look\]$/[Scans]/' -e 's/^use-original=0$/use-original=1/' \
    -e 's/^schedule=.*$/schedule=/' gimp/jpeg-artifacts-presets.ini >scans.ini
  cat broken.ini scans.ini >>gimp/jpeg-artifacts-presets.ini
  # Without --tables-from it has no tables: refused, not run at quality 33.
  usage_error "--preset Scans saves with the quantization tables and subsampling of the JPEG file the image came from: give that file with --tables-from FILE" \
    --preset Scans "$DATA/coffee.png" out.png
  "$TOOL" --quiet --preset Scans --tables-from "$DATA/Garden.jpg" \
    "$DATA/coffee.png" scans.png || fail "--preset Scans --tables-from failed"
  "$TOOL" --quiet --seed 5 --preset "My look" "$DATA/chelsea.png" a.png \
    || fail "--preset 'My look' failed"
  "$TOOL" --quiet --seed 5 --quality 33 --generations 3 --subsampling 422 \
    --quality-jitter 4 --grid-drift 2 --saturation 1.25 --contrast 0.9 \
    --sharpen 0.25 --schedule "q70; q40 x0.7 bicubic" "$DATA/chelsea.png" b.png
  "$HELPER" same a.png b.png || fail "--preset 'My look' differs from its options"
  usage_error "--preset Broken cannot be used: Your preset “Broken” in “$work/gimp/jpeg-artifacts-presets.ini”, line 16: key “generations” is “300000”; it must be a whole number from 1 to 1000." \
    --preset Broken "$DATA/coffee.png" out.png
  usage_error "--preset must be one of light-resave, shared, deep-fried, reshare-chain, My look, Scans, not fried" \
    --preset fried "$DATA/coffee.png" out.png
  printf 'garbage\n' >>gimp/jpeg-artifacts-presets.ini
  usage_error "--preset My look cannot be used: Your presets in “$work/gimp/jpeg-artifacts-presets.ini” could not be read: line 39:" \
    --preset "My look" "$DATA/coffee.png" out.png
  [ ! -e out.png ] || fail "out.png was created"
}

# --save-preset NAME alone saves the look the other options give and
# exits 0; --preset NAME then gives the same pixels as those options; a
# preset saved with a run keeps the one saved before.  A name a key file
# cannot hold and a built-in one are refused, and a file that cannot be
# written is reported: none of them changes the file.
case_save_preset() {
  run --quality 20 --generations 5 --sharpen 0.5 --save-preset mine
  expect_status 0
  [ ! -s err.txt ] || fail "stderr not empty: $(cat err.txt)"
  grep -q -F "saved the preset \"mine\" in $work/gimp/jpeg-artifacts-presets.ini" out.txt \
    || fail "no confirmation: $(cat out.txt)"
  grep -q -x '\[mine\]' gimp/jpeg-artifacts-presets.ini || fail "no [mine] in the file"
  same_run "--preset mine" "--quality 20 --generations 5 --sharpen 0.5"
  run --quiet --preset mine --quality 40 --save-preset other "$DATA/coffee.png" out.png
  expect_status 0
  [ -s out.png ] || fail "the run with --save-preset wrote no OUTPUT"
  same_run "--preset other" "--quality 40 --generations 5 --sharpen 0.5"
  same_run "--preset mine" "--quality 20 --generations 5 --sharpen 0.5"
  cp gimp/jpeg-artifacts-presets.ini before.ini
  run --save-preset "$(printf 'a\tb')"
  expect_error 1 "--save-preset: A preset's name must be shorter than 128 bytes and hold no “[”, “]”, tab, line break or other control character."
  run --save-preset deep-fried
  expect_error 1 "is the name of a built-in preset"
  cmp -s before.ini gimp/jpeg-artifacts-presets.ini || fail "a refused name changed the file"
  # GIMP's folder is a file: nothing can be saved there.
  : >folder-file
  status=0
  GIMP2_DIRECTORY=$work/folder-file "$TOOL" --save-preset third >out.txt 2>err.txt || status=$?
  expect_error 1 "--save-preset: Your presets could not be saved in “$work/folder-file/jpeg-artifacts-presets.ini”"
}

# hold_presets_lock: another program (flock, its id in $holder) holds the
# presets file's lock, as one stopped in the middle of a save would, until
# release_presets_lock.  The lock is flock's own (-o: not passed on to
# sleep), so that killing flock frees it.
hold_presets_lock() {
  flock -o gimp/jpeg-artifacts-presets.ini.lock sleep 60 >/dev/null 2>&1 &
  holder=$!
  tries=0
  while flock -n gimp/jpeg-artifacts-presets.ini.lock true; do
    tries=$((tries + 1))
    [ "$tries" -lt 500 ] || fail "the lock holder never took the lock"
    sleep 0.01
  done
}

release_presets_lock() {
  pkill -P "$holder" sleep || true
  kill "$holder" 2>/dev/null || true
  wait "$holder" 2>/dev/null || true
}

# expect_presets_unchanged: the presets file is before.ini's bytes, and
# its folder holds nothing else than it and its lock.
expect_presets_unchanged() {
  cmp -s before.ini gimp/jpeg-artifacts-presets.ini || fail "$1 changed the file"
  leftovers=$(ls -A gimp | grep -v -x -e jpeg-artifacts-presets.ini -e jpeg-artifacts-presets.ini.lock || true)
  [ -z "$leftovers" ] || fail "files left in the folder: $leftovers"
}

# A --save-preset while another program holds the presets file's lock
# (one stopped in the middle of a save) waits a few seconds, then fails
# with a message naming the file and the lock, and changes nothing; once
# the lock is free, the same save works.
case_save_preset_locked() {
  run --quality 20 --save-preset mine
  expect_status 0
  cp gimp/jpeg-artifacts-presets.ini before.ini
  hold_presets_lock
  run --quality 40 --save-preset other
  release_presets_lock
  expect_error 1 "--save-preset: Your presets could not be saved in “$work/gimp/jpeg-artifacts-presets.ini”: another program has been changing it for 5 seconds (it holds “$work/gimp/jpeg-artifacts-presets.ini.lock”). Try again once it is done."
  expect_presets_unchanged "the refused save"
  run --quality 40 --save-preset other
  expect_status 0
  grep -q -x '\[other\]' gimp/jpeg-artifacts-presets.ini || fail "no [other] in the file"
  grep -q -x '\[mine\]' gimp/jpeg-artifacts-presets.ini || fail "[mine] lost"
}

# An interrupt while --save-preset waits for another program's lock (alone
# or before a run) ends the tool at once, by that signal and without a
# message, as an interrupt does anywhere else: the presets file unchanged,
# no temporary file left, no OUTPUT written.  The signal comes once the
# tool has opened the lock file (it then waits for the lock), and the lock
# is freed a second later, long before the 5 seconds the wait lasts: a
# tool that held the signal back until the end of its save would then save
# the preset, and only after that end by the signal.
case_save_preset_locked_interrupt() {
  run --quality 20 --save-preset mine
  expect_status 0
  cp gimp/jpeg-artifacts-presets.ini before.ini
  for signal in INT TERM; do
    hold_presets_lock
    if [ "$signal" = INT ]; then
      env --default-signal "$TOOL" --quality 40 --save-preset other \
        >out.txt 2>err.txt &
    else
      env --default-signal "$TOOL" --quality 40 --save-preset other \
        "$DATA/coffee.png" out.png >out.txt 2>err.txt &
    fi
    pid=$!
    tries=0
    until ls -l "/proc/$pid/fd" 2>/dev/null | grep -q 'jpeg-artifacts-presets\.ini\.lock$'; do
      tries=$((tries + 1))
      [ "$tries" -lt 1000 ] || fail "the tool never opened the lock file: $(cat err.txt)"
      sleep 0.01
    done
    kill -s "$signal" "$pid"
    sleep 1
    release_presets_lock
    expect_killed_by "$signal"
    [ ! -s err.txt ] || fail "SIG$signal: stderr: $(cat err.txt)"
    [ ! -s out.txt ] || fail "SIG$signal: stdout: $(cat out.txt)"
    [ ! -e out.png ] || fail "SIG$signal: the cancelled run wrote out.png"
    expect_presets_unchanged "SIG$signal during the wait for the lock"
  done
}

case_schedule_table() {
  run --schedule "q90 444; q50 422 x0.5 bicubic; q20 sat1.5 *2" --generations 6 "$DATA/coffee.png" out.png
  expect_status 0
  check_table 6
  qualities=$(table_rows | awk '{ printf "%s ", $2 }')
  [ "$qualities" = "90 50 20 20 20 20 " ] || fail "qualities $qualities, expected 90 50 20 20 20 20"
  # A one-step schedule of a plain save is the plain run.
  "$TOOL" --quiet --schedule "q40 422" --generations 3 "$DATA/coffee.png" a.png
  "$TOOL" --quiet --quality 40 --subsampling 422 --generations 3 "$DATA/coffee.png" b.png
  "$HELPER" same a.png b.png || fail "--schedule \"q40 422\" differs from --quality 40 --subsampling 422"
  # Scaling changes the pixels.
  "$TOOL" --quiet --schedule "q40 422 x0.5" --generations 3 "$DATA/coffee.png" c.png
  "$HELPER" same a.png c.png 2>/dev/null && fail "x0.5 changed nothing"
  true
}

case_difference() {
  "$TOOL" --quiet --quality 20 --generations 3 "$DATA/chelsea.png" result.png
  run --quiet --difference --quality 20 --generations 3 "$DATA/chelsea.png" difference.png
  expect_status 0
  "$HELPER" difference8 result.png "$DATA/chelsea.png" difference.png \
    || fail "--difference is not 8 |result - input|"
  "$HELPER" make-png rgba.png rgba 40 30
  "$TOOL" --quiet --quality 20 rgba.png result.png
  "$TOOL" --quiet --difference --quality 20 rgba.png difference.png
  "$HELPER" difference8 result.png rgba.png difference.png \
    || fail "--difference with alpha is not 8 |result - input| with alpha kept"
}

name=$(echo "${1:?usage: cli-options-test.sh CASE}" | tr - _)
"case_$name"
echo "ok: $1"
