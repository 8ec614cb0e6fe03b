//! The one progress reporter: every long step of every command shows here, on stderr, and
//! only at a terminal (never with `--json`, `-q`, or when stderr is a file or a pipe, where
//! a step is one status line as it starts). A task starts as a spinner with its label and
//! the time spent; once bytes flow it shows them with their rate, and with the ETA when the
//! total is known. Plain text only: nothing to colour, so NO_COLOR holds by construction.
//! A transfer the target pulls itself (the direct route) stays a spinner: its bytes never
//! pass through hostops (see `ops::transfer::direct`).

use std::fmt::Write as _;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

use super::{human_bytes, human_duration};
use crate::transport::Progress;

/// The lines on stderr, one set per process (the log lines of `-v` clear them too).
static STDERR_LINES: OnceLock<MultiProgress> = OnceLock::new();

/// Where tasks draw: one set of lines on stderr shared by the tasks running at the same time
/// (accounts migrating in parallel, a home streaming beside its account's archive), or
/// nowhere.
pub struct Reporter {
    lines: Option<MultiProgress>,
}

impl Reporter {
    /// Draws on stderr.
    pub fn stderr() -> Reporter {
        Reporter {
            lines: Some(
                STDERR_LINES
                    .get_or_init(|| MultiProgress::with_draw_target(ProgressDrawTarget::stderr()))
                    .clone(),
            ),
        }
    }

    /// Draws nothing.
    pub fn hidden() -> Reporter {
        Reporter { lines: None }
    }

    pub fn is_shown(&self) -> bool {
        self.lines.is_some()
    }

    /// Runs `f` (a write to stderr or stdout) with the tasks' lines cleared meanwhile, so
    /// that a status line never lands in the middle of one.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.lines {
            Some(m) => m.suspend(f),
            None => f(),
        }
    }

    /// A task labelled `label`: a spinner with the time spent until bytes flow.
    pub fn task(&self, label: &str) -> Task {
        self.add(ProgressBar::new_spinner(), label, spinner_style())
    }

    /// A task counting `total` things (hosts checked, lookups made).
    pub fn count(&self, total: u64, label: &str) -> Task {
        self.add(ProgressBar::new(total), label, count_style())
    }

    fn add(&self, bar: ProgressBar, label: &str, style: ProgressStyle) -> Task {
        let Some(lines) = &self.lines else {
            return Task {
                bar: ProgressBar::hidden(),
                lines: None,
                bytes: AtomicBool::new(false),
            };
        };
        let bar = lines.add(bar.with_style(style).with_message(one_line(label)));
        bar.enable_steady_tick(Duration::from_millis(250));
        Task {
            bar,
            lines: Some(lines.clone()),
            bytes: AtomicBool::new(false),
        }
    }
}

/// Runs `f` (a question at the terminal, a log line) with the progress lines on stderr
/// cleared; none are drawn until it returns.
pub fn without_lines<R>(f: impl FnOnce() -> R) -> R {
    match STDERR_LINES.get() {
        Some(lines) => lines.suspend(f),
        None => f(),
    }
}

/// Stderr for the log (`-v`): each write clears the progress lines meanwhile.
pub struct LogWriter;

impl Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        without_lines(|| io::stderr().write(buf))
    }
    fn flush(&mut self) -> io::Result<()> {
        io::stderr().flush()
    }
}

/// One task on the reporter's lines; its line goes away when it is dropped.
pub struct Task {
    bar: ProgressBar,
    lines: Option<MultiProgress>,
    /// Whether bytes have flowed (the line then shows them).
    bytes: AtomicBool,
}

impl Task {
    /// One more thing counted.
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }
}

impl Progress for Task {
    fn set_total(&self, total: u64) {
        self.bar.set_length(total);
    }

    fn advance(&self, bytes: u64) {
        if !self.bytes.swap(true, Ordering::Relaxed) {
            self.bar.set_style(bytes_style());
            // The rate counts from the first byte, not from the connecting before it.
            self.bar.reset_eta();
        }
        self.bar.inc(bytes);
    }
}

impl Drop for Task {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
        if let Some(lines) = &self.lines {
            lines.remove(&self.bar);
        }
    }
}

/// A label (account and path names come from servers and engineers) as one line with its
/// control characters shown escaped: it can neither drive the terminal nor break the line.
fn one_line(label: &str) -> String {
    super::escape::text(label).replace('\n', "\\n")
}

fn spinner_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg} ({took})")
        .expect("valid template")
        .with_key("took", |s: &ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = w.write_str(&human_secs(s.elapsed()));
        })
}

fn count_style() -> ProgressStyle {
    ProgressStyle::with_template("{msg} {pos}/{len} {wide_bar} {elapsed}").expect("valid template")
}

fn bytes_style() -> ProgressStyle {
    ProgressStyle::with_template("{spinner} {msg}: {transferred}")
        .expect("valid template")
        .with_key(
            "transferred",
            |s: &ProgressState, w: &mut dyn std::fmt::Write| {
                let _ = w.write_str(&bytes_line(s.pos(), s.len(), s.per_sec()));
            },
        )
}

/// What a byte stream has done: `379.52 MiB of 1.00 GiB, 40 MiB/s, eta 16s` when the total
/// is known, `379.52 MiB, 40 MiB/s` when it is not (or when the stream has already passed
/// the estimate it was given).
pub fn bytes_line(done: u64, total: Option<u64>, per_sec: f64) -> String {
    let mut line = human_bytes(done);
    let total = total.filter(|&t| t > 0 && t >= done);
    if let Some(t) = total {
        let _ = write!(line, " of {}", human_bytes(t));
    }
    let rate = if per_sec.is_finite() && per_sec > 0.0 {
        per_sec
    } else {
        0.0
    };
    let _ = write!(line, ", {}/s", human_rate(rate));
    if let (Some(t), true) = (total, rate > 0.0) {
        // Rounded, and never "0s" while bytes remain.
        let left = ((t - done) as f64 / rate).round().max(1.0);
        let left = Duration::from_secs(left as u64);
        let _ = write!(line, ", eta {}", human_secs(left));
    }
    line
}

/// A rate for people: `40 MiB`, `2.5 MiB`, `512 B` (whole units from 10 on).
fn human_rate(per_sec: f64) -> String {
    const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
    let (mut v, mut unit) = (per_sec, 0);
    while v >= 1024.0 && unit < UNITS.len() - 1 {
        v /= 1024.0;
        unit += 1;
    }
    if v >= 10.0 || unit == 0 {
        format!("{v:.0} {}", UNITS[unit])
    } else {
        format!("{v:.1} {}", UNITS[unit])
    }
}

/// Whole seconds for people: `16s`, `4m 05s`, `2h 03m`.
fn human_secs(d: Duration) -> String {
    let secs = d.as_secs();
    if secs < 60 {
        format!("{secs}s")
    } else {
        human_duration(secs * 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIB: u64 = 1 << 20;

    #[test]
    fn a_known_total_shows_bytes_rate_and_eta() {
        let done = 379 * MIB + MIB / 2 + MIB / 50;
        assert_eq!(
            bytes_line(done, Some(1 << 30), 40.0 * MIB as f64),
            "379.52 MiB of 1.00 GiB, 40 MiB/s, eta 16s"
        );
        assert_eq!(
            bytes_line(0, Some(10 * MIB), 2.5 * MIB as f64),
            "0 B of 10.00 MiB, 2.5 MiB/s, eta 4s"
        );
        assert_eq!(
            bytes_line(285 * MIB, Some(300 * MIB), 21.0 * MIB as f64),
            "285.00 MiB of 300.00 MiB, 21 MiB/s, eta 1s"
        );
        assert_eq!(
            bytes_line(MIB, Some(20_000 * MIB), MIB as f64),
            "1.00 MiB of 19.53 GiB, 1.0 MiB/s, eta 5h 33m"
        );
    }

    #[test]
    fn an_unknown_total_shows_no_total_and_no_eta() {
        let done = 379 * MIB + MIB / 2 + MIB / 50;
        for total in [None, Some(0)] {
            assert_eq!(
                bytes_line(done, total, 40.0 * MIB as f64),
                "379.52 MiB, 40 MiB/s"
            );
        }
        // An estimate (the plan's `du`) the stream has passed is no total any more.
        assert_eq!(bytes_line(3 * MIB, Some(MIB), 512.0), "3.00 MiB, 512 B/s");
    }

    #[test]
    fn no_rate_yet_is_no_eta() {
        assert_eq!(bytes_line(0, Some(MIB), 0.0), "0 B of 1.00 MiB, 0 B/s");
        assert_eq!(bytes_line(0, Some(MIB), f64::NAN), "0 B of 1.00 MiB, 0 B/s");
    }

    #[test]
    fn labels_from_servers_are_one_line_and_drive_no_terminal() {
        let table: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/hostile.json")).unwrap();
        for v in table["values"].as_array().unwrap() {
            let shown = one_line(&format!("bob: upload {}", v["value"].as_str().unwrap()));
            assert!(
                !shown.contains(['\n', '\r', '\u{1b}', '\u{7}', '\u{9b}', '\u{202e}']),
                "{}: {shown:?}",
                v["name"]
            );
        }
        assert_eq!(one_line("a\nb\u{1b}[2J"), "a\\nb\\e[2J");
    }

    #[test]
    fn hidden_tasks_draw_nothing_and_count_nothing_visible() {
        let r = Reporter::hidden();
        assert!(!r.is_shown());
        let t = r.task("bob: home");
        t.set_total(10);
        t.advance(5);
        t.inc(1);
        assert!(t.bar.is_hidden());
    }
}
