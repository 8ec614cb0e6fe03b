//! The mail queue's per-MTA parts behind one seam, for `mail queue` and its `--remove`: which
//! MTA the server runs, its queue as one record a message (listed on the server), a message's
//! headers and the command that removes messages. exim: `exim -bp`, `-Mvh`, `-Mrm`; postfix:
//! `postqueue -j`, `postcat -hq`, `postsuper -d`.

use serde::Serialize;

use super::{eximlog, postfixlog};
use crate::transport::Cmd;

/// Constant shell functions the queue scripts start with. `mta_detect` sets `mta` (`exim`,
/// `postfix`, or empty without either) and `bin` (exim's binary, or postsuper's);
/// `mta_list` prints the queue, one message a line:
/// `ID<TAB>MINUTES<TAB>BYTES<TAB>SENDER<TAB>STATE<TAB>DOMAINS` (sender `<>` for a bounce;
/// state exim's `frozen` or `queued`, postfix's queue name: `active`, `deferred`, `hold`,
/// `incoming`, `maildrop`; the recipients' domains, lower case, separated by spaces), or
/// `!<TAB>WHY` when the listing failed (postqueue's words);
/// `mta_headers ID` prints the message's From:, To: and Subject: header lines.
/// With both installed, postfix is the MTA unless /usr/sbin/sendmail is exim's.
const LIB: &str = r#"section() { printf '\n@@%s\n' "$1"; }
mta_detect() {
  exim=$(command -v exim || command -v exim4) postsuper=$(command -v postsuper) mta='' bin=''
  if [ -n "$postsuper" ] && { [ -z "$exim" ] || ! readlink -f /usr/sbin/sendmail | grep -q exim; }; then
    mta=postfix bin=$postsuper
  elif [ -n "$exim" ]; then mta=exim bin=$exim; fi
}
mta_list() {
  if [ "$mta" = exim ]; then { "$bin" -bp 2>&1 || echo '!failed'; } | awk '
function minutes(a,   n, u) { n = a + 0; u = substr(a, length(a));
  return u == "m" ? n : u == "h" ? n * 60 : u == "d" ? n * 1440 : u == "w" ? n * 10080 : int(n / 60) }
function bytes(s,   n, u) { n = s + 0; u = substr(s, length(s));
  return u == "K" ? n * 1024 : u == "M" ? n * 1048576 : u == "G" ? n * 1073741824 : n }
function flush(   d, x) { if (id == "") return
  for (x in doms) d = d " " x
  printf "%s\t%d\t%d\t%s\t%s\t%s\n", id, age, size, sender, state, substr(d, 2); id = ""; delete doms }
/^ *[0-9]+[smhdw] / { flush(); age = minutes($1); size = bytes($2); id = $3; sender = $4
  gsub(/^<|>$/, "", sender); if (sender == "") sender = "<>"
  state = ($0 ~ /\*\*\* frozen \*\*\*/) ? "frozen" : "queued"; next }
$0 == "!failed" { flush(); printf "!\texim -bp failed: %s\n", words; next }
/^[^ ]/ { words = words $0 " "; next }
/^ +[^ ]/ && id != "" { if ($1 == "D") next; r = $NF; sub(/^.*@/, "", r); doms[tolower(r)] = 1 }
END { flush() }'
  else { postqueue -j 2>&1 || echo '!failed'; } | NOW=$(date +%s) awk '
function str(v) { v = substr(v, 2, length(v) - 2); gsub(/\\\\/, "\001", v); gsub(/\\"/, "\"", v); gsub(/\001/, "\\", v); return v }
$0 == "!failed" { printf "!\tpostqueue -j failed: %s\n", words; next }
!/^\{/ { words = words $0 " "; next }
{ line = $0; id = ""; q = ""; t = 0; size = 0; sender = ""; d = ""; delete doms
  while (match(line, /"[a-z_]+": ("([^"\\]|\\.)*"|[-0-9a-z.]*)/)) {
    kv = substr(line, RSTART, RLENGTH); line = substr(line, RSTART + RLENGTH)
    k = kv; sub(/": .*/, "", k); k = substr(k, 2); v = kv; sub(/^"[a-z_]+": /, "", v)
    if (k == "queue_name") q = str(v); else if (k == "queue_id") id = str(v)
    else if (k == "arrival_time") t = v + 0; else if (k == "message_size") size = v + 0
    else if (k == "sender") sender = str(v)
    else if (k == "address") { r = str(v); sub(/^.*@/, "", r); doms[tolower(r)] = 1 }
  }
  if (id == "" || seen[id]++) next
  for (x in doms) d = d " " x
  age = int((ENVIRON["NOW"] - t) / 60); if (age < 0) age = 0
  gsub(/[\t\n]/, " ", sender); if (sender == "") sender = "<>"
  printf "%s\t%d\t%d\t%s\t%s\t%s\n", id, age, size, sender, q, substr(d, 2) }'
  fi
}
mta_headers() {
  if [ "$mta" = exim ]; then "$bin" -Mvh "$1" 2>/dev/null | sed -n -E 's/^[0-9]{3}[A-Z* ] ((From|To|Subject): .*)$/\1/p'
  else postcat -hq "$1" 2>/dev/null | sed -n -E 's/^((From|To|Subject): .*)$/\1/p'; fi | head -n 3
}
mta_detect"#;

/// `body` after the MTA functions (and `mta_detect` run): one constant script.
pub fn script(body: &str) -> String {
    format!("{LIB}\n{body}")
}

/// The MTA a server runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mta {
    Exim,
    Postfix,
}

impl Mta {
    /// The word `mta_detect` prints.
    pub fn parse(word: &str) -> Option<Mta> {
        match word.trim() {
            "exim" => Some(Mta::Exim),
            "postfix" => Some(Mta::Postfix),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mta::Exim => "exim",
            Mta::Postfix => "postfix",
        }
    }

    /// A message ID of this MTA (exim's message ID, postfix's queue ID).
    pub fn is_id(self, id: &str) -> bool {
        match self {
            Mta::Exim => eximlog::is_id(id),
            Mta::Postfix => postfixlog::is_queue_id(id),
        }
    }

    /// What `--frozen` selects and the figure `frozen` counts: exim's frozen messages;
    /// postfix never freezes a message, and its hold queue is the nearest.
    pub fn stuck(self) -> &'static str {
        match self {
            Mta::Exim => "frozen",
            Mta::Postfix => {
                "on hold (postfix has no frozen messages: its hold queue is the nearest)"
            }
        }
    }

    /// The one command that removes `ids`, run as `bin` (exim's binary or postsuper), and why.
    pub fn remove(self, bin: &str, ids: &[String]) -> (Cmd, &'static str) {
        match self {
            Mta::Exim => (
                Cmd::new(bin).arg("-Mrm").args(ids.iter().cloned()),
                "exim removes the messages from its queue (no bounce is sent)",
            ),
            Mta::Postfix => (
                Cmd::new(bin).args(ids.iter().flat_map(|id| ["-d".to_string(), id.clone()])),
                "postsuper deletes the messages from postfix's queues (no bounce is sent)",
            ),
        }
    }

    /// True when the remove command's output (`words`, stdout and stderr) says `id` is gone.
    pub fn removed(self, words: &str, id: &str) -> bool {
        match self {
            Mta::Exim => words.contains(&format!("Message {id} has been removed")),
            Mta::Postfix => words
                .lines()
                .any(|l| l.trim_end() == format!("postsuper: {id}: removed")),
        }
    }
}

/// Runs `body` after the functions as on a server of `mta` whose queue listing is a real
/// sample: exim's `exim -bp` prints tests/fixtures/real/exim-bp.txt; postfix's `postqueue -j`
/// prints postqueue-j.jsonl, `postcat -hq` postcat-hq.txt (for every ID), and its clock reads
/// 1796307500 (4 minutes after the newest arrival).
#[cfg(test)]
pub(crate) fn on_sample(mta: Mta, body: &str, args: &[&str]) -> String {
    let real = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real");
    let stubs = match mta {
        Mta::Exim => format!(
            "exim_sample() {{ cat {real}/exim-bp.txt; }}\nmta=exim bin=exim_sample"
        ),
        Mta::Postfix => format!(
            "postqueue() {{ cat {real}/postqueue-j.jsonl; }}\npostcat() {{ cat {real}/postcat-hq.txt; }}\ndate() {{ echo 1796307500; }}\nmta=postfix bin=/usr/sbin/postsuper"
        ),
    };
    run_with(&stubs, body, args)
}

/// Runs `body` after the functions and `stubs` (shell functions standing in for the MTA's
/// commands, and the variables `mta_detect` sets) with `sh`; its output.
#[cfg(test)]
pub(crate) fn run_with(stubs: &str, body: &str, args: &[&str]) -> String {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{LIB}\n{stubs}\n{body}"))
        .arg("sh")
        .args(args)
        .output()
        .expect("run sh");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A postfix whose queue cannot be listed: postqueue's words (postqueue.c, exit 69).
#[cfg(test)]
pub(crate) const POSTQUEUE_DOWN: &str = "postqueue() { echo 'postqueue: fatal: Queue report unavailable - mail system is down' >&2; return 69; }\nmta=postfix bin=/usr/sbin/postsuper";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postqueue_json_lines_become_one_record_a_message() {
        let out = on_sample(Mta::Postfix, "mta_list", &[]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4, "{out}");
        assert_eq!(
            lines[0],
            "3B0CB9A2019\t1\t239\tMAILER-DAEMON\tdeferred\tremote.example"
        );
        // The JSON escapes undone: the sender is "john \\"@h1.lab.
        assert_eq!(lines[1].split('\t').nth(3), Some("\"john \\\\\"@h1.lab"));
        let mut domains: Vec<&str> = lines[1].split('\t').nth(5).unwrap().split(' ').collect();
        domains.sort();
        assert_eq!(domains, ["one.example", "two.example"]);
        assert!(lines[3].starts_with("3C0E49A22DF\t3\t244\tok@y.example\thold\t"));
    }

    #[test]
    fn exim_bp_becomes_one_record_a_message() {
        let out = on_sample(Mta::Exim, "mta_list", &[]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines,
            [
                "1xZ821-0004cL-2U\t0\t271\tinfo@shop.test\tqueued\tdead.test",
                "1xZ821-0004cR-2p\t0\t271\tinfo@shop.test\tqueued\tdead.test",
                "1xZ821-0004cb-39\t0\t1536\t<>\tfrozen\tnowhere.invalid",
            ]
        );
    }

    #[test]
    fn a_failed_listing_is_one_record_with_its_words() {
        assert_eq!(
            run_with(POSTQUEUE_DOWN, "mta_list", &[]),
            "!\tpostqueue -j failed: postqueue: fatal: Queue report unavailable - mail system is down \n"
        );
    }

    #[test]
    fn removal_commands_and_their_words() {
        let ids = ["3C0E49A22DF".to_string(), "305F89A22DB".to_string()];
        let (cmd, _) = Mta::Postfix.remove("/usr/sbin/postsuper", &ids);
        assert_eq!(
            cmd.argv(),
            [
                "/usr/sbin/postsuper",
                "-d",
                "3C0E49A22DF",
                "-d",
                "305F89A22DB"
            ]
        );
        let words = include_str!("../../../tests/fixtures/real/postsuper-d.txt");
        assert!(Mta::Postfix.removed(words, "433E59A2022"));
        assert!(!Mta::Postfix.removed(words, "3C0E49A22DF"));
        assert!(Mta::Exim.removed(
            "Message 1xZ4gD-0005mC-0z has been removed\n",
            "1xZ4gD-0005mC-0z"
        ));
        assert!(Mta::Postfix.is_id("3C0E49A22DF") && !Mta::Exim.is_id("3C0E49A22DF"));
    }
}
