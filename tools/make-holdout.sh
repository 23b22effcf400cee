#!/usr/bin/env bash
# Builds the held-out real image set: random square crops of photographs from three Debian packages
# (mate-backgrounds, lomiri-wallpapers-16.04, lomiri-wallpapers-20.04), rendered in eight ImageMagick
# effects that are not among the development set's (realstyles) nine. Nobody tunes on this set: it
# checks that what works on realstyles also works on other pictures and other effects.
#
# Usage: tools/make-holdout.sh OUT_DIR [SIZE]
#   OUT_DIR  must not exist or be empty; gets the WikiArt layout:
#            train/<Style>/hNNN.jpg, test/<Style>/hNNN.jpg (every third image is test),
#            content/train/hNNN.jpg, content/test/hNNN.jpg (the unstyled crops), README.md,
#            sources.tsv (where each crop comes from) and a copy of this script.
#   SIZE     side of the square images in pixels (default 128).
# Needs ImageMagick 6 (convert, identify), apt-get and dpkg-deb; downloads the three packages with
# `apt-get download` into a temporary folder (no root needed) and unpacks them with `dpkg-deb -x`.
# Deterministic: the same packages give the same files (fixed bash RANDOM seed, no random effects).
set -euo pipefail

die() { echo "make-holdout: $*" >&2; exit 2; }

[ $# -ge 1 ] && [ $# -le 2 ] || die "usage: tools/make-holdout.sh OUT_DIR [SIZE]"
out=$1 size=${2:-128}
[[ $size =~ ^[0-9]+$ ]] && (( size >= 32 && size <= 1024 )) || die "SIZE must be an integer from 32 to 1024, got '$size'"
if [ -e "$out" ] && [ -n "$(ls -A "$out" 2>/dev/null || echo x)" ]; then
  die "OUT_DIR '$out' exists and is not an empty folder; remove it or choose another"
fi
for c in convert identify; do
  command -v "$c" >/dev/null || die "ImageMagick's '$c' is missing (Debian: apt-get install imagemagick)"
done
convert -version 2>/dev/null | grep -q '^Version: ImageMagick' \
  || die "'convert' is not ImageMagick ($(command -v convert)); install it (Debian: apt-get install imagemagick)"
command -v apt-get >/dev/null || die "apt-get is missing: the sources are Debian packages fetched with 'apt-get download'"
command -v dpkg-deb >/dev/null || die "dpkg-deb is missing: it unpacks the downloaded packages"

packages=(mate-backgrounds lomiri-wallpapers-16.04 lomiri-wallpapers-20.04)
# The photographs in those packages (drawings, renders and patterns are left out). Licences, from
# each package's copyright file: mate-backgrounds nature/* GPL-2+; lomiri-wallpapers CC-BY-4.0,
# CC-BY-SA-4.0, CC0-1.0 (16.04) and CC-BY-SA-3.0 (Kleiber). All three packages are in Debian main.
nature=usr/share/backgrounds/mate/nature lomiri=usr/share/backgrounds
photos=(
  $nature/{Aqua,Blinds,Dune,FreshFlower,Garden,GreenMeadow,LadyBird,RainDrops,Storm,TwoWings}.jpg
  $nature/Wood.jpg  # all of its crops turn out nearly flat: none is kept
  $nature/YellowFlower.jpg
  $lomiri/{Bridge_by_Sander_Klootwijk,Dragonfly_by_Bolly,Picture_0B_by_freespace,Picture_1A_by_freespace}.jpg
  $lomiri/{Wine_by_Jakkub_Mede,aitzgorri_by_Aitzol_Berasategi,free_by_Peter_Nerlich}.jpg
  $lomiri/{friends,life,picosdeeuropa}_by_Aitzol_Berasategi.jpg
  $lomiri/{seeding_by_Clements_Engelhardt,sunset_by_Aitzol_Berasategi,Kleiber_by_Lukas_Baubkus}.jpg
)
styles=(OilPaint Charcoal Sepia MotionBlur Infrared Vignette Stencil Negative)
crops_per_photo=12

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/pkg" "$tmp/root" "$tmp/w"
( cd "$tmp/pkg" && apt-get download "${packages[@]}" ) >"$tmp/apt.log" 2>&1 \
  || { cat "$tmp/apt.log" >&2; die "'apt-get download ${packages[*]}' failed (run 'apt-get update' first if the lists are missing)"; }
versions=""
for p in "${packages[@]}"; do
  deb=$(ls "$tmp/pkg/${p}"_*.deb 2>/dev/null | head -1) || true
  [ -n "$deb" ] || die "apt-get download left no .deb for $p in $tmp/pkg"
  dpkg-deb -x "$deb" "$tmp/root"
  versions+="$p $(dpkg-deb -f "$deb" Version)"$'\n'
done
for f in "${photos[@]}"; do
  [ -f "$tmp/root/$f" ] || die "photograph /$f is not in the downloaded packages (${packages[*]}); were they renamed?"
done

mkdir -p "$out"
out=$(cd "$out" && pwd)
for split in train test; do
  for s in "${styles[@]}"; do mkdir -p "$out/$split/$s"; done
  mkdir -p "$out/content/$split"
done
printf 'name\tsplit\tphotograph\tworking_size\tcrop\n' > "$out/sources.tsv"

RANDOM=20261206
n=0
emit() { # emit BASE PHOTO WORKING_SIZE CROP: writes the content image and its styles; nearly flat crops are dropped
  local base=$1 sd mean name split=train
  sd=$(identify -format '%[fx:standard_deviation]' "$base")
  awk -v s="$sd" 'BEGIN { exit !(s >= 0.06) }' || return 0
  mean=$(convert "$base" -colorspace gray -format '%[fx:100*mean]' info:)
  n=$((n+1)); name=$(printf 'h%03d' "$n")
  (( n % 3 == 0 )) && split=test
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$split" "$2" "$3" "$4" >> "$out/sources.tsv"
  # One process per image; each effect works on a clone of the base.
  convert "$base" -quality 92 \
    \( +clone -write "$out/content/$split/$name.jpg" +delete \) \
    \( +clone -paint 4 -write "$out/$split/OilPaint/$name.jpg" +delete \) \
    \( +clone -charcoal 2 -write "$out/$split/Charcoal/$name.jpg" +delete \) \
    \( +clone -sepia-tone 80% -write "$out/$split/Sepia/$name.jpg" +delete \) \
    \( +clone -motion-blur 0x8+45 -write "$out/$split/MotionBlur/$name.jpg" +delete \) \
    \( +clone -color-matrix '0 1 0 1 0 0 0 0 1' -modulate 100,140 -write "$out/$split/Infrared/$name.jpg" +delete \) \
    \( +clone -modulate 100,160 -background black -vignette 0x$(( size * 20 / 128 )) -write "$out/$split/Vignette/$name.jpg" +delete \) \
    \( +clone -colorspace gray -threshold "$mean%" -colorspace sRGB -write "$out/$split/Stencil/$name.jpg" +delete \) \
    \( +clone -negate -write "$out/$split/Negative/$name.jpg" +delete \) \
    null:
}

i=0
for f in "${photos[@]}"; do
  # decode each photograph once, at a working size
  i=$((i+1)); w="$tmp/w/$i.png"
  convert "$tmp/root/$f[0]" -auto-orient -resize '1600x1600>' -alpha off "$w"
  read -r pw ph < <(identify -format '%w %h\n' "$w")
  for (( k = 0; k < crops_per_photo; k++ )); do
    # a random square crop of a third to a half of the shorter side
    s=$(( (pw < ph ? pw : ph) * (33 + RANDOM % 18) / 100 ))
    x=$(( RANDOM % (pw - s + 1) )); y=$(( RANDOM % (ph - s + 1) ))
    convert "$w" -crop "${s}x${s}+${x}+${y}" +repage -resize "${size}x${size}!" -alpha off "$tmp/base.png"
    emit "$tmp/base.png" "/$f" "${pw}x${ph}" "${s}x${s}+${x}+${y}"
  done
done

ntest=$(( n / 3 )); ntrain=$(( n - ntest ))
nused=$(tail -n +2 "$out/sources.tsv" | cut -f3 | sort -u | wc -l)
cp "$0" "$out/make-holdout.sh"
cat > "$out/README.md" <<EOF
# holdout: real photographs in eight image effects (held out: nobody tunes on it)

$n real images, each rendered in ${#styles[@]} styles, to check on other pictures and other effects
what was developed on \`realstyles\`. Use it to measure, never to choose settings. The layout is the
WikiArt one, as in realstyles:

- \`train/<Style>/hNNN.jpg\` ($ntrain per style), \`test/<Style>/hNNN.jpg\` ($ntest per style): the
  same crop appears in every style under the same file name; every third crop is test.
  Crops of one photograph fall into both splits (they may overlap), as in realstyles.
- \`content/train/hNNN.jpg\`, \`content/test/hNNN.jpg\`: the unstyled crops.
- Styles (ImageMagick 6, none of them in realstyles): \`OilPaint\` (-paint 4), \`Charcoal\`
  (-charcoal 2), \`Sepia\` (-sepia-tone 80%), \`MotionBlur\` (-motion-blur 0x8+45), \`Infrared\`
  (red and green channels swapped, saturation 140%), \`Vignette\` (saturation 160%, black
  -vignette 0x$(( size * 20 / 128 ))), \`Stencil\` (grey thresholded at its own mean: black and white),
  \`Negative\` (-negate).
- ${size} x ${size} px JPEG (quality 92).

Sources: ${#photos[@]} photographs (crops of $nused of them are kept) from the Debian packages (\`apt-get download\`, \`dpkg-deb -x\`):
$(printf '%s' "$versions" | sed 's/^/- /')

mate-backgrounds' nature photographs are GPL-2+; lomiri-wallpapers' are CC-BY-4.0, CC-BY-SA-4.0,
CC0-1.0 and CC-BY-SA-3.0 (see each package's copyright file). Each photograph is decoded once at
most 1600 px on its longer side; ${crops_per_photo} random square crops of a third to a half of its shorter side
are taken (fixed bash RANDOM seed 20261206) and resized to ${size} px; crops whose standard
deviation is below 0.06 (nearly flat) are dropped. \`sources.tsv\` lists the photograph, its working size and the crop
of every image; \`make-holdout.sh\` is the script that made this folder:

    tools/make-holdout.sh OUT_DIR ${size}
EOF
echo "images: $n ($ntrain train + $ntest test per style, ${#styles[@]} styles, ${size} px) in $out"
