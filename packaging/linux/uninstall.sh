#!/bin/sh
# Remove the CoproDesk app that install.sh put in place. Your workshops are KEPT:
# they are in ~/.local/share/CoproDesk, which this script never touches.
set -eu

APP_ID=org.coprodesk.CoproDesk
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APP_DIR=$HOME/.local/opt/coprodesk

rm -f "$DATA_HOME/applications/$APP_ID.desktop" "$DATA_HOME/metainfo/$APP_ID.metainfo.xml"
find "$DATA_HOME/icons/hicolor" -name "$APP_ID.*" -type f -exec rm -f {} + 2> /dev/null || true
if [ "$(readlink "$HOME/.local/bin/coprodesk" 2> /dev/null)" = "$APP_DIR/coprodesk" ]; then
    rm -f "$HOME/.local/bin/coprodesk"
fi
rm -rf "$APP_DIR"

if command -v update-desktop-database > /dev/null 2>&1; then
    update-desktop-database -q "$DATA_HOME/applications" || true
fi
echo "CoproDesk is removed. Your workshops are still in $DATA_HOME/CoproDesk."
