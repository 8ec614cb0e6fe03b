f=$1; u=$2; dir=${f%/*}
IFS= read -r pw
if [ -L "$f" ] || { [ -e "$f" ] && [ ! -f "$f" ]; } || [ -L "$dir" ] || [ ! -d "$dir" ]; then
  printf '\n@@refused\n|%s is not a regular file in an existing directory\n' "$f"; exit 4
fi
command -v htpasswd >/dev/null 2>&1 || { printf '\n@@refused\n|no htpasswd (apache2-utils, httpd-tools)\n'; exit 4; }
create=; [ -e "$f" ] || create=-c
if [ -n "$create" ]; then o=$(stat -c %U -- "$dir"); else o=$(stat -c %U -- "$f"); fi
if [ "$o" = root ]; then out=$(printf '%s\n' "$pw" | htpasswd -i -B -C 10 $create "$f" "$u" 2>&1)
else out=$(printf '%s\n' "$pw" | runuser -u "$o" -- htpasswd -i -B -C 10 $create "$f" "$u" 2>&1); fi
if [ $? -ne 0 ]; then
  printf '\n@@failed\n'; printf '%s\n' "$out" | sed 's/^/|/'; exit 1
fi
printf '\n@@done\n|%s\n' "${create:+created}"
awk -F: -v u="$u" '$1 == u { print ($2 ~ /^\$2[aby]\$/) ? "|bcrypt" : "|other" }' "$f"
