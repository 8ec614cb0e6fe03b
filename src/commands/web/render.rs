//! `web check` for people: the redirect chain, where the domain is served from, the error-log
//! lines of the request, then each finding with its place and fix, and the verdict.

use crate::app::Report;
use crate::exit::ExitStatus;
use crate::ops::web::{CheckReport, EditReport, HtpasswdReport, ShowReport};
use crate::output::{verdict, Printer, Table};

fn or_dash(v: Option<&str>) -> String {
    v.unwrap_or("-").to_string()
}

impl Report for CheckReport {
    fn render(&self, p: &Printer) {
        let mut t = Table::new(["URL", "STATUS", "TITLE", "SERVER HEADERS"]);
        for h in &self.hops {
            let status = match (h.status, &h.error) {
                (Some(s), _) => s.to_string(),
                (None, Some(e)) => format!("no answer: {e}"),
                (None, None) => "no answer".into(),
            };
            let keep = ["server:", "location:", "content-type:", "x-powered-by:"];
            let headers: Vec<&str> = h
                .headers
                .iter()
                .map(String::as_str)
                .filter(|l| keep.iter().any(|k| l.to_ascii_lowercase().starts_with(k)))
                .collect();
            t.row([
                h.url.clone(),
                status,
                or_dash(h.title.as_deref()),
                headers.join("; "),
            ]);
        }
        p.table(&t);
        if let Some(why) = &self.stopped {
            p.data(format!("redirects not followed further: {why}"));
        }
        let vhost = self.vhost.as_ref().map(|v| match v.line {
            Some(n) => format!("{}:{n}", v.file),
            None => v.file.clone(),
        });
        p.data(format!(
            "vhost {}, document root {}, error log {}, PHP {} ({})",
            or_dash(vhost.as_deref()),
            or_dash(self.document_root.as_deref()),
            or_dash(self.error_log.as_deref()),
            or_dash(self.php.version.as_deref()),
            or_dash(self.php.handler.as_deref()),
        ));
        for l in &self.log {
            let code = l.code.as_deref().unwrap_or("");
            p.data(format!(
                "log: [{}:{}] {code} {}",
                l.module, l.level, l.message
            ));
            if let Some(m) = &l.meaning {
                p.data(format!("     = {m}"));
            }
        }
        for f in &self.findings {
            let place = match (&f.file, f.line) {
                (Some(file), Some(n)) => format!("{file}:{n}"),
                (Some(file), None) => file.clone(),
                _ => "-".into(),
            };
            p.data(format!("{} {place}: {}", verdict(false, f.kind), f.what));
            p.data(format!("    fix: {}", f.fix));
        }
        p.data(verdict(self.healthy(), &self.verdict));
    }

    fn status(&self) -> ExitStatus {
        self.exit()
    }
}

impl Report for ShowReport {
    fn render(&self, p: &Printer) {
        let vhost = self.vhost.as_ref().map(|v| match v.line {
            Some(n) => format!("{}:{n}", v.file),
            None => v.file.clone(),
        });
        p.data(format!(
            "{} on {} ({}): vhost {}, document root {}",
            self.domain,
            self.host,
            self.panel.as_str(),
            or_dash(vhost.as_deref()),
            or_dash(self.document_root.as_deref())
        ));
        p.data(format!(
            "PHP {} ({}{})",
            or_dash(self.php.version.as_deref()),
            or_dash(self.php.handler.as_deref()),
            if self.php.fpm { ", PHP-FPM" } else { "" }
        ));
        for inc in &self.includes {
            p.data(format!("include {}:", inc.file));
            for l in &inc.lines {
                p.data(format!("    {l}"));
            }
        }
        let rebuild = self.custom.rebuild.as_ref().map(|r| r.join(" "));
        match &self.custom_text {
            Some(text) => {
                p.data(format!(
                    "custom lines: {} (rebuild: {}):",
                    self.custom.file,
                    or_dash(rebuild.as_deref())
                ));
                for l in text.lines() {
                    p.data(format!("    {l}"));
                }
            }
            None => p.data(format!(
                "custom lines: {} (none yet; rebuild: {})",
                self.custom.file,
                or_dash(rebuild.as_deref())
            )),
        }
    }
}

impl Report for EditReport {
    fn render(&self, p: &Printer) {
        let ok = self.outcome == "applied";
        let what = match self.status_after {
            Some(s) if ok => format!("applied to {}: {} answers HTTP {s}", self.file, self.domain),
            _ => format!(
                "{}: {}",
                self.outcome.replace('_', " "),
                self.reason.as_deref().unwrap_or("")
            ),
        };
        for l in &self.output {
            p.data(format!("    {l}"));
        }
        p.data(verdict(ok, &what));
    }

    fn status(&self) -> ExitStatus {
        self.exit()
    }
}

impl Report for HtpasswdReport {
    fn render(&self, p: &Printer) {
        if let Some(pw) = &self.shown {
            p.raw_err(
                format!(
                    "the new password of {} (shown once, not journaled): {}\n",
                    self.user,
                    pw.expose()
                )
                .as_bytes(),
            );
        }
        let what = match &self.error {
            Some(e) => format!("not changed: {e}"),
            None => format!(
                "{} {} in {} on {} (bcrypt)",
                if self.created { "created with" } else { "set" },
                self.user,
                self.file,
                self.host
            ),
        };
        p.data(verdict(self.exit() == ExitStatus::Success, &what));
    }

    fn status(&self) -> ExitStatus {
        self.exit()
    }
}
