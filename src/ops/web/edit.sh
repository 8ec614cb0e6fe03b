# hostops web config edit: the server-side half. Constant text; inputs as arguments:
# $1 the file, $2 domain, $3 http|https, $4 the address Apache serves it on, $5
# present|absent (write stdin as the file, or remove it), $6 wrap|bare (check the text
# inside a test VirtualHost, or as it is), then
# `--` and the panel's rebuild command (none: nothing). The new text is on stdin.
# Steps: the candidate checked with apachectl -t before anything changes; the file replaced
# (only a regular file, never through a symlink), the panel's rebuild, apachectl -t again,
# a graceful reload, a request to the domain. Any failure after the file changed puts the
# old file back, rebuilds and reloads. Prints @@ sections; exit 0 applied, 3 candidate
# refused (nothing changed), 4 not a regular file, 1 rolled back.
f=$1; d=$2; scheme=$3; addr=$4; want=$5; wrap=$6; shift 6; [ "$1" = "--" ] && shift
ctl=; for c in apachectl apache2ctl httpd; do command -v "$c" >/dev/null 2>&1 && { ctl=$c; break; }; done
[ -n "$ctl" ] || { printf '\n@@refused\n|no apachectl, apache2ctl or httpd\n'; exit 3; }
dir=${f%/*}
if [ -L "$f" ] || { [ -e "$f" ] && [ ! -f "$f" ]; } || [ -L "$dir" ]; then
  printf '\n@@not-regular\n|%s\n' "$f"; exit 4
fi
mkdir -p -- "$dir" || exit 1
new=$(mktemp "$dir/.hostops-new.XXXXXX") || exit 1
chk=$(mktemp /tmp/hostops-check.XXXXXX) || exit 1
old=
trap 'rm -f -- "$new" "$chk" ${old:+"$old"}' EXIT
cat >"$new"
chmod 644 -- "$new"
if [ "$want" = present ]; then
  if [ "$wrap" = wrap ]; then
    { echo '<VirtualHost 127.255.255.254:65535>'; echo 'ServerName hostops-check.invalid'; cat -- "$new"; echo; echo '</VirtualHost>'; } >"$chk"
  else
    cat -- "$new" >"$chk"
  fi
  if ! out=$("$ctl" -t -c "Include $chk" 2>&1); then
    printf '\n@@refused\n'; printf '%s\n' "$out" | sed 's/^/|/'; exit 3
  fi
fi
if [ -f "$f" ]; then old=$(mktemp "$dir/.hostops-old.XXXXXX") && cp -p -- "$f" "$old" || exit 1; fi
if [ "$want" = present ]; then mv -f -- "$new" "$f"; else rm -f -- "$f"; fi
rebuild() { [ $# -eq 0 ] || "$@" 2>&1; }
why=
if ! out=$(rebuild "$@"); then why="the panel's rebuild failed"
elif ! out=$("$ctl" -t 2>&1); then why="apachectl -t refused the rebuilt configuration"
elif ! out=$("$ctl" graceful 2>&1); then why="the graceful reload failed"
else
  sleep 1
  port=80; [ "$scheme" = https ] && port=443
  code=$(curl -s -k -o /dev/null -w '%{http_code}' --max-time 20 --resolve "$d:$port:$addr" -- "$scheme://$d/" 2>&1)
  case $code in 5*|000|"") why="the domain answers HTTP ${code:-nothing} after the reload"; out=;; esac
fi
if [ -z "$why" ]; then printf '\n@@applied\n|%s\n' "$code"; exit 0; fi
printf '\n@@failed\n|%s\n' "$why"; printf '%s\n' "$out" | sed 's/^/|/'
if [ -n "$old" ]; then mv -f -- "$old" "$f"; old=; else rm -f -- "$f"; fi
printf '\n@@rollback\n'
rebuild "$@" | sed 's/^/|/'
"$ctl" graceful 2>&1 | sed 's/^/|/'
exit 1
