//! The one constant script `diagnose hardware` runs on a host (no input of any kind is part
//! of it): every reading in `@@name` sections, tools that are not installed left out and named
//! in `@@tools`, so the parsers can tell "not available" from "no problem".

/// Read-only: smartctl, mdadm, ipmitool and sensors only read; nothing is started or reset.
pub const PROBE: &str = r#"export LC_ALL=C
section() { printf '\n@@%s\n' "$1"; }
have() { command -v "$1" >/dev/null 2>&1; }
section tools
for t in smartctl mdadm ipmitool sensors; do have "$t" && echo "$t"; done
if have smartctl; then
  section smart-scan
  smartctl --scan-open 2>&1
  smartctl --scan-open 2>/dev/null | while read -r dev opt type rest; do
    case $dev in /dev/*) ;; *) continue ;; esac
    [ "$opt" = -d ] || type=auto
    section "smart $dev $type"
    timeout 60 smartctl -a -j -d "$type" "$dev" 2>&1
  done
  # HP Smart Array (hpsa/cciss) and Adaptec (aacraid) disks are not in the scan: ask each
  # slot until one does not open.
  for driver in hpsa cciss aacraid; do
    [ -d "/sys/module/$driver" ] || continue
    n=0
    while [ "$n" -lt 16 ]; do
      case $driver in aacraid) type="aacraid,0,0,$n" ;; *) type="cciss,$n" ;; esac
      out=$(timeout 60 smartctl -a -j -d "$type" /dev/sda 2>&1)
      [ $(( $? & 2 )) -eq 0 ] || break
      section "smart /dev/sda $type"
      printf '%s\n' "$out"
      n=$((n + 1))
    done
  done
fi
if [ -r /proc/mdstat ]; then
  section mdstat
  cat /proc/mdstat
  if have mdadm; then
    for md in /sys/block/md*; do
      [ -d "$md/md" ] || continue
      section "mdadm ${md##*/}"
      mdadm --detail "/dev/${md##*/}" 2>&1
    done
  fi
fi
if [ -d /sys/devices/system/edac/mc ]; then
  section edac
  for mc in /sys/devices/system/edac/mc/mc[0-9]*; do
    [ -d "$mc" ] || continue
    printf 'mc %s %s %s\n' "${mc##*/}" "$(cat "$mc/ce_count" 2>/dev/null)" "$(cat "$mc/ue_count" 2>/dev/null)"
    for d in "$mc"/dimm[0-9]* "$mc"/rank[0-9]*; do
      [ -d "$d" ] || continue
      printf 'dimm %s/%s %s %s %s\n' "${mc##*/}" "${d##*/}" "$(cat "$d/dimm_ce_count" 2>/dev/null)" \
        "$(cat "$d/dimm_ue_count" 2>/dev/null)" "$(cat "$d/dimm_label" 2>/dev/null)"
    done
  done
fi
if have ipmitool; then
  section ipmi-sel
  timeout 30 ipmitool sel elist 2>&1 | tail -n 200
  section ipmi-sdr
  timeout 30 ipmitool sdr elist 2>&1
fi
if have sensors; then
  section sensors
  sensors -j 2>/dev/null
fi
section kernel
if dmesg >/dev/null 2>&1; then dmesg -T; elif have journalctl; then journalctl -k -b -q --no-pager; fi 2>/dev/null |
  grep -E 'mce: \[Hardware Error\]|EDAC MC[0-9]+: [0-9]+ (CE|UE)|I/O error, dev |ata[0-9.]+: .*failed command|EXT4-fs error|XFS .*(metadata I/O error|Corruption)|nvme[0-9]+: .*[Tt]imeout|md/raid[0-9]*:.*Disk failure|temperature above threshold' |
  grep -v -E 'dev loop[0-9]' | tail -n 100
exit 0"#;
