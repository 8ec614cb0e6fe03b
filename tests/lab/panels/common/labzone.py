"""labzone: BIND zone files as the panels' DNS tools see them: records with their line index
(cPanel's parse_dns_zone), edits by line index, serial bumps. Python 3 stdlib only.

A record is a dict: line_index (0-based, its first line), lines (how many lines it spans),
dname (as written: relative, absolute with a trailing dot, or "@"), ttl, record_type, data
(list of strings: TXT's character-strings unquoted, other types' fields).
"""
import datetime


def _words(text):
    """Yields (line_index, first_of_entry, words) per entry; quoted words as ('q', s)."""
    i, n, line = 0, len(text), 0
    entry, start, depth, blank_owner = [], 0, 0, False
    at_start = True
    while i < n:
        c = text[i]
        if at_start:
            at_start = False
            if depth == 0 and not entry:
                start, blank_owner = line, c in " \t"
        if c == "\n":
            line += 1
            at_start = True
            if depth == 0 and entry:
                yield start, blank_owner, entry, line - start
                entry = []
            i += 1
        elif c == ";":
            while i < n and text[i] != "\n":
                i += 1
        elif c == "(":
            depth += 1
            i += 1
        elif c == ")":
            depth -= 1
            i += 1
        elif c == '"':
            j, s = i + 1, []
            while j < n and text[j] != '"':
                if text[j] == "\\" and j + 1 < n:
                    s.append(text[j:j + 2])
                    j += 2
                else:
                    if text[j] == "\n":
                        line += 1
                    s.append(text[j])
                    j += 1
            entry.append(("q", _unescape("".join(s))))
            i = j + 1
        elif c in " \t\r":
            i += 1
        else:
            j = i
            while j < n and text[j] not in " \t\r\n;()\"":
                j += 2 if text[j] == "\\" else 1
            entry.append(("w", text[i:j]))
            i = j
    if entry:
        yield start, blank_owner, entry, line - start + 1


def _unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 4 <= len(s) and s[i + 1:i + 4].isdigit():
            out.append(chr(int(s[i + 1:i + 4])))
            i += 4
        elif s[i] == "\\" and i + 1 < len(s):
            out.append(s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


TYPES = {"A", "AAAA", "CNAME", "MX", "TXT", "SRV", "CAA", "NS", "SOA", "PTR"}


def parse(text):
    """(items, default_ttl): items are records (type "record") and control lines."""
    items, ttl, owner = [], 14400, "@"
    for index, blank_owner, words, lines in _words(text):
        if not blank_owner and words[0][1].startswith("$"):
            if words[0][1].upper() == "$TTL" and len(words) > 1:
                ttl = int(words[1][1])
            items.append({"line_index": index, "type": "control",
                          "text": " ".join(w for _, w in words)})
            continue
        rest = words if blank_owner else words[1:]
        if not blank_owner:
            owner = words[0][1]
        rttl = ttl
        while rest and rest[0][0] == "w" and rest[0][1].upper() not in TYPES:
            w = rest.pop(0)[1]
            if w.isdigit():
                rttl = int(w)
        if not rest:
            continue
        rtype = rest[0][1].upper()
        items.append({"line_index": index, "lines": lines, "type": "record", "dname": owner,
                      "ttl": rttl, "record_type": rtype, "data": [w for _, w in rest[1:]]})
    return items


def default_ttl(text):
    """The zone's $TTL (14400 without one)."""
    for item in parse(text):
        if item["type"] == "control" and item["text"].upper().startswith("$TTL "):
            return int(item["text"].split()[1])
    return 14400


def records(text):
    return [i for i in parse(text) if i["type"] == "record"]


def serial(text):
    for r in records(text):
        if r["record_type"] == "SOA":
            return int(r["data"][2])
    raise ValueError("the zone has no SOA record")


def quote(s):
    out = []
    for ch in s:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 32 or ord(ch) == 127:
            out.append(f"\\{ord(ch):03d}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def render(dname, ttl, rtype, data):
    """One zone file line for a record."""
    if rtype == "TXT":
        value = " ".join(quote(s) for s in data)
    elif rtype == "CAA" and len(data) == 3:
        value = f"{data[0]} {data[1]} {quote(data[2])}"
    else:
        value = " ".join(data)
    return f"{dname}\t{ttl}\tIN\t{rtype}\t{value}\n"


def next_serial(old):
    """The serial after OLD: today's YYYYMMDD00, or OLD + 1 when that is not greater."""
    today = int(datetime.date.today().strftime("%Y%m%d") + "00")
    return max(old + 1, today)


def edit(text, adds=(), edits=(), removes=()):
    """TEXT with records removed and edited by line index (of TEXT), ADDS appended and the
    SOA serial bumped; returns (new text, new serial). An edit/remove naming no record's
    line raises ValueError."""
    lines = text.splitlines(keepends=True)
    by_index = {r["line_index"]: r for r in records(text)}
    replace = {}
    for index in removes:
        if index not in by_index:
            raise ValueError(f"No record exists at line index {index}.")
        replace[index] = ""
    for index, line in edits:
        if index not in by_index:
            raise ValueError(f"No record exists at line index {index}.")
        replace[index] = line
    soa = next(r for r in by_index.values() if r["record_type"] == "SOA")
    new_serial = next_serial(int(soa["data"][2]))
    if soa["line_index"] not in replace:
        d = list(soa["data"])
        d[2] = str(new_serial)
        replace[soa["line_index"]] = render(soa["dname"], soa["ttl"], "SOA", d)
    out, i = [], 0
    while i < len(lines):
        if i in replace:
            out.append(replace[i])
            i += by_index[i]["lines"]
        else:
            out.append(lines[i])
            i += 1
    if out and not out[-1].endswith("\n"):
        out[-1] += "\n"
    out.extend(adds)
    return "".join(out), new_serial


def write(path, text):
    """Replaces the zone file PATH (a new file renamed over it)."""
    import os
    tmp = f"{path}.lab-new"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, path)
