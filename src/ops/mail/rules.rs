//! `mail check`'s filters and autoresponder of a mailbox: the panel's files (see
//! [`crate::panel::mailrules`]) read on the server and judged here. Exim filters (cPanel,
//! DirectAdmin) and Sieve scripts (dovecot) are read for what each rule does with the mail:
//! discards it, bounces it, pipes it, sends it elsewhere, or files it into a folder.

use anyhow::Result;
use jiff::Timestamp;

use super::domain::{check, Check, Verdict};
use crate::host::kv::sections;
use crate::panel::mailrules::{MailRules, RuleFile, RuleKind};
use crate::transport::{self, Cmd, Transport};

/// Constant. Each argument a path: a plain file's first 64 KiB, each line behind `|`, in a
/// section named by the argument's index; a missing file (or one a symlink leads to) prints
/// nothing.
const READ: &str = r#"i=0
for f in "$@"; do
  if [ -f "$f" ] && [ "$(readlink -f -- "$f")" = "$f" ]; then
    printf '\n@@%s\n' "$i"; head -c 65536 -- "$f" | sed 's/^/|/'
  fi
  i=$((i + 1))
done
true"#;

/// The `filters` and `autoresponder` checks of `mailbox`@`domain` (None: hostops does not
/// read them on this panel).
pub fn checks(
    t: &dyn Transport,
    rules: Option<&dyn MailRules>,
    home: Option<&str>,
    mailbox: &str,
    domain: &str,
) -> Result<[Check; 2]> {
    let Some(rules) = rules else {
        let why =
            "hostops does not read this panel's filters and autoresponders: see them in the panel";
        return Ok([
            check("filters", Verdict::NotAvailable, why),
            check("autoresponder", Verdict::NotAvailable, why),
        ]);
    };
    let files = rules.rule_files(home, mailbox, domain);
    let cmd = Cmd::script("sh", READ).args(files.iter().map(|f| f.path.clone()));
    let text = transport::run_ok(t, &cmd)?.stdout_text();
    let s = sections(&text);
    let read: Vec<(&RuleFile, Option<String>)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (f, s.get(i.to_string().as_str()).map(|c| unquote(c))))
        .collect();
    Ok([
        filters(&read),
        autoresponder(&read, mailbox, Timestamp::now()),
    ])
}

/// The file's text without the `|` before each line.
fn unquote(section: &str) -> String {
    section
        .lines()
        .map(|l| l.strip_prefix('|').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What one rule does with a message.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Effect {
    Discard,
    Bounce,
    Freeze,
    Pipe(String),
    Redirect(String),
    /// A copy elsewhere; the mailbox still gets the message.
    Copy(String),
    Folder(String),
    /// Sieve `vacation`: an automatic reply, with its subject when the script sets one.
    Vacation(Option<String>),
}

/// One action of a filter, with the rule's name and condition when it has them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Action {
    rule: Option<String>,
    condition: Option<String>,
    effect: Effect,
}

impl Action {
    /// The mail never reaches the mailbox.
    fn loses_mail(&self) -> bool {
        matches!(
            self.effect,
            Effect::Discard | Effect::Bounce | Effect::Pipe(_) | Effect::Redirect(_)
        )
    }

    fn describe(&self) -> String {
        let what = match &self.effect {
            Effect::Discard => "discards the message".to_string(),
            Effect::Bounce => "bounces the message".to_string(),
            Effect::Freeze => "freezes the message in the queue".to_string(),
            Effect::Pipe(c) => format!("pipes the message to {c}"),
            Effect::Redirect(a) => format!("redirects the message to {a}"),
            Effect::Copy(a) => format!("sends a copy to {a}"),
            Effect::Folder(f) => format!("files the message into {f}"),
            Effect::Vacation(_) => "replies automatically".to_string(),
        };
        let rule = self
            .rule
            .as_ref()
            .map(|r| format!("rule {r:?} "))
            .unwrap_or_default();
        match &self.condition {
            Some(c) => format!("{rule}{what} when {c}"),
            None => format!("{rule}{what}, every message"),
        }
    }
}

/// Words and quoted strings of a filter; `#` comments kept as their own tokens (a cPanel
/// rule's name is the comment before its `if`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Word(String),
    Quoted(String),
    Comment(String),
}

fn tokens(text: &str, punctuation: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut chars = line.trim().chars().peekable();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut Vec<Token>| {
            if !word.is_empty() {
                out.push(Token::Word(std::mem::take(word)));
            }
        };
        while let Some(c) = chars.next() {
            match c {
                '#' if word.is_empty() => {
                    out.push(Token::Comment(chars.collect::<String>().trim().to_string()));
                    break;
                }
                '"' => {
                    flush(&mut word, &mut out);
                    let mut q = String::new();
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => q.extend(chars.next()),
                            '"' => break,
                            c => q.push(c),
                        }
                    }
                    out.push(Token::Quoted(q));
                }
                c if c.is_whitespace() => flush(&mut word, &mut out),
                c if punctuation.contains(c) => {
                    flush(&mut word, &mut out);
                    out.push(Token::Word(c.to_string()));
                }
                c => word.push(c),
            }
        }
        flush(&mut word, &mut out);
    }
    out
}

fn text_of(t: &Token) -> String {
    match t {
        Token::Word(w) => w.clone(),
        Token::Quoted(q) => format!("{q:?}"),
        Token::Comment(c) => c.clone(),
    }
}

fn arg_of(t: Option<&Token>) -> String {
    match t {
        Some(Token::Word(w)) | Some(Token::Quoted(w)) => w.clone(),
        _ => String::new(),
    }
}

/// An action under the open `if`s (`name`: the rule's, when it is under one).
fn under(name: &Option<String>, conditions: &[String], effect: Effect) -> Action {
    Action {
        rule: name.clone().filter(|_| !conditions.is_empty()),
        condition: (!conditions.is_empty()).then(|| conditions.join(" and ")),
        effect,
    }
}

/// The actions of an exim filter file (`save`, `deliver`, `pipe`, `fail`, `freeze`, each
/// with the `if` it is under).
fn exim_filter(text: &str) -> Vec<Action> {
    let toks = tokens(text, "");
    let mut out = Vec::new();
    let (mut name, mut pending) = (None::<String>, None::<String>);
    let mut conditions: Vec<String> = Vec::new();
    let mut unseen = false;
    let mut i = 0;
    let word = |i: usize| match toks.get(i) {
        Some(Token::Word(w)) => w.as_str(),
        _ => "",
    };
    while i < toks.len() {
        match (&toks[i], word(i)) {
            // A rule's name; not the `# Exim filter` line every filter file starts with.
            (Token::Comment(c), _) if !c.to_ascii_lowercase().starts_with("exim filter") => {
                pending = Some(c.clone())
            }
            (_, kw @ ("if" | "elif")) => {
                if kw == "elif" {
                    conditions.pop();
                } else {
                    name = pending.take();
                }
                let mut cond = Vec::new();
                i += 1;
                while i < toks.len() && word(i) != "then" {
                    if !matches!(toks[i], Token::Comment(_)) {
                        cond.push(text_of(&toks[i]));
                    }
                    i += 1;
                }
                conditions.push(cond.join(" "));
            }
            (_, "else") => {
                if let Some(c) = conditions.pop() {
                    conditions.push(format!("not ({c})"));
                }
            }
            (_, "endif") => {
                conditions.pop();
            }
            // `seen finish`: the message counts as delivered and nothing else happens.
            (_, "seen") if word(i + 1) == "finish" => {
                out.push(under(&name, &conditions, Effect::Discard))
            }
            (_, "unseen") => {
                unseen = true;
                i += 1;
                continue;
            }
            (_, cmd @ ("save" | "deliver" | "pipe" | "fail" | "freeze")) => {
                let arg = arg_of(toks.get(i + 1));
                let effect = match cmd {
                    "save" if arg == "/dev/null" => Effect::Discard,
                    "save" => Effect::Folder(arg),
                    "deliver" if unseen => Effect::Copy(arg),
                    "deliver" => Effect::Redirect(arg),
                    "pipe" => Effect::Pipe(arg),
                    "fail" => Effect::Bounce,
                    _ => Effect::Freeze,
                };
                out.push(under(&name, &conditions, effect));
            }
            _ => {}
        }
        unseen = false;
        i += 1;
    }
    out
}

/// The actions of a Sieve script (`discard`, `reject`, `redirect`, `fileinto`, `vacation`,
/// each with the `if` it is under).
fn sieve(text: &str) -> Vec<Action> {
    let toks = tokens(text, "{};,[]");
    let mut out = Vec::new();
    // The condition of each open block (None: a block without one, as `else`).
    let mut blocks: Vec<Option<String>> = Vec::new();
    let mut pending: Option<String> = None;
    let word = |i: usize| match toks.get(i) {
        Some(Token::Word(w)) => w.to_ascii_lowercase(),
        _ => String::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        match word(i).as_str() {
            "if" | "elsif" => {
                let mut cond = Vec::new();
                i += 1;
                while i < toks.len() && word(i) != "{" {
                    if !matches!(toks[i], Token::Comment(_)) {
                        cond.push(text_of(&toks[i]));
                    }
                    i += 1;
                }
                pending = Some(cond.join(" "));
                continue;
            }
            "{" => blocks.push(pending.take()),
            "}" => {
                blocks.pop();
            }
            cmd @ ("discard" | "reject" | "ereject" | "redirect" | "fileinto" | "vacation") => {
                // The command's arguments up to its `;`.
                let start = i + 1;
                while i < toks.len() && word(i) != ";" {
                    i += 1;
                }
                let args = &toks[start..i.min(toks.len())];
                let tagged = |tag: &str| {
                    args.iter()
                        .position(|t| matches!(t, Token::Word(w) if w.eq_ignore_ascii_case(tag)))
                };
                let last = args
                    .iter()
                    .rev()
                    .find_map(|t| match t {
                        Token::Quoted(q) => Some(q.clone()),
                        _ => None,
                    })
                    .unwrap_or_default();
                let effect = match cmd {
                    "discard" => Effect::Discard,
                    "reject" | "ereject" => Effect::Bounce,
                    "redirect" if tagged(":copy").is_some() => Effect::Copy(last),
                    "redirect" => Effect::Redirect(last),
                    "fileinto" => Effect::Folder(last),
                    _ => Effect::Vacation(tagged(":subject").map(|p| arg_of(args.get(p + 1)))),
                };
                let conds: Vec<&str> = blocks.iter().flatten().map(String::as_str).collect();
                out.push(Action {
                    rule: None,
                    condition: (!conds.is_empty()).then(|| conds.join(" and ")),
                    effect,
                });
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// The actions of every filter file read, with the file each is in.
fn actions<'a>(read: &'a [(&RuleFile, Option<String>)]) -> Vec<(&'a str, Action)> {
    read.iter()
        .filter_map(|(f, text)| Some((f, text.as_deref()?)))
        .flat_map(|(f, text)| {
            let found = match f.kind {
                RuleKind::DomainFilter | RuleKind::MailboxFilter => exim_filter(text),
                RuleKind::Sieve => sieve(text),
                _ => Vec::new(),
            };
            found.into_iter().map(|a| (f.path.as_str(), a))
        })
        .collect()
}

/// One verdict for the filters: the rules that keep mail from the mailbox (discard, bounce,
/// pipe, redirect) are named; one that does so for every message fails.
fn filters(read: &[(&RuleFile, Option<String>)]) -> Check {
    let found: Vec<(&str, Action)> = actions(read)
        .into_iter()
        .filter(|(_, a)| !matches!(a.effect, Effect::Vacation(_)))
        .collect();
    let files: Vec<&str> = read
        .iter()
        .filter(|(f, t)| {
            t.is_some()
                && matches!(
                    f.kind,
                    RuleKind::DomainFilter | RuleKind::MailboxFilter | RuleKind::Sieve
                )
        })
        .map(|(f, _)| f.path.as_str())
        .collect();
    if found.is_empty() {
        return check(
            "filters",
            Verdict::Ok,
            if files.is_empty() {
                "none".to_string()
            } else {
                format!("no rule moves or drops mail ({})", files.join(", "))
            },
        );
    }
    let losing: Vec<String> = found
        .iter()
        .filter(|(_, a)| a.loses_mail() || a.effect == Effect::Freeze)
        .map(|(p, a)| format!("{} ({p})", a.describe()))
        .collect();
    let every = found
        .iter()
        .any(|(_, a)| a.loses_mail() && a.condition.is_none());
    if losing.is_empty() {
        let text: Vec<String> = found
            .iter()
            .map(|(p, a)| format!("{} ({p})", a.describe()))
            .collect();
        return check("filters", Verdict::Ok, text.join("; "));
    }
    let verdict = if every { Verdict::Fail } else { Verdict::Warn };
    check(
        "filters",
        verdict,
        format!(
            "a filter keeps mail from the mailbox: {}",
            losing.join("; ")
        ),
    )
}

/// The `Subject:` of a reply message (its headers end at the first blank line).
fn subject(message: &str) -> Option<String> {
    message
        .lines()
        .take_while(|l| !l.trim().is_empty())
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.trim()
                .eq_ignore_ascii_case("subject")
                .then(|| v.trim().to_string())
        })
}

/// One verdict for the autoresponder: on (a warning: it replies to every message, spam
/// included), set but outside its window, or none.
fn autoresponder(read: &[(&RuleFile, Option<String>)], mailbox: &str, now: Timestamp) -> Check {
    let of = |k: RuleKind| read.iter().find(|(f, _)| f.kind == k);
    let on = |subject: Option<String>, how: &str, until: &str| {
        let about = subject
            .map(|s| format!(" (subject {s:?})"))
            .unwrap_or_default();
        check(
            "autoresponder",
            Verdict::Warn,
            format!("autoresponder active: replies to every message{about}{until}, {how}"),
        )
    };
    if let Some((f, Some(message))) = of(RuleKind::Reply) {
        let listed = match of(RuleKind::ReplyList) {
            None => true,
            Some((_, list)) => list.as_deref().is_some_and(|l| {
                l.lines().any(|l| {
                    l.split_once(':')
                        .is_some_and(|(k, _)| k.trim().eq_ignore_ascii_case(mailbox))
                })
            }),
        };
        let window = of(RuleKind::ReplyWindow)
            .and_then(|(_, t)| t.as_deref())
            .and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok());
        let at = |k: &str| {
            window
                .as_ref()
                .and_then(|w| w[k].as_i64())
                .and_then(|s| Timestamp::from_second(s).ok())
        };
        let (start, stop) = (at("start"), at("stop"));
        if !listed {
            return check(
                "autoresponder",
                Verdict::Ok,
                format!("off (a reply message is left in {})", f.path),
            );
        }
        if let Some(s) = start.filter(|&s| s > now) {
            return check(
                "autoresponder",
                Verdict::Ok,
                format!("set to start at {s} ({})", f.path),
            );
        }
        if let Some(s) = stop.filter(|&s| s <= now) {
            return check(
                "autoresponder",
                Verdict::Ok,
                format!("ended at {s} ({})", f.path),
            );
        }
        let until = stop.map(|s| format!(" until {s}")).unwrap_or_default();
        return on(subject(message), &f.path, &until);
    }
    let vacation = actions(read)
        .into_iter()
        .find(|(_, a)| matches!(a.effect, Effect::Vacation(_)));
    match vacation {
        Some((
            path,
            Action {
                effect: Effect::Vacation(s),
                condition,
                ..
            },
        )) => {
            let when = condition.map(|c| format!(" when {c}")).unwrap_or_default();
            on(s, &format!("Sieve vacation in {path}{when}"), "")
        }
        _ => check("autoresponder", Verdict::Ok, "none"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An exim filter in cPanel's shape: the loop guard, then a `#NAME` comment before each
    /// rule.
    const VFILTER: &str = r#"# Exim filter
headers charset "UTF-8"
if not first_delivery and error_message then finish endif

#Drop spammer
if
 $header_from: contains "spammer@example.com"
then
 save "/dev/null" 660
endif

#Boss copy
if
 $header_subject: contains "invoice"
then
 unseen deliver "boss@example.com"
endif
"#;

    #[test]
    fn exim_filters_name_what_each_rule_does() {
        let a = exim_filter(VFILTER);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].effect, Effect::Discard);
        assert_eq!(a[0].rule.as_deref(), Some("Drop spammer"));
        assert_eq!(
            a[0].condition.as_deref(),
            Some(r#"$header_from: contains "spammer@example.com""#)
        );
        assert_eq!(a[1].effect, Effect::Copy("boss@example.com".into()));
        let seen = exim_filter("if $h_subject: contains \"x\" then\n seen finish\nendif\n");
        assert_eq!(seen[0].effect, Effect::Discard);
        let all = exim_filter("deliver \"elsewhere@example.net\"\n");
        assert_eq!(
            all[0].effect,
            Effect::Redirect("elsewhere@example.net".into())
        );
        assert!(all[0].condition.is_none());
    }

    #[test]
    fn hostile_files_stay_data() {
        // A line that looks like the script's section marker stays in its file's section.
        let text = "\n@@0\n|# Exim filter\n|@@1\n|deliver \"x@example.com\n";
        let s = sections(text);
        assert_eq!(s.len(), 1);
        let file = unquote(&s["0"]);
        assert!(file.contains("@@1"));
        // An unterminated quote ends with its line's end of file; nothing panics.
        let a = exim_filter(&file);
        assert_eq!(a[0].effect, Effect::Redirect("x@example.com".into()));
        assert!(sieve("if { } } redirect").len() <= 1);
        assert!(exim_filter("if\nthen\nelif\nelse endif endif").is_empty());
    }

    #[test]
    fn sieve_scripts_and_vacation() {
        let s = r#"require ["fileinto", "vacation"];
# spam to its folder
if header :contains "X-Spam-Flag" "YES" { fileinto "Junk"; stop; }
elsif address :is "from" "x@example.com" { discard; }
vacation :days 1 :subject "Away" "I am away";
"#;
        let a = sieve(s);
        assert_eq!(a[0].effect, Effect::Folder("Junk".into()));
        assert_eq!(a[1].effect, Effect::Discard);
        assert!(a[1].condition.as_deref().unwrap().contains("x@example.com"));
        assert_eq!(a[2].effect, Effect::Vacation(Some("Away".into())));
        assert!(a[2].condition.is_none());
    }

    #[test]
    fn verdicts_for_filters_and_autoresponders() {
        let domain = RuleFile::new(RuleKind::DomainFilter, "/etc/vfilters/a.test");
        let reply = RuleFile::new(RuleKind::Reply, "/home/u/.autorespond/info@a.test");
        let window = RuleFile::new(
            RuleKind::ReplyWindow,
            "/home/u/.autorespond/info@a.test.json",
        );
        let list = RuleFile::new(
            RuleKind::ReplyList,
            "/etc/virtual/a.test/autoresponder.conf",
        );
        let none = [(&domain, None), (&reply, None)];
        assert_eq!(filters(&none).verdict, Verdict::Ok);
        let now = Timestamp::from_second(2_000_000_000).unwrap();
        assert_eq!(autoresponder(&none, "info", now).text, "none");

        let f = [(&domain, Some(VFILTER.to_string()))];
        let c = filters(&f);
        assert_eq!(c.verdict, Verdict::Warn, "{c:?}");
        assert!(c.text.contains("rule \"Drop spammer\" discards"), "{c:?}");
        let every = [(&domain, Some("save /dev/null\n".to_string()))];
        assert_eq!(filters(&every).verdict, Verdict::Fail);

        let msg = Some("From: info@a.test\nSubject: Away\n\nBack Monday\n".to_string());
        let on = [(&reply, msg.clone())];
        let c = autoresponder(&on, "info", now);
        assert_eq!(c.verdict, Verdict::Warn);
        assert!(
            c.text
                .starts_with("autoresponder active: replies to every message (subject \"Away\")"),
            "{c:?}"
        );
        let ended = [
            (&reply, msg.clone()),
            (&window, Some(r#"{"start":1,"stop":1000}"#.into())),
        ];
        assert_eq!(autoresponder(&ended, "info", now).verdict, Verdict::Ok);
        let unlisted = [(&reply, msg.clone()), (&list, Some("sales:\n".into()))];
        assert_eq!(autoresponder(&unlisted, "info", now).verdict, Verdict::Ok);
        let listed = [(&reply, msg), (&list, Some("info:\n".into()))];
        assert_eq!(autoresponder(&listed, "info", now).verdict, Verdict::Warn);
    }
}
