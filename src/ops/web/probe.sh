# hostops web check: the server-side half, one round trip. Constant text; the inputs are
# its arguments: $1 domain, $2 URL path, $3 http|https, $4 most redirects followed, $5
# `show` to stop after the virtual host and its includes (no request) and print $6, the
# domain's custom Apache file (default: the vhost's own file).
# Prints @@ sections; every line that comes from a file, a log or a response starts with
# `|` (or `>` for a file's name), so no server text can open a section of its own.
d=$1; upath=$2; scheme=$3; hops=$4
port=80; [ "$scheme" = https ] && port=443
ctl=; for c in apachectl apache2ctl httpd; do command -v "$c" >/dev/null 2>&1 && { ctl=$c; break; }; done
printf '\n@@ctl\n|%s\n' "$ctl"
[ -n "$ctl" ] || exit 0
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
# apachectl -S and -M in one run of httpd.
"$ctl" -t -D DUMP_VHOSTS -D DUMP_RUN_CFG -D DUMP_MODULES >"$tmp/S" 2>&1
printf '\n@@S\n'; sed 's/^/|/' "$tmp/S"
# The virtual host answering $d on $port: "ADDR FILE LINE" (a name or alias match, else the
# port's default server).
v=$(awk -v d="$d" -v port="$port" '
  function loc(s) { if (match(s, /\(.*:[0-9]+\)$/)) { s = substr(s, RSTART + 1, RLENGTH - 2); n = s; sub(/:[0-9]+$/, "", n); l = substr(s, length(n) + 2); return n " " l } return "" }
  /^[^ \t]/ { addr = $1; p = addr; sub(/.*:/, "", p); cur = ""; if ($2 != "is" && p == port) { cur = addr " " loc($0); if (def == "") def = cur; if (tolower($2) == d) hit = cur } next }
  $1 == "default" && $2 == "server" { if (p == port && def == "") def = addr " " loc($0); next }
  $1 == "port" && $3 == "namevhost" { cur = ""; if ($2 == port) { cur = addr " " loc($0); if (tolower($4) == d && hit == "") hit = cur } next }
  $1 == "alias" { if (cur != "" && tolower($2) == d && hit == "") hit = cur; next }
  END { if (hit != "") print "name " hit; else if (def != "") print "default " def }' "$tmp/S")
how=${v%% *}; v=${v#* }; vaddr=${v%% *}; v=${v#* }; vline=${v##* }; vfile=${v% *}
case $vaddr in \*:*|_default_:*|"") addr=127.0.0.1;; *) addr=${vaddr%:*};; esac
[ -n "$vfile" ] && [ -f "$vfile" ] && awk -v n="$vline" 'NR >= n { print; if (tolower($1) ~ /^<\/virtualhost/) exit }' "$vfile" >"$tmp/vhost"
# A port with one vhost: apachectl -S shows its ServerName only; its aliases are in the block.
if [ "$how" = default ] && [ -f "$tmp/vhost" ] && awk -v d="$d" 'tolower($1) == "servername" || tolower($1) == "serveralias" {
    for (i = 2; i <= NF; i++) if (tolower($i) == d) f = 1 } END { exit !f }' "$tmp/vhost"; then how=name; fi
printf '\n@@vhost\n>%s\n|%s %s %s\n' "$vfile" "$how" "$vline" "$addr"
[ -f "$tmp/vhost" ] || exit 0
sed 's/^/|/' "$tmp/vhost"
sroot=$(sed -n 's/^ServerRoot: "\(.*\)"$/\1/p' "$tmp/S")
vget() { awk -v k="$1" 'tolower($1) == k { $1 = ""; sub(/^ +/, ""); gsub(/"/, ""); print; exit }' "$tmp/vhost"; }
docroot=$(vget documentroot)
elog=$(vget errorlog)
[ -n "$elog" ] || elog=$(sed -n 's/^Main ErrorLog: "\(.*\)"$/\1/p' "$tmp/S")
case $elog in /*) ;; ""|"|"*|syslog*) elog=;; *) elog=$sroot/$elog;; esac
printf '\n@@includes\n'
awk 'tolower($1) ~ /^include(optional)?$/ { $1 = ""; gsub(/"/, ""); sub(/^ +/, ""); print }' "$tmp/vhost" | while IFS= read -r pat; do
  case $pat in /*) ;; *) pat=$sroot/$pat;; esac
  for f in $pat; do [ -f "$f" ] && { printf '>%s\n' "$f"; sed 's/^/|/' -- "$f"; }; done
done
if [ "$5" = show ]; then
  printf '\n@@docroot\n>%s\n' "$docroot"
  cf=${6:-$(readlink -f -- "$vfile")}
  printf '\n@@custom\n>%s\n' "$cf"
  if [ -L "$cf" ] || { [ -e "$cf" ] && [ ! -f "$cf" ]; }; then printf '=not-regular\n'
  elif [ -f "$cf" ]; then printf '=exists\n'; sed 's/^/|/' -- "$cf"; fi
  exit 0
fi
auser=$(sed -n 's/^User: name="\(.*\)" id=.*/\1/p' "$tmp/S")
# The request, hop by hop, each to this server's own address for its port.
size0=$(stat -c %s -- "$elog" 2>/dev/null || echo 0)
url="$scheme://$d$upath"; i=0
printf '\n@@hops\n'
: >"$tmp/clients"
while :; do
  rest=${url#*://}; hp=${rest%%/*}; h=${hp%%:*}; pp=80; case $url in https:*) pp=443;; esac
  case $hp in *:*) pp=${hp#*:};; esac
  : >"$tmp/head"; : >"$tmp/body"
  w=$(curl -sS -g -k --path-as-is --max-time 20 -o "$tmp/body" -D "$tmp/head" --max-filesize 4000000 \
      --resolve "$h:$pp:$addr" -w '%{http_code}\t%{local_ip}\t%{local_port}\t%{redirect_url}' -- "$url" 2>"$tmp/err")
  printf '>%s\n|%s\n' "$url" "$w"
  sed -n '1p' "$tmp/err" | sed 's/^/!/'
  tr -d '\r' <"$tmp/head" | sed 's/^/:/'
  t=$(tr '\n' ' ' <"$tmp/body" | grep -io '<title[^>]*>[^<]*' | head -n 1 | sed 's/^<[^>]*>//')
  printf '=title %s\n' "$t"
  grep -q '<?php' "$tmp/body" && printf '=php-source\n'
  printf '%s\n' "$w" | awk -F '\t' '{ print "[client " $2 ":" $3 "]" }' >>"$tmp/clients"
  next=$(printf '%s\n' "$w" | cut -f 4)
  code=$(printf '%s\n' "$w" | cut -f 1)
  case $code in 30[1278]) ;; *) break;; esac
  [ -n "$next" ] || break
  i=$((i + 1)); [ "$i" -le "$hops" ] || { printf '=too-many\n'; break; }
  nh=${next#*://}; nh=${nh%%/*}; nh=${nh%%:*}
  case $nh in "$d"|"www.$d") ;; *) [ "www.$nh" = "$d" ] || { printf '=leaves %s\n' "$nh"; break; };; esac
  url=$next
done
# The error log's lines written during the request, by this request's client address:port.
printf '\n@@errorlog\n>%s\n' "$elog"
if [ -n "$elog" ] && [ -r "$elog" ]; then
  size1=$(stat -c %s -- "$elog" 2>/dev/null || echo 0)
  [ "$size1" -ge "$size0" ] || size0=0
  tail -c +"$((size0 + 1))" -- "$elog" | grep -F -f "$tmp/clients" | head -n 200 | sed 's/^/|/'
fi
# The path from / to the document root and on down the URL's directories: each one's mode,
# owner and whether the web server's user can enter it; each .htaccess on the way.
printf '\n@@docroot\n>%s\n' "$docroot"
[ -n "$docroot" ] || exit 0
# Who the web server runs as: its uid and groups (access is judged from the modes).
printf '\n@@apacheid\n'; [ -z "$auser" ] || { id -u -- "$auser"; id -G -- "$auser"; } 2>/dev/null
printf '\n@@path\n'
p=; for c in $(printf '%s\n' "$docroot" | tr '/' ' '); do
  p=$p/$c
  [ -L "$p" ] && { printf 'L\t%s\n' "$p"; break; }
  stat -c "D	%a	%U	%G	%u:%g	%n" -- "$p" 2>/dev/null || { printf 'M\t%s\n' "$p"; break; }
done
printf '\n@@htaccess\n'
{ rel=${upath%%\?*}; rel=${rel#/}
dir=${docroot%/}; last=
while :; do
  if [ -L "$dir" ]; then printf 'L\t%s\n' "$dir"; break; fi
  [ -d "$dir" ] || { [ -e "$dir" ] && last=$dir; break; }
  [ "$dir" = "${docroot%/}" ] || stat -c "D	%a	%U	%G	%u:%g	%n" -- "$dir"
  f=$dir/.htaccess
  if [ -L "$f" ]; then printf 'L\t%s\n' "$f"
  elif [ -f "$f" ]; then
    stat -c "F	%a	%U	%G	%u:%g	%n" -- "$f"
    dd if="$f" iflag=nofollow bs=65536 count=8 status=none | sed 's/^/|/'
    printf '\n'
  fi
  [ -n "$rel" ] || break
  c=${rel%%/*}; case $rel in */*) rel=${rel#*/};; *) rel=;; esac
  [ -n "$c" ] || continue
  dir=$dir/$c
done
[ -n "$last" ] && [ ! -L "$last" ] && stat -c "F	%a	%U	%G	%u:%g	%n" -- "$last"
} >"$tmp/ht"
cat "$tmp/ht"
# Password files the .htaccess files name, read as the web server's user (as Apache reads
# them): each user's hash format, never the hash.
printf '\n@@authfiles\n'
sed -n 's/^|[[:space:]]*[Aa][Uu][Tt][Hh][Uu][Ss][Ee][Rr][Ff][Ii][Ll][Ee][[:space:]][[:space:]]*"\{0,1\}\([^"]*\)"\{0,1\}[[:space:]]*$/\1/p' "$tmp/ht" | sort -u | while IFS= read -r a; do
  printf '>%s\n' "$a"
  case $a in /*) f=$a;; *) f=$sroot/$a; printf '=relative %s\n' "$f";; esac
  stat -c "F	%a	%U	%G	?	%n" -- "$f" 2>/dev/null || { printf '=missing\n'; continue; }
  if [ -z "$auser" ] || ! command -v runuser >/dev/null 2>&1; then printf '=unchecked\n'; continue; fi
  runuser -u "$auser" -- cat -- "$f" >"$tmp/pw" 2>/dev/null || { printf '=unreadable\n'; continue; }
  awk -F: 'NF >= 2 && $1 !~ /^#/ { h = $2; k = "plain"
    if (h ~ /^\$2[aby]\$/) k = "bcrypt"; else if (h ~ /^\$apr1\$/) k = "apr1"
    else if (h ~ /^\$5\$/) k = "sha256-crypt"; else if (h ~ /^\$6\$/) k = "sha512-crypt"
    else if (h ~ /^\{SHA\}/) k = "sha1"; else if (length(h) == 13 && h ~ /^[.\/0-9A-Za-z]+$/) k = "crypt"
    print "|" NR "\t" $1 "\t" k }' "$tmp/pw"
done
# The PHP-FPM pool listening on the vhost's socket (its path names the PHP version).
printf '\n@@pool\n'
sock=$(sed -n 's/.*proxy:unix:\([^|"]*\)|.*/\1/p' "$tmp/vhost" | head -n 1)
[ -z "$sock" ] || grep -l -F -x -e "listen = $sock" -- /etc/php/*/fpm/pool.d/*.conf /opt/cpanel/ea-php*/root/etc/php-fpm.d/*.conf /usr/local/php*/etc/php-fpm.d/*.conf /opt/plesk/php/*/etc/php-fpm.d/*.conf 2>/dev/null | head -n 1 | sed 's/^/|/'
# The PHP the server has (versions installed) and the pools' sockets.
printf '\n@@php\n'
ls -d /opt/cpanel/ea-php[0-9]* /opt/alt/php[0-9]* /opt/plesk/php/[0-9]* /usr/local/php[0-9]* /usr/sbin/php-fpm[0-9]* 2>/dev/null | sed 's/^/|/'
true
