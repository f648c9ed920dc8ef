#!/bin/sh
# Install CoproDesk for you alone (no administrator password needed).
#
#   ./install.sh
#
# Copies this folder to ~/.local/opt/coprodesk, puts a `coprodesk` command in ~/.local/bin and
# adds CoproDesk to your applications menu with its icon. Running it again (for example from a
# newer version) replaces the app. Your workshops are kept elsewhere
# (~/.local/share/CoproDesk) and are never touched by installing, upgrading or removing the app.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
APP_ID=org.coprodesk.CoproDesk
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APP_DIR=$HOME/.local/opt/coprodesk
BIN_DIR=$HOME/.local/bin

if [ ! -x "$HERE/coprodesk" ]; then
    echo "install.sh: run me from inside the CoproDesk folder (next to the coprodesk program)." >&2
    exit 1
fi

if [ "$HERE" != "$APP_DIR" ]; then
    mkdir -p "$(dirname "$APP_DIR")"
    # Copy next to the old version first, then swap, so a failed copy leaves the old app working.
    rm -rf "$APP_DIR.new"
    cp -R "$HERE" "$APP_DIR.new"
    rm -rf "$APP_DIR"
    mv "$APP_DIR.new" "$APP_DIR"
fi

mkdir -p "$BIN_DIR" "$DATA_HOME/applications" "$DATA_HOME/metainfo"
ln -sf "$APP_DIR/coprodesk" "$BIN_DIR/coprodesk"

# Icons, in every size the menus ask for.
(cd "$APP_DIR/share" && find icons -type f) | while read -r icon; do
    mkdir -p "$DATA_HOME/$(dirname "$icon")"
    cp "$APP_DIR/share/$icon" "$DATA_HOME/$icon"
done

# The menu entry, pointing at the installed program (quoted in case the path has spaces).
sed "s|^Exec=.*|Exec=\"$APP_DIR/coprodesk\"|" \
    "$APP_DIR/share/applications/$APP_ID.desktop" > "$DATA_HOME/applications/$APP_ID.desktop"
cp "$APP_DIR/share/metainfo/$APP_ID.metainfo.xml" "$DATA_HOME/metainfo/"

# Ask the desktop to notice (harmless if these tools are missing).
if command -v update-desktop-database > /dev/null 2>&1; then
    update-desktop-database -q "$DATA_HOME/applications" || true
fi
# Only refresh an icon cache that is already there: a new one would hide icons added later.
if [ -f "$DATA_HOME/icons/hicolor/icon-theme.cache" ] && command -v gtk-update-icon-cache > /dev/null 2>&1; then
    gtk-update-icon-cache -q -t -f "$DATA_HOME/icons/hicolor" || true
fi

echo "CoproDesk is installed. Open it from your applications menu, or type: coprodesk"
case ":$PATH:" in
    *":$BIN_DIR:"*) ;;
    *) echo "(To use the coprodesk command in a terminal, add $BIN_DIR to your PATH.)" ;;
esac
echo "Your workshops are kept in $DATA_HOME/CoproDesk (not in the app folder)."
