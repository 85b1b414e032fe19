#!/bin/sh
# Put DebateMap into the current user's desktop: menu entry, icons, AppStream metainfo and the
# application/x-debatemap file type, so .debatemap files open in DebateMap. Nothing needs root;
# everything goes under $XDG_DATA_HOME (~/.local/share).
#
#   install-desktop.sh                  install (the bundle's ./debatemap, or debatemap on PATH)
#   install-desktop.sh --exec PATH      install, starting DebateMap with this program
#   install-desktop.sh --uninstall      remove what the install put in place
#
# Other options: --data-home DIR (instead of $XDG_DATA_HOME), --resources DIR (DebateMap's
# resources folder, when it cannot be found next to this script or through the program).
set -eu

APP_ID=org.debatemap.DebateMap
MIME_ICON=application-x-debatemap
SIZES="16 32 48 64 128 256 512"
HERE=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)

say() { printf '%s\n' "$*"; }
die() { printf 'install-desktop.sh: error: %s\n' "$*" >&2; exit 2; }

usage() {
    sed -n '2,12s/^# \{0,1\}//p' "$0"
}

action=install
exec_path=
resources=
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
while [ $# -gt 0 ]; do
    case $1 in
        --uninstall) action=uninstall ;;
        --exec) [ $# -ge 2 ] || die "--exec needs a program"; exec_path=$2; shift ;;
        --exec=*) exec_path=${1#--exec=} ;;
        --resources) [ $# -ge 2 ] || die "--resources needs a folder"; resources=$2; shift ;;
        --resources=*) resources=${1#--resources=} ;;
        --data-home) [ $# -ge 2 ] || die "--data-home needs a folder"; data_home=$2; shift ;;
        --data-home=*) data_home=${1#--data-home=} ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1' (see --help)" ;;
    esac
    shift
done

applications=$data_home/applications
icons=$data_home/icons/hicolor
mime=$data_home/mime
metainfo=$data_home/metainfo

# Refresh the caches that desktops read; each tool is optional (not every system has them).
refresh() {
    if command -v update-mime-database >/dev/null 2>&1 && [ -d "$mime/packages" ]; then
        update-mime-database "$mime"
    fi
    if command -v update-desktop-database >/dev/null 2>&1 && [ -d "$applications" ]; then
        update-desktop-database "$applications"
    fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -d "$icons" ]; then
        gtk-update-icon-cache --force --ignore-theme-index --quiet "$icons" || true
    fi
}

if [ "$action" = uninstall ]; then
    rm -f "$applications/$APP_ID.desktop" "$metainfo/$APP_ID.metainfo.xml" \
        "$mime/packages/$APP_ID.xml" "$icons/scalable/apps/$APP_ID.svg" \
        "$icons/scalable/mimetypes/$MIME_ICON.svg"
    for size in $SIZES; do
        rm -f "$icons/${size}x$size/apps/$APP_ID.png" "$icons/${size}x$size/mimetypes/$MIME_ICON.png"
    done
    refresh
    say "DebateMap's desktop entry, icons and file type were removed from $data_home."
    exit 0
fi

# The program the menu entry starts: the bundle's own executable beside this script, else
# 'debatemap' on PATH (a pip or uv install).
if [ -z "$exec_path" ]; then
    if [ -x "$HERE/debatemap" ] && [ ! -d "$HERE/debatemap" ]; then
        exec_path=$HERE/debatemap
    elif command -v debatemap >/dev/null 2>&1; then
        exec_path=$(command -v debatemap)
    else
        die "cannot find the debatemap program; pass --exec /path/to/debatemap"
    fi
fi
case $exec_path in
    /*) ;;
    */*) exec_path=$(CDPATH= cd -- "$(dirname -- "$exec_path")" && pwd)/$(basename -- "$exec_path") ;;
    *) exec_path=$(command -v "$exec_path") || die "'$exec_path' is not on PATH" ;;
esac
[ -x "$exec_path" ] || die "$exec_path is not an executable program"
case $exec_path in
    *'"'*|*'`'*|*'$'*|*'\'*|*"'"*|*'%'*|*'
'*) die "the path $exec_path has characters a desktop entry cannot quote; move DebateMap elsewhere" ;;
esac

# The resources (desktop entry, metainfo, file type, icons): in a checkout beside this script,
# in the bundle under _internal, otherwise wherever the program says its example map lies.
if [ -z "$resources" ]; then
    for candidate in "$HERE/../resources" "$HERE/_internal/mapping/resources"; do
        if [ -f "$candidate/linux/$APP_ID.desktop" ]; then
            resources=$candidate
            break
        fi
    done
fi
if [ -z "$resources" ]; then
    example=$("$exec_path" info --example --json 2>/dev/null |
        sed -n 's/^ *"file": "\(.*\)",\{0,1\}$/\1/p') || true
    [ -n "$example" ] && resources=$(dirname -- "$(dirname -- "$example")")
fi
[ -n "$resources" ] && [ -f "$resources/linux/$APP_ID.desktop" ] ||
    die "cannot find DebateMap's resources folder; pass --resources DIR"

mkdir -p "$applications" "$metainfo" "$mime/packages" "$icons/scalable/apps" \
    "$icons/scalable/mimetypes"

# Exec is quoted for the desktop-entry rules (the path has no character needing an escape).
sed -e "s|^Exec=.*|Exec=\"$exec_path\" %F|" -e "s|^TryExec=.*|TryExec=$exec_path|" \
    "$resources/linux/$APP_ID.desktop" >"$applications/$APP_ID.desktop"
cp "$resources/linux/$APP_ID.metainfo.xml" "$metainfo/$APP_ID.metainfo.xml"
cp "$resources/linux/$APP_ID.mime.xml" "$mime/packages/$APP_ID.xml"
cp "$resources/icons/debatemap.svg" "$icons/scalable/apps/$APP_ID.svg"
cp "$resources/icons/debatemap.svg" "$icons/scalable/mimetypes/$MIME_ICON.svg"
for size in $SIZES; do
    mkdir -p "$icons/${size}x$size/apps" "$icons/${size}x$size/mimetypes"
    cp "$resources/icons/debatemap-$size.png" "$icons/${size}x$size/apps/$APP_ID.png"
    cp "$resources/icons/debatemap-$size.png" "$icons/${size}x$size/mimetypes/$MIME_ICON.png"
done
refresh
say "DebateMap is in the applications menu and opens .debatemap files (program: $exec_path)."
say "To remove it: $0 --uninstall"
