//! One run in a person's words: what it did (from its plan and whether it was applied, or what
//! it checked), how it went on the hosts and the steps, the outcome, the time, and how to undo
//! or resume it.

use serde::Serialize;

use crate::journal::query::short_run_id;
use crate::journal::{Event, RunStatus, RunSummary, StoredEvent};
use crate::ops::handoff::one_line;
use crate::ops::migrate::steps::REQUEST_UNIT;
use crate::output::human_duration;

/// What a run did, for the timeline and the hand-over note.
#[derive(Debug, Clone, Serialize)]
pub struct Phrase {
    /// The line: "restored bob on h1 from ...: ok, 2 min".
    pub line: String,
    pub kind: Kind,
    /// The command that undoes it, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub undo: Option<String>,
    /// The command that resumes it, when it stopped part-way.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resume: Option<String>,
}

/// What a run did to the servers, as the hand-over note groups runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Only looked (probes, checks, dry runs, plans not applied).
    Checked,
    /// Ran the operator's own commands (`exec`): hostops cannot tell whether they changed anything.
    Ran,
    /// Applied a change.
    Changed,
    /// Worked on the ticket itself (escalated, closed).
    Ticket,
}

/// Past tenses of the verbs plan summaries begin with.
const PAST: &[(&str, &str)] = &[
    ("run", "ran"),
    ("migrate", "migrated"),
    ("restore", "restored"),
    ("copy", "copied"),
    ("undo", "undid"),
    ("sync", "synced"),
    ("install", "installed"),
    ("rebuild", "rebuilt"),
    ("upgrade", "upgraded"),
    ("remove", "removed"),
    ("repair", "repaired"),
    ("apply", "applied"),
];

pub fn phrase(run: &RunSummary, events: &[&StoredEvent]) -> Phrase {
    let notes: Vec<&str> = events
        .iter()
        .filter_map(|e| match &e.event {
            Event::Note { text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    let first_line = |n: &str| n.lines().next().unwrap_or_default().to_string();
    let plan = notes
        .iter()
        .find_map(|n| n.strip_prefix("plan: "))
        .map(first_line);
    let would = notes
        .iter()
        .find(|n| n.starts_with("dry run: would "))
        .map(|n| first_line(n));
    let applied = notes.iter().any(|n| n.starts_with("applied: "));
    let begun = events
        .iter()
        .any(|e| matches!(e.event, Event::Step(_) | Event::Copy(_)))
        || matches!(run.status, RunStatus::Interrupted | RunStatus::Running);
    let own = ticket_event(events);
    let kind = match (&own, applied && !run.dry_run) {
        (Some(_), _) => Kind::Ticket,
        (None, true) if run.command == "exec" => Kind::Ran,
        (None, true) => Kind::Changed,
        (None, false) => Kind::Checked,
    };
    let what = if let Some(own) = own {
        own
    } else {
        match (plan, would) {
            (Some(p), _) if applied => past(&shorten(&p)),
            (Some(p), _) if begun => format!("began to {}", shorten(&p)),
            (Some(p), _) => format!("planned to {}, not applied", shorten(&p)),
            (None, Some(w)) => shorten(&w),
            (None, None) => checked(run, &notes),
        }
    };
    let what = name_units(&what, events);
    let mut parts = vec![match hosts(events, &notes) {
        Some(tally) => format!("{what}: {tally}"),
        None => what,
    }];
    parts.extend(steps(run, events));
    let outcome = match (run.status, run.exit_code) {
        (RunStatus::Ok, _) => "ok".to_string(),
        (RunStatus::Failed, Some(c)) => format!("failed (exit {c})"),
        (s, _) => s.as_str().to_string(),
    };
    let id = short_run_id(&run.run_id);
    let undo = (kind == Kind::Changed && run.command == "backup restore")
        .then(|| format!("hostops --ticket {} backup undo {id}", run.ticket));
    let resume = (run.command == "migrate run"
        && matches!(run.status, RunStatus::Interrupted | RunStatus::Failed))
    .then(|| format!("hostops --ticket {} migrate run --resume {id}", run.ticket));
    let mut line = format!(
        "{}; {outcome}, {}",
        parts.join(", "),
        human_duration(run.duration_ms)
    );
    if let Some(u) = &undo {
        line.push_str(&format!(" (undo: `{u}`)"));
    }
    Phrase {
        line,
        kind,
        undo,
        resume,
    }
}

/// The words of a run that escalated, reported or closed the ticket.
fn ticket_event(events: &[&StoredEvent]) -> Option<String> {
    let words: Vec<String> = events
        .iter()
        .filter_map(|e| match &e.event {
            Event::Escalation(x) => Some(format!(
                "escalated {} → L{}: {}",
                super::level_name(x.from),
                x.to,
                one_line(&x.note)
            )),
            Event::Reported { text } => Some(format!(
                "recorded the customer's report: {}",
                one_line(text)
            )),
            Event::Closed { note } => Some(match note {
                Some(n) => format!("closed the ticket: {}", one_line(n)),
                None => "closed the ticket".to_string(),
            }),
            _ => None,
        })
        .collect();
    (!words.is_empty()).then(|| words.join("; "))
}

/// A plan summary without the host list exec plans carry (`... on 3 host(s): a, b, c`).
fn shorten(summary: &str) -> String {
    match summary.find(" host(s): ") {
        Some(i) => format!("{} host(s)", &summary[..i]),
        None => summary.to_string(),
    }
}

/// `migrated 2 account(s) from h1 to h2` → `migrated alice, bob from h1 to h2`: the units the
/// run's steps worked on, when there are a few.
fn name_units(what: &str, events: &[&StoredEvent]) -> String {
    let mut units: Vec<&str> = Vec::new();
    for e in events {
        if let Event::Step(s) = &e.event {
            if s.unit != REQUEST_UNIT && !units.contains(&s.unit.as_str()) {
                units.push(&s.unit);
            }
        }
    }
    let counted = format!("{} account(s)", units.len());
    if units.is_empty() || units.len() > 3 || !what.contains(&counted) {
        return what.to_string();
    }
    what.replacen(&counted, &units.join(", "), 1)
}

/// `restore bob ...` → `restored bob ...`.
fn past(summary: &str) -> String {
    let (verb, rest) = summary.split_once(' ').unwrap_or((summary, ""));
    match PAST.iter().find(|(v, _)| *v == verb) {
        Some((_, done)) => format!("{done} {rest}"),
        None => format!("applied: {summary}"),
    }
}

/// What the read-only commands do, in words.
const LOOKS: &[(&str, &str)] = &[
    ("hosts check", "checked"),
    ("migrate plan", "planned the migration of"),
    ("migrate verify", "compared"),
    ("backup list", "listed the backups on"),
    ("blacklist check", "checked blocklists for"),
    ("blacklist investigate", "looked for who sends mail from"),
    ("mail trace", "traced mail on"),
    ("mail queue", "read the mail queue of"),
    ("mail check", "checked a mailbox on"),
    ("mail hold", "held an account's outgoing mail on"),
    ("mail release", "released an account's outgoing mail on"),
];

/// A run that changed nothing: what it looked at, its operands, and its last finding.
fn checked(run: &RunSummary, notes: &[&str]) -> String {
    let last_word = run.command.rsplit(' ').next().unwrap_or_default();
    let operands: Vec<&str> = run
        .argv
        .iter()
        .skip_while(|a| *a != last_word)
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .map(String::as_str)
        .take(4)
        .collect();
    let verb = LOOKS
        .iter()
        .find(|(c, _)| *c == run.command)
        .map_or(run.command.as_str(), |(_, words)| words);
    let mut what = format!("{verb} {}", operands.join(" "));
    what = what.trim_end().to_string();
    if let Some(last) = notes.last() {
        what.push_str(&format!(
            ": {}",
            one_line(last.lines().next().unwrap_or_default())
        ));
    }
    what
}

/// How the remote commands went, per host: `2 ok, 1 failed, 1 unreachable` (a host the plan
/// named that ran nothing counts as unreachable).
fn hosts(events: &[&StoredEvent], notes: &[&str]) -> Option<String> {
    let mut seen: Vec<(&str, bool)> = Vec::new();
    for e in events {
        if let Event::Exec(x) = &e.event {
            let ok = x.error.is_none() && x.exit_code == Some(0);
            match seen.iter_mut().find(|(h, _)| *h == x.host) {
                Some((_, all_ok)) => *all_ok &= ok,
                None => seen.push((&x.host, ok)),
            }
        }
    }
    let planned: Vec<&str> = notes
        .iter()
        .find_map(|n| n.strip_prefix("plan: "))
        .and_then(|p| p.lines().next()?.split_once(" host(s): "))
        .map(|(_, names)| names.split(", ").collect())
        .unwrap_or_default();
    let unreachable = planned
        .iter()
        .filter(|p| !seen.iter().any(|(h, _)| h == *p))
        .count();
    let ok = seen.iter().filter(|(_, ok)| *ok).count();
    let failed = seen.len() - ok;
    let counts: Vec<String> = [(ok, "ok"), (failed, "failed"), (unreachable, "unreachable")]
        .iter()
        .filter(|(n, _)| *n > 0)
        .map(|(n, w)| format!("{n} {w}"))
        .collect();
    (planned.len() > 1 || failed + unreachable > 0 || seen.len() > 1)
        .then(|| counts.join(", "))
        .filter(|_| !counts.is_empty())
}

/// The steps of a long operation: resumed, where it failed or stopped, verified.
fn steps(run: &RunSummary, events: &[&StoredEvent]) -> Vec<String> {
    let steps: Vec<_> = events
        .iter()
        .filter_map(|e| match &e.event {
            Event::Step(s) if s.unit != REQUEST_UNIT => Some(s),
            _ => None,
        })
        .collect();
    let mut words = Vec::new();
    if steps.iter().any(|s| s.origin != run.run_id) {
        words.push("resumed".to_string());
    }
    for s in steps.iter().filter(|s| !s.ok) {
        words.push(format!("{} failed at {}", s.unit, s.step));
    }
    if let (RunStatus::Interrupted, Some(last)) = (run.status, steps.last()) {
        words.push(format!("interrupted after {} ({})", last.step, last.unit));
    }
    if steps.iter().any(|s| s.ok && s.step == "verify") {
        words.push("verified".to_string());
    }
    words
}

#[cfg(test)]
mod tests {
    use crate::journal::{Event, ExecEvent, RunEnd, RunStart, RunStatus, StepEvent, StoredEvent};
    use crate::ops::ticket::{build, Kind};

    /// The events of runs, `(run, event)` in order, a second apart.
    fn journal(runs: &[(&str, Event)]) -> Vec<StoredEvent> {
        runs.iter()
            .enumerate()
            .map(|(i, (run, event))| StoredEvent {
                seq: i as i64 + 1,
                run_id: run.to_string(),
                ticket: "T-1".into(),
                at: format!("2026-11-22T10:{:02}:00.000000Z", i),
                event: event.clone(),
            })
            .collect()
    }

    fn start(command: &str, argv: &[&str], level: u8) -> Event {
        Event::RunStart(RunStart {
            operator: "alice".into(),
            machine: "desk".into(),
            command: command.into(),
            argv: argv.iter().map(|a| a.to_string()).collect(),
            version: "0".into(),
            dry_run: false,
            pid: 1,
            level: Some(level),
        })
    }

    fn end(exit_code: i32, status: RunStatus, minutes: u64) -> Event {
        Event::RunEnd(RunEnd {
            exit_code,
            status,
            duration_ms: minutes * 60_000,
        })
    }

    fn note(text: &str) -> Event {
        Event::Note { text: text.into() }
    }

    fn step(origin: &str, unit: &str, name: &str) -> Event {
        Event::Step(StepEvent {
            operation: "migrate".into(),
            origin: origin.into(),
            unit: unit.into(),
            step: name.into(),
            ok: true,
            error: None,
            detail: serde_json::Value::Null,
            duration_ms: 1,
        })
    }

    fn exec(host: &str, exit_code: i32) -> Event {
        Event::Exec(ExecEvent {
            host: host.into(),
            address: "192.0.2.1".into(),
            host_key: None,
            user: "root".into(),
            command: "uptime".into(),
            exit_code: Some(exit_code),
            signal: None,
            error: None,
            duration_ms: 5,
            stdin_bytes: None,
            stdout: Default::default(),
            stderr: Default::default(),
        })
    }

    fn lines(events: &[StoredEvent]) -> Vec<String> {
        build("T-1", events, false)
            .entries
            .into_iter()
            .map(|e| e.phrase.line)
            .collect()
    }

    #[test]
    fn an_interrupted_and_resumed_migration_reads_as_two_lines() {
        let plan = "plan: migrate 1 account(s) from h1 to h2\n  h1: package alice";
        let events = journal(&[
            (
                "r1",
                start("migrate run", &["hostops", "migrate", "run"], 2),
            ),
            ("r1", note(plan)),
            ("r1", step("r1", "*", "request")),
            ("r1", step("r1", "alice", "package")),
            ("r1", step("r1", "alice", "transfer")),
            (
                "r2",
                start("migrate run", &["hostops", "migrate", "run"], 2),
            ),
            ("r2", note(plan)),
            ("r2", step("r1", "alice", "restore")),
            ("r2", step("r1", "alice", "verify")),
            ("r2", note("applied: migrate 1 account(s) from h1 to h2")),
            ("r2", end(0, RunStatus::Ok, 12)),
        ]);
        assert_eq!(
            lines(&events),
            [
                "began to migrate alice from h1 to h2, interrupted after transfer (alice); \
                 interrupted, 4m 00s",
                "migrated alice from h1 to h2, resumed, verified; ok, 12m 00s",
            ]
        );
        let t = build("T-1", &events, false);
        assert_eq!(
            t.entries[0].phrase.resume.as_deref(),
            Some("hostops --ticket T-1 migrate run --resume r1")
        );
        assert_eq!(t.entries[1].phrase.kind, Kind::Changed);
    }

    #[test]
    fn a_restore_says_how_to_undo_it() {
        let events = journal(&[
            ("r1", start("backup restore", &["hostops"], 2)),
            (
                "r1",
                note("plan: restore bob (files) on h1 from /backup/2026-11-01"),
            ),
            (
                "r1",
                note("applied: restore bob (files) on h1 from /backup/2026-11-01"),
            ),
            ("r1", end(0, RunStatus::Ok, 2)),
        ]);
        assert_eq!(
            lines(&events),
            [
                "restored bob (files) on h1 from /backup/2026-11-01; ok, 2m 00s \
              (undo: `hostops --ticket T-1 backup undo r1`)"
            ]
        );
    }

    #[test]
    fn an_exec_counts_its_hosts_and_the_unreachable_ones() {
        let events = journal(&[
            (
                "r1",
                start("exec", &["hostops", "exec", "h1", "h2", "h3"], 2),
            ),
            (
                "r1",
                note("plan: run `uptime` on 3 host(s): h1, h2, h3\n  h1: uptime"),
            ),
            ("r1", exec("h1", 0)),
            ("r1", exec("h2", 0)),
            ("r1", note("applied: run `uptime` on 3 host(s): h1, h2, h3")),
            ("r1", end(3, RunStatus::Failed, 0)),
        ]);
        assert_eq!(
            lines(&events),
            ["ran `uptime` on 3 host(s): 2 ok, 1 unreachable; failed (exit 3), 0ms"]
        );
        assert_eq!(
            build("T-1", &events, false).entries[0].phrase.kind,
            Kind::Ran
        );
    }

    #[test]
    fn time_is_counted_per_level_and_escalations_set_the_level_of_older_runs() {
        let mut old = start("hosts check", &["hostops", "hosts", "check", "h1"], 2);
        if let Event::RunStart(s) = &mut old {
            s.level = None;
        }
        let events = journal(&[
            ("r1", old),
            ("r1", end(0, RunStatus::Ok, 5)),
            ("r2", start("ticket escalate", &["hostops"], 2)),
            (
                "r2",
                Event::Escalation(crate::journal::Escalation {
                    from: Some(2),
                    to: 3,
                    note: "over to L3".into(),
                }),
            ),
            ("r2", end(0, RunStatus::Ok, 0)),
            (
                "r3",
                start("hosts check", &["hostops", "hosts", "check", "h1"], 3),
            ),
            ("r3", end(0, RunStatus::Ok, 7)),
        ]);
        let t = build("T-1", &events, false);
        let levels: Vec<_> = t.levels.iter().map(|l| (l.level, l.duration_ms)).collect();
        assert_eq!(levels, [(Some(2), 300_000), (Some(3), 420_000)]);
        assert_eq!(t.level, Some(3));
        assert_eq!(t.total_ms, 720_000);
        assert_eq!(lines(&events)[0], "checked h1; ok, 5m 00s");
    }
}
