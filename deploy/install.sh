#!/usr/bin/env bash
# Installs EdgeIngest on a Debian 12 appliance from a published bundle (deploy/publish.sh makes
# one: edgeingest-linux-x64.tar.gz; unpack it and run its install.sh as root). Idempotent: run it
# again to upgrade or repair; the configuration and the data are kept.
#
#   install.sh [--from BUNDLE] [--root DIR] [--no-start] [--no-deps]
#   install.sh --uninstall [--purge] [--root DIR]
#
# What goes where:
#   /opt/edgeingest/                      the self-contained program and models/ (root, read-only)
#   /usr/local/bin/edgeingest             a link to it, for the command line
#   /etc/edgeingest/                      configuration: root:edgeingest 0770 (the console's enrollment
#                                         writes it); edgeingest.yaml (0660) is created from the
#                                         example only when there is none
#   /var/lib/edgeingest/                  data (outbox, audit, records, clips): edgeingest 0750
#   /etc/systemd/system/edgeingest.service  the hardened unit
#   /etc/tmpfiles.d/edgeingest.conf       /dev/shm/edgeingest, the clips' segment ring in RAM
#   user and group edgeingest             a system account: no login shell, no home
#
# --root DIR installs into DIR as if it were / (a staging root for images and tests): DIR/etc/passwd
# and DIR/etc/group must exist; nothing is started, no package is installed, and systemd is told
# nothing beyond the unit's enablement link.
set -euo pipefail

readonly NAME=edgeingest
readonly RUNTIME_PACKAGES=(ffmpeg libturbojpeg0 libgtk-3-0 libssl3)

say() { printf 'install: %s\n' "$*"; }
fail() { printf 'install: error: %s\n' "$*" >&2; exit 1; }

usage() {
  sed -n '/^#   install.sh/s/^#   //p' "${BASH_SOURCE[0]}"
}

bundle=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=""
start=1
deps=1
action=install
purge=0
while [ $# -gt 0 ]; do
  case "$1" in
    --from) [ $# -ge 2 ] || fail "--from needs a folder"; bundle=$(cd "$2" 2>/dev/null && pwd) || fail "--from $2: no such folder"; shift 2 ;;
    --root) [ $# -ge 2 ] || fail "--root needs a folder"; root=$(cd "$2" 2>/dev/null && pwd) || fail "--root $2: no such folder"; shift 2 ;;
    --no-start) start=0; shift ;;
    --no-deps) deps=0; shift ;;
    --uninstall) action=uninstall; shift ;;
    --purge) purge=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; fail "unknown option $1" ;;
  esac
done
[ "$purge" -eq 0 ] || [ "$action" = uninstall ] || fail "--purge goes with --uninstall"

readonly PREFIX=/opt/$NAME CONFIG_DIR=/etc/$NAME DATA_DIR=/var/lib/$NAME
readonly UNIT=/etc/systemd/system/$NAME.service TMPFILES=/etc/tmpfiles.d/$NAME.conf LINK=/usr/local/bin/$NAME

# A path on the target system, inside the staging root when there is one.
at() { printf '%s%s' "$root" "$1"; }

root_args=()
[ -z "$root" ] || root_args=(--root "$root")

[ "$(id -u)" -eq 0 ] || fail "run as root (it creates a system user and sets owners)"
if [ -n "$root" ]; then
  [ -f "$root/etc/passwd" ] && [ -f "$root/etc/group" ] \
    || fail "--root $root: $root/etc/passwd and $root/etc/group must exist (copy them from the target, or create empty ones)"
fi

# systemd is running here (not a container, a chroot or a staging root).
systemd_live() { [ -z "$root" ] && [ -d /run/systemd/system ]; }

user_exists() {
  if [ -n "$root" ]; then grep -q "^$NAME:" "$root/etc/passwd"
  else getent passwd "$NAME" >/dev/null; fi
}

# The account's numeric ids as "uid:gid", read from the target's own files.
account_ids() {
  if [ -n "$root" ]; then
    awk -F: -v n="$NAME" '$1 == n { print $3 ":" $4 }' "$root/etc/passwd"
  else
    printf '%s:%s' "$(id -u "$NAME")" "$(id -g "$NAME")"
  fi
}

group_id() {
  if [ -n "$root" ]; then awk -F: -v n="$NAME" '$1 == n { print $3 }' "$root/etc/group"
  else getent group "$NAME" | cut -d: -f3; fi
}


check_bundle() {
  [ -x "$bundle/app/$NAME" ] \
    || fail "no published build in $bundle/app: run deploy/publish.sh, unpack .build/publish/$NAME-linux-x64.tar.gz and run its install.sh (or pass --from FOLDER)"
  local f
  for f in "systemd/$NAME.service" "systemd/$NAME.tmpfiles" "$NAME.example.yaml" models/SHA256SUMS; do
    [ -f "$bundle/$f" ] || fail "the bundle in $bundle lacks $f"
  done
  (cd "$bundle/models" && sha256sum --quiet --strict -c SHA256SUMS >/dev/null 2>&1) \
    || fail "the models in $bundle/models do not match models/SHA256SUMS (a damaged copy?)"
}

install_runtime_packages() {
  if [ -n "$root" ]; then say "runtime packages not checked in a staging root: the target needs ${RUNTIME_PACKAGES[*]}"; return; fi
  if [ "$deps" -eq 0 ]; then say "runtime packages not checked (--no-deps): the appliance needs ${RUNTIME_PACKAGES[*]}"; return; fi
  local missing=() p
  for p in "${RUNTIME_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -eq 0 ]; then say "runtime packages present: ${RUNTIME_PACKAGES[*]}"; return; fi
  say "installing runtime packages: ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

create_account() {
  if user_exists; then say "system user $NAME present"; return; fi
  local log; log=$(mktemp)
  if ! useradd "${root_args[@]}" --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin --comment "EdgeIngest service" "$NAME" 2>"$log"; then
    cat "$log" >&2; rm -f "$log"; fail "could not create the system user $NAME"
  fi
  rm -f "$log"
  say "created system user $NAME (no login shell, no home)"
}

install_program() {
  local target new old
  target=$(at "$PREFIX"); new="$target.new"; old="$target.old"
  rm -rf "$new" "$old"
  mkdir -p "$new"
  cp -R "$bundle/app/." "$new/"
  cp -R "$bundle/models" "$new/models"
  [ ! -f "$bundle/INSTALL.md" ] || cp "$bundle/INSTALL.md" "$new/"
  [ ! -f "$bundle/VERSION" ] || cp "$bundle/VERSION" "$new/"
  cp "${BASH_SOURCE[0]}" "$new/install.sh"   # for --uninstall later
  chown -R root:root "$new"
  chmod -R u=rwX,go=rX "$new"
  chmod 0755 "$new/$NAME"
  # Swap in one rename, so the folder is never half old, half new; a running service keeps the
  # files it has open until it restarts.
  if [ -e "$target" ]; then mv "$target" "$old"; fi
  mv "$new" "$target"
  rm -rf "$old"
  mkdir -p "$(dirname "$(at "$LINK")")"
  ln -sfn "$PREFIX/$NAME" "$(at "$LINK")"
  say "program installed in $PREFIX ($(du -sm "$target" | cut -f1) MB), linked as $LINK"
}

install_config() {
  local dir gid
  dir=$(at "$CONFIG_DIR"); gid=$(group_id)
  # Group-writable: the web console applies an enrollment bundle (edgeingest.yaml, certs/, the
  # agency key) as the service's user, the way `enroll apply` does as root.
  install -d -m 0770 -o root -g "$gid" "$dir"
  chown root:"$gid" "$dir"; chmod 0770 "$dir"
  install -m 0640 -o root -g "$gid" "$bundle/$NAME.example.yaml" "$dir/$NAME.example.yaml"
  if [ -e "$dir/$NAME.yaml" ]; then
    chown root:"$gid" "$dir/$NAME.yaml"; chmod 0660 "$dir/$NAME.yaml"
    say "configuration $CONFIG_DIR/$NAME.yaml kept"
    fresh_config=0
  else
    install -m 0660 -o root -g "$gid" "$bundle/$NAME.example.yaml" "$dir/$NAME.yaml"
    say "configuration $CONFIG_DIR/$NAME.yaml created from the example: edit it before starting"
    fresh_config=1
  fi
}

install_data() {
  local dir ids
  dir=$(at "$DATA_DIR"); ids=$(account_ids)
  install -d -m 0750 -o "${ids%:*}" -g "${ids#*:}" "$dir"
  # Files a command run as root left behind would lock the service out of its own data.
  chown -R "$ids" "$dir"; chmod 0750 "$dir"
  say "data directory $DATA_DIR (owner $NAME, 0750)"
}

install_unit() {
  install -D -m 0644 "$bundle/systemd/$NAME.service" "$(at "$UNIT")"
  install -D -m 0644 "$bundle/systemd/$NAME.tmpfiles" "$(at "$TMPFILES")"
  if [ -n "$root" ]; then
    mkdir -p "$(at /etc/systemd/system/multi-user.target.wants)"
    ln -sfn "$UNIT" "$(at "/etc/systemd/system/multi-user.target.wants/$NAME.service")"
    say "unit $UNIT installed and enabled in the staging root"
    return
  fi
  if ! systemd_live; then
    say "unit $UNIT installed; systemd is not running here: enable and start it on the appliance"
    return
  fi
  systemctl daemon-reload
  systemd-tmpfiles --create "$TMPFILES"
  systemctl enable --quiet "$NAME.service"
  say "unit $UNIT installed and enabled (starts at boot)"
}

start_service() {
  if [ -n "$root" ] || ! systemd_live; then return; fi
  if [ "$start" -eq 0 ]; then say "not started (--no-start)"; return; fi
  if [ "$fresh_config" -eq 1 ]; then return; fi
  systemctl restart "$NAME.service"
  say "service (re)started: $(systemctl is-active "$NAME.service" || true)"
}

next_steps() {
  say "done. Logs: journalctl -u $NAME -f"
  if [ "$fresh_config" -eq 1 ]; then
    say "next: edit $CONFIG_DIR/$NAME.yaml (device id, cameras, broker, certificates), then: systemctl start $NAME"
  fi
}

uninstall() {
  if systemd_live && systemctl list-unit-files "$NAME.service" >/dev/null 2>&1; then
    systemctl disable --now --quiet "$NAME.service" 2>/dev/null || true
  fi
  rm -f "$(at "$UNIT")" "$(at "/etc/systemd/system/multi-user.target.wants/$NAME.service")" "$(at "$TMPFILES")"
  if systemd_live; then systemctl daemon-reload; fi
  if [ -L "$(at "$LINK")" ]; then rm -f "$(at "$LINK")"; fi
  rm -rf "$(at "$PREFIX")" "$(at "$PREFIX").new" "$(at "$PREFIX").old"
  say "removed the service, $PREFIX and $LINK"
  if [ "$purge" -eq 0 ]; then
    say "kept $CONFIG_DIR, $DATA_DIR (audit, records, outbox) and the user $NAME: --uninstall --purge removes them"
    return
  fi
  rm -rf "$(at "$CONFIG_DIR")" "$(at "$DATA_DIR")"
  [ -n "$root" ] || rm -rf /dev/shm/$NAME
  if user_exists; then
    userdel "${root_args[@]}" "$NAME" 2>/dev/null || fail "could not remove the user $NAME"
  fi
  if [ -n "$(group_id)" ]; then groupdel "${root_args[@]}" "$NAME" 2>/dev/null || true; fi
  say "purged $CONFIG_DIR, $DATA_DIR and the user $NAME"
}

if [ "$action" = uninstall ]; then uninstall; exit 0; fi

fresh_config=0
check_bundle
install_runtime_packages
create_account
install_program
install_config
install_data
install_unit
start_service
next_steps
