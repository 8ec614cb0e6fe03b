//! What every op receives: the ticket, the printer, the inventory, the run's journal handle,
//! and the connections (one per host per run, journaled by construction).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use anyhow::Result;

use crate::config::Config;
use crate::exit::StatusError;
use crate::inventory::{HostSpec, Inventory};
use crate::journal::{
    self, Event, Fallback, Journal, Redactor, RunLog, RunStart, StepEvent, Target,
};
use crate::output::prompt::TermPrompter;
use crate::output::Printer;
use crate::secret::Secret;
use crate::ticket::Ticket;
use crate::transport::journaled::Journaled;
use crate::transport::local::LocalTransport;
use crate::transport::ssh::{Endpoint, Prompter, SshOptions, SshTransport};
use crate::transport::{Transport, TransportError};

/// Settings that come from global flags.
pub struct Settings {
    pub ticket: Option<Ticket>,
    pub dry_run: bool,
    pub assume_yes: bool,
    pub inventory: Option<PathBuf>,
    pub journal: Target,
    pub ssh_config: Option<PathBuf>,
    pub ssh: SshOptions,
}

pub struct Context {
    pub config: Config,
    pub printer: Printer,
    pub settings: Settings,
    prompter: TermPrompter,
    inventory: OnceLock<Inventory>,
    run_log: OnceLock<Arc<RunLog>>,
    redactor: Arc<Redactor>,
    connections: Mutex<HashMap<String, Arc<dyn Transport>>>,
    /// Unit tests: the transport every connection to a host of this name gets.
    #[cfg(test)]
    fakes: HashMap<String, Arc<dyn Transport>>,
}

impl Context {
    pub fn new(config: Config, printer: Printer, settings: Settings) -> Context {
        let redactor = Redactor::default();
        for secret in settings.journal.secrets() {
            redactor.add_secret(&secret);
        }
        Context {
            config,
            printer,
            settings,
            prompter: TermPrompter::detect(),
            inventory: OnceLock::new(),
            run_log: OnceLock::new(),
            redactor: Arc::new(redactor),
            connections: Mutex::new(HashMap::new()),
            #[cfg(test)]
            fakes: HashMap::new(),
        }
    }

    pub fn dry_run(&self) -> bool {
        self.settings.dry_run
    }

    pub fn ticket(&self) -> Option<&Ticket> {
        self.settings.ticket.as_ref()
    }

    /// The journal: this run's own connection once the run is journaled, else a new one. A
    /// second connection in the same process must not be opened: closing it would drop the
    /// POSIX locks SQLite holds for the first, and another process could then delete the
    /// write-ahead log that run is still writing to (its later events lost).
    pub fn open_journal(&self) -> Result<Arc<Journal>> {
        match self.run_log() {
            Some(log) => Ok(log.journal()),
            None => Ok(Arc::new(Journal::open_target(&self.settings.journal)?)),
        }
    }

    /// Opens the existing journal read-only (`log` commands): never creates or changes a file.
    pub fn read_journal(&self) -> Result<Journal> {
        Journal::read_target(&self.settings.journal)
    }

    /// Starts journaling this run under the ticket; every later connection is recorded. A run
    /// whose shared journal cannot be reached is journaled in the local file, and says so.
    pub fn start_run(&self, ticket: Ticket, start: RunStart) -> Result<Arc<RunLog>> {
        let (journal, fallback) = match &self.settings.journal {
            Target::Sqlite(_) => (self.open_journal()?, Fallback::None),
            Target::Postgres(_) => {
                let local = journal::default_path()?;
                match self.open_journal() {
                    Ok(shared) => (shared, Fallback::To(local)),
                    Err(e) => {
                        let why = format!("{e:#}");
                        self.printer.warn(format!(
                            "{why}; this run is journaled locally in `{}`: send it later with \
                             `hostops log push`",
                            local.display()
                        ));
                        (Arc::new(Journal::open(&local)?), Fallback::Taken(why))
                    }
                }
            }
        };
        let log = Arc::new(RunLog::start(
            journal,
            fallback,
            ticket,
            start,
            self.redactor.clone(),
        )?);
        let _ = self.run_log.set(log.clone());
        Ok(log)
    }

    pub fn run_log(&self) -> Option<&Arc<RunLog>> {
        self.run_log.get()
    }

    /// Registers a secret so it is masked in everything journaled from now on.
    pub fn add_secret(&self, secret: &str) {
        self.redactor.add_secret(secret);
    }

    /// Makes a [`Secret`] of `value`, registered: masked in everything journaled or printed
    /// through [`Context::redact`] from now on.
    pub fn secret(&self, value: String) -> Secret {
        Secret::registered(value, &self.redactor)
    }

    /// `text` with every secret masked, for what is printed (plans, reports, -v output).
    pub fn redact(&self, text: &str) -> String {
        self.redactor.redact(text)
    }

    /// `err` with every secret masked in each of its messages, for printing it.
    pub fn redact_error(&self, err: &anyhow::Error) -> anyhow::Error {
        let mut messages: Vec<String> = err.chain().map(|c| self.redact(&c.to_string())).collect();
        let mut masked = anyhow::anyhow!(messages.pop().unwrap_or_default());
        while let Some(outer) = messages.pop() {
            masked = masked.context(outer);
        }
        masked
    }

    /// Records a plan, decision or finding in the journal (no-op when not journaling).
    pub fn note(&self, text: impl Into<String>) -> Result<()> {
        match self.run_log() {
            Some(log) => log.record(Event::Note { text: text.into() }),
            None => Ok(()),
        }
    }

    /// Journals one step of a long operation (`operation` started by run `origin`) with its
    /// result: what a resume or an undo reads back (no-op when not journaling).
    pub fn record_step<E: std::fmt::Display>(
        &self,
        operation: &str,
        origin: &str,
        unit: &str,
        step: &str,
        result: &Result<serde_json::Value, E>,
        duration: Duration,
    ) -> Result<()> {
        let Some(log) = self.run_log() else {
            return Ok(());
        };
        log.record(Event::Step(StepEvent {
            operation: operation.into(),
            origin: origin.into(),
            unit: unit.into(),
            step: step.into(),
            ok: result.is_ok(),
            error: result.as_ref().err().map(|e| format!("{e:#}")),
            detail: result
                .as_ref()
                .ok()
                .cloned()
                .unwrap_or(serde_json::Value::Null),
            duration_ms: duration.as_millis() as u64,
        }))
    }

    pub fn inventory(&self) -> Result<&Inventory> {
        if let Some(inv) = self.inventory.get() {
            return Ok(inv);
        }
        let inv = Inventory::load(
            self.settings.inventory.as_deref(),
            self.settings.ssh_config.as_deref(),
        )
        .map_err(|e| StatusError::usage(format!("{e:#}")))?;
        Ok(self.inventory.get_or_init(|| inv))
    }

    /// Resolves host and group names.
    pub fn hosts(&self, names: &[String]) -> Result<Vec<HostSpec>> {
        Ok(self.inventory()?.select(names)?)
    }

    /// Resolves exactly one host name (a group name is an error).
    pub fn host(&self, name: &str) -> Result<HostSpec> {
        Ok(self.inventory()?.select(&[name.to_string()])?.remove(0))
    }

    /// The connection to `host` for this run: opened once, reused, and journaled.
    pub fn connect(&self, host: &HostSpec) -> Result<Arc<dyn Transport>, TransportError> {
        if let Some(t) = self
            .connections
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&host.name)
        {
            return Ok(t.clone());
        }
        let transport = self.connect_another(host)?;
        self.connections
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(host.name.clone(), transport.clone());
        Ok(transport)
    }

    /// A connection to `host` of its own, journaled, for a long stream that must not hold up
    /// the commands of the run's connection (one SSH session runs one command at a time).
    pub fn connect_another(&self, host: &HostSpec) -> Result<Arc<dyn Transport>, TransportError> {
        #[cfg(test)]
        if let Some(fake) = self.fakes.get(&host.name) {
            return Ok(fake.clone());
        }
        let raw: Box<dyn Transport> = if host.is_local() {
            Box::new(LocalTransport::new())
        } else {
            let route = self
                .inventory()
                .and_then(|inv| Ok(inv.route(host)?))
                .map_err(|e| TransportError::Other(format!("{e:#}")))?;
            let jumps: Vec<Endpoint> = route.iter().map(endpoint).collect();
            Box::new(SshTransport::connect(
                &endpoint(host),
                &jumps,
                &self.settings.ssh,
                &Registering {
                    inner: self.prompter(),
                    redactor: &self.redactor,
                },
            )?)
        };
        tracing::info!(
            "{}: connected to {} as {} (host key {})",
            host.name,
            raw.target().address,
            raw.target().user,
            raw.target().host_key.as_deref().unwrap_or("-")
        );
        Ok(match self.run_log() {
            Some(log) => Arc::new(Journaled::new(raw, log.clone())),
            None => Arc::from(raw),
        })
    }

    /// Whether a change would be asked about on a terminal (no `--yes`, and a terminal to ask on).
    pub fn can_ask(&self) -> bool {
        !self.settings.assume_yes && self.prompter.can_prompt()
    }

    pub fn prompter(&self) -> &dyn Prompter {
        &self.prompter
    }

    /// Asks before a change. `--yes` says yes; without a terminal the change is refused, never
    /// left waiting for input.
    pub fn confirm_change(&self, what: &str) -> Result<()> {
        if self.settings.assume_yes {
            return Ok(());
        }
        if !self.prompter.can_prompt() {
            return Err(StatusError::refused(format!(
                "refusing to {what} without confirmation: there is no terminal to ask on. \
                 Review the plan with --dry-run, then re-run with --yes"
            ))
            .into());
        }
        if self.prompter.confirm(&format!("{what}?")) {
            Ok(())
        } else {
            Err(StatusError::refused(format!("not confirmed: did not {what}")).into())
        }
    }
}

/// The prompter SSH authentication asks through: a password or passphrase typed at it is a
/// secret of the run, masked wherever it could appear afterwards.
struct Registering<'a> {
    inner: &'a dyn Prompter,
    redactor: &'a Redactor,
}

impl Prompter for Registering<'_> {
    fn confirm(&self, question: &str) -> bool {
        self.inner.confirm(question)
    }

    fn secret(&self, prompt: &str) -> Option<String> {
        let answer = self.inner.secret(prompt)?;
        self.redactor.add_secret(&answer);
        Some(answer)
    }

    fn can_prompt(&self) -> bool {
        self.inner.can_prompt()
    }
}

fn endpoint(h: &HostSpec) -> Endpoint {
    Endpoint {
        name: h.name.clone(),
        host: h.address.clone(),
        port: h.port,
        user: h.user.clone(),
        identity_files: h.identity_files.clone(),
        known_hosts: h.known_hosts.clone(),
    }
}

/// SSH options from config and flags.
pub fn ssh_options(connect_timeout_s: u64, accept_new_host_key: bool) -> SshOptions {
    SshOptions {
        connect_timeout: Duration::from_secs(connect_timeout_s.max(1)),
        accept_new_host_key,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::output::Format;

    /// A context with no journal, inventory or terminal, for unit tests.
    pub(crate) fn ctx() -> Context {
        Context::new(
            Config::default(),
            Printer::terminal(Format::Human, true),
            Settings {
                ticket: None,
                dry_run: false,
                assume_yes: false,
                inventory: None,
                journal: Target::Sqlite(PathBuf::from("/nonexistent/journal.sqlite")),
                ssh_config: None,
                ssh: ssh_options(5, false),
            },
        )
    }

    impl Context {
        /// This context with `transports` as the connections to the hosts they name.
        pub(crate) fn with_transports(mut self, transports: &[Arc<dyn Transport>]) -> Context {
            for t in transports {
                self.fakes.insert(t.target().name.clone(), t.clone());
            }
            self
        }
    }

    /// A context journaling a run under ticket `T-1` into a fresh journal in `dir`, for unit
    /// tests of ops that read back the journal rows they write.
    pub(crate) fn journaled(dir: &std::path::Path) -> Context {
        let mut c = ctx();
        c.settings.journal = Target::Sqlite(dir.join("journal.sqlite"));
        let pattern = regex::Regex::new(crate::ticket::DEFAULT_PATTERN).unwrap();
        let start = RunStart {
            operator: "tester".into(),
            machine: "test".into(),
            command: "unit test".into(),
            argv: Vec::new(),
            version: "0".into(),
            dry_run: false,
            pid: std::process::id(),
            level: None,
        };
        c.start_run(Ticket::parse("T-1", &pattern).unwrap(), start)
            .unwrap();
        c
    }

    /// The step rows `c`'s run journaled for `operation`: `(unit, step, ok)` in order.
    pub(crate) fn steps(c: &Context, operation: &str) -> Vec<(String, String, bool)> {
        let events = c.open_journal().unwrap().ticket_events("T-1").unwrap();
        events
            .into_iter()
            .filter_map(|e| match e.event {
                Event::Step(s) if s.operation == operation => Some((s.unit, s.step, s.ok)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn errors_are_printed_with_secrets_masked() {
        let c = ctx();
        let _pw = c.secret("hunter22".into());
        let e = anyhow::anyhow!("inner hunter22").context("outer hunter22");
        let masked = c.redact_error(&e);
        assert_eq!(format!("{masked:#}"), "outer ***: inner ***");
        assert_eq!(masked.chain().count(), 2);
    }

    /// A prompter that answers every secret question with the same text.
    pub(crate) struct Types(pub(crate) &'static str);

    impl Prompter for Types {
        fn confirm(&self, _: &str) -> bool {
            false
        }
        fn secret(&self, _: &str) -> Option<String> {
            Some(self.0.to_string())
        }
        fn can_prompt(&self) -> bool {
            true
        }
    }

    #[test]
    fn a_password_typed_for_ssh_is_a_secret_of_the_run() {
        let c = ctx();
        let asked = Registering {
            inner: &Types("typed-pw"),
            redactor: &c.redactor,
        };
        assert_eq!(asked.secret("Password: ").as_deref(), Some("typed-pw"));
        assert_eq!(c.redact("echo typed-pw"), "echo ***");
    }
}
