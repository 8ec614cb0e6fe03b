"""labdns: the lab hosts' real nameserver, Debian's BIND 9 (`named`), in each panel's layout.

Started only by `lab up --dns` (`labdns.py start PANEL ADDR`, run inside each host after the
panel's install). named listens on the host's own address (LAB_ADDR:53, udp and tcp), its
control channel on LAB_ADDR:953, and serves the zone files where each panel keeps them:

  cpanel, directadmin  /etc/named.conf, zones /var/named/D.db
  plesk                /var/named/run-root/etc/named.conf (directory /var/named/run-root/var,
                       zone files named D, as Plesk's chrooted named; here without chroot)
  none                 /etc/bind/named.conf (Debian's place), zones /etc/bind/zones/D.db

Each zone has its stanza `zone "D" { type master; file "..."; };` in that named.conf, as the
panels write them. The panels' tools call zone_added() after writing a new zone (named.conf
stanza + `rndc reconfig`) and reload() after changing one (`rndc reload D`), which do nothing
on a host started without --dns. rndc reads the host's /etc/bind/rndc.conf (default server
LAB_ADDR, the key in /etc/bind/lab/rndc.key). Lab hosts share /run and the process table: named's pid and session key live in
the host's private /etc/bind/lab, and only rndc talks to a host's named. Besides the panel's
zones, named serves the lab's own: `lab` (hN.lab) and the reverse zone of the lab's /24 (PTR
NET.N -> hN.lab., exim's HELO name), see lab_zones(). Python 3 stdlib only.
"""
import os
import re
import socket
import subprocess
import sys
import time

LAB = "/etc/bind/lab"
MARK = os.path.join(LAB, "conf")  # holds the path of named.conf on hosts started with --dns
KEY = os.path.join(LAB, "rndc.key")  # root's: named drops CAP_DAC_OVERRIDE, bind's 0640 key is unreadable
RNDC_CONF = "/etc/bind/rndc.conf"
# Lab switches (tests write them inside a host): the panels' DNS edits read them once.
CONCURRENT = "/etc/hostops-lab/dns-concurrent-edit"  # a zone line another admin adds first

# panel -> (named.conf, directory, zone file of D relative to directory or absolute)
LAYOUT = {
    "cpanel": ("/etc/named.conf", "/var/named", "/var/named/{d}.db"),
    "directadmin": ("/etc/named.conf", "/var/named", "/var/named/{d}.db"),
    "plesk": ("/var/named/run-root/etc/named.conf", "/var/named/run-root/var", "{d}"),
    "none": ("/etc/bind/named.conf", "/etc/bind/zones", "/etc/bind/zones/{d}.db"),
}


def zone_path(panel, domain):
    """The zone file of DOMAIN on a PANEL host."""
    _, directory, name = LAYOUT[panel]
    return os.path.join(directory, name.format(d=domain))


def stanza(panel, domain):
    return f'zone "{domain}" {{ type master; file "{LAYOUT[panel][2].format(d=domain)}"; }};\n'


def options(panel, addr):
    _, directory, _ = LAYOUT[panel]
    return f"""// written by the hostops lab (labdns.py): named for {addr}
include "{KEY}";
options {{
\tdirectory "{directory}";
\tlisten-on port 53 {{ {addr}; }};
\tlisten-on-v6 {{ none; }};
\tpid-file "{LAB}/named.pid";
\tsession-keyfile "{LAB}/session.key";
\tmanaged-keys-directory "{LAB}";
\trecursion no;
\tallow-query {{ any; }};
\tdnssec-validation no;
\tnotify no;
}};
controls {{ inet {addr} port 953 allow {{ any; }} keys {{ "rndc-key"; }}; }};
"""


def rndc(*args):
    p = subprocess.run(["rndc", *args], capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"rndc {' '.join(args)}: {p.stderr.strip() or p.stdout.strip()}")


def running():
    return os.path.exists(MARK)


def panel_of_host():
    with open(MARK) as f:
        return f.read().split()[0]


def zone_added(domain):
    """After a panel wrote DOMAIN's zone: its stanza in named.conf and `rndc reconfig`."""
    if not running():
        return
    panel = panel_of_host()
    conf = LAYOUT[panel][0]
    with open(conf) as f:
        text = f.read()
    if f'zone "{domain}" ' not in text:
        with open(conf, "a") as f:
            f.write(stanza(panel, domain))
    rndc("reconfig")


def reload(domain):
    """After a panel changed DOMAIN's zone: `rndc reload DOMAIN`, as the panels do."""
    if running():
        rndc("reload", domain)


def answering(addr, timeout=10.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection((addr, 53), 0.5).close()
            return True
        except OSError:
            time.sleep(0.05)
    return False


def lab_zones(addr):
    """The lab's own zones, for mail's PTR and HELO checks: `lab` (hN.lab A NET.N, ns.lab A
    this host) and the reverse zone of the lab's /24 (NET.N PTR hN.lab.), files in LAB
    (reverse.db, lab.db). A test changes a PTR by editing reverse.db and `rndc reload`."""
    net = addr.rsplit(".", 1)[0]
    arpa = ".".join(reversed(net.split("."))) + ".in-addr.arpa"
    head = "$TTL 300\n@\tIN\tSOA\tns.lab. hostmaster.lab. 1 3600 600 86400 300\n@\tIN\tNS\tns.lab.\n"
    files = {
        "lab": head + f"ns\tIN\tA\t{addr}\n$GENERATE 1-254 h$\tIN\tA\t{net}.$\n",
        arpa: head + "$GENERATE 1-254 $\tIN\tPTR\th$.lab.\n",
    }
    stanzas = []
    for zone, text in files.items():
        path = os.path.join(LAB, "lab.db" if zone == "lab" else "reverse.db")
        with open(path, "w") as f:
            f.write(text)
        stanzas.append(f'zone "{zone}" {{ type master; file "{path}"; }};\n')
    return "".join(stanzas)


def start(panel, addr):
    conf, directory, _ = LAYOUT[panel]
    os.makedirs(LAB, exist_ok=True)
    os.makedirs(directory, exist_ok=True)
    os.makedirs(os.path.dirname(conf), exist_ok=True)
    if not os.path.exists(KEY):
        subprocess.run(["rndc-confgen", "-a", "-k", "rndc-key", "-c", KEY], check=True,
                       capture_output=True)
    with open(RNDC_CONF, "w") as f:
        f.write(f'include "{KEY}";\noptions {{ default-key "rndc-key"; '
                f'default-server {addr}; default-port 953; }};\n')
    zones = []
    suffix = ".db" if LAYOUT[panel][2].endswith(".db") else ""
    for name in sorted(os.listdir(directory)):
        d = name[: -len(suffix)] if suffix and name.endswith(suffix) else name
        if (not suffix or name.endswith(suffix)) and re.fullmatch(r"[a-z0-9.-]+\.[a-z]{2,63}", d):
            zones.append(stanza(panel, d))
    with open(conf, "w") as f:
        f.write(options(panel, addr) + "".join(zones) + lab_zones(addr))
    # named listens only on the addresses of interfaces (sshd binds any 127/8 address): the
    # host's address goes on lo, shared by all hosts; `lab down` takes it off (release).
    subprocess.run(["ip", "addr", "replace", f"{addr}/32", "dev", "lo"], check=True)
    log = open("/var/log/named-lab.log", "ab")
    subprocess.Popen(["named", "-g", "-c", conf], stdin=subprocess.DEVNULL, stdout=log,
                     stderr=log, start_new_session=True, close_fds=True, cwd="/")
    if not answering(addr):
        with open("/var/log/named-lab.log", errors="replace") as f:
            tail = "".join(f.readlines()[-8:])
        sys.exit(f"labdns: named does not answer on {addr}:53; end of /var/log/named-lab.log:\n{tail}")
    with open(MARK, "w") as f:
        f.write(f"{panel} {conf}\n")


def release(net):
    """Takes the lab's addresses NET.N off lo (lab down)."""
    out = subprocess.run(["ip", "-o", "-4", "addr", "show", "dev", "lo"], capture_output=True,
                         text=True).stdout
    for addr in re.findall(r"inet (127\.\d+\.\d+\.\d+)/32", out):
        if addr.rsplit(".", 1)[0] == net:
            subprocess.run(["ip", "addr", "del", f"{addr}/32", "dev", "lo"])


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "start":
        start(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] in ("reload", "zone-added", "release"):
        {"reload": reload, "zone-added": zone_added, "release": release}[sys.argv[1]](sys.argv[2])
    else:
        sys.exit("usage: labdns.py start PANEL ADDR | reload ZONE | zone-added ZONE | release NET")
