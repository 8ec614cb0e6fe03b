#!/usr/bin/env python3
"""Writes an exim main log of about SIZE MiB in the real format (cPanel's log_selector:
arrival with H=, P=esmtpsa, A=dovecot_login:, S=, id=, T="subject", `for RCPT`; delivery with
R=, T=, H=, X=, CV=, C="250 ..."; Completed), one message every few seconds of one day.
One message in EVERY goes to TARGET; some are deferred first, a few bounce.

Usage: gen-exim-mainlog.py FILE SIZE_MIB TARGET [EVERY]
"""
import random
import sys

B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def b62(n, width):
    out = []
    for _ in range(width):
        n, r = divmod(n, 62)
        out.append(B62[r])
    return "".join(reversed(out))


def main():
    path, size, target = sys.argv[1], int(sys.argv[2]) << 20, sys.argv[3]
    every = int(sys.argv[4]) if len(sys.argv) > 4 else 2000
    rnd = random.Random(42)
    users = [f"user{i}@customer{i % 97}.example" for i in range(5000)]
    remotes = [f"contact{i}@partner{i % 311}.example" for i in range(20000)]
    base = 1796256000  # the day's first second (epoch), only for the ID's time part
    written, n = 0, 0
    with open(path, "w", buffering=1 << 20) as f:
        while written < size:
            sec = (n * 86400) // 2_000_000
            hh, mm, ss = sec // 3600 % 24, sec // 60 % 60, sec % 60
            t = f"2026-12-03 {hh:02}:{mm:02}:{ss:02}"
            mid = f"{b62(base + sec, 6)}-{b62(n, 6)}-{b62(rnd.randrange(3844), 2)}"
            sender = users[rnd.randrange(len(users))]
            rcpt = target if n % every == 0 else remotes[rnd.randrange(len(remotes))]
            dom = rcpt.split("@")[1]
            ip = f"203.0.{rnd.randrange(256)}.{rnd.randrange(1, 255)}"
            lines = [
                f"{t} {mid} <= {sender} H=(desktop-{n % 977}) [{ip}]:{40000 + n % 20000} "
                f"P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_login:{sender} "
                f"S={rnd.randrange(900, 90000)} id={n:x}.{rnd.getrandbits(32):08x}@{sender.split('@')[1]} "
                f"T=\"Invoice {n % 10007} for order {rnd.randrange(100000)}\" for {rcpt}",
            ]
            mx = f"mx.{dom} [198.51.100.{rnd.randrange(1, 255)}]"
            if n % 53 == 0:
                lines.append(f"{t} {mid} H={mx}: SMTP error from remote mail server after RCPT TO:<{rcpt}>: "
                             f"451 4.7.1 Greylisted, please try again later")
                lines.append(f"{t} {mid} == {rcpt} R=dnslookup T=remote_smtp defer (-44) H={mx}: "
                             f"SMTP error from remote mail server after RCPT TO:<{rcpt}>: 451 4.7.1 Greylisted")
            if n % 401 == 0:
                lines.append(f"{t} {mid} ** {rcpt} R=dnslookup T=remote_smtp H={mx}: SMTP error from remote "
                             f"mail server after RCPT TO:<{rcpt}>: 550 5.1.1 <{rcpt}>: Recipient address rejected: User unknown")
            else:
                lines.append(f"{t} {mid} => {rcpt} R=dnslookup T=remote_smtp H={mx} "
                             f"X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 OK  {rnd.getrandbits(40):x} - gsmtp\"")
            lines.append(f"{t} {mid} Completed")
            text = "\n".join(lines) + "\n"
            f.write(text)
            written += len(text)
            n += 1
    print(f"{path}: {written} bytes, {n} messages, {n // every + 1} to {target}")


main()
