//! `mail check`'s filters and autoresponder of a mailbox: the panel's files (see
//! [`crate::panel::mailrules`]) read on the server, their rules (see [`super::filterlang`])
//! and autoresponder judged here, one verdict each.

use anyhow::Result;
use jiff::Timestamp;

use super::domain::{check, Check, Verdict};
use super::filterlang::{exim_filter, sieve, Action, Effect};
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
    use crate::ops::mail::filterlang::tests::VFILTER;

    #[test]
    fn hostile_files_stay_data() {
        // A line that looks like the script's section marker stays in its file's section.
        let text = "\n@@0\n|# Exim filter\n|@@1\n|deliver \"x@example.com\n";
        let s = sections(text);
        assert_eq!(s.len(), 1);
        let file = unquote(&s["0"]);
        assert!(file.contains("@@1"));
        assert_eq!(exim_filter(&file).len(), 1);
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
