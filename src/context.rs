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
use crate::journal::{Event, Journal, Redactor, RunLog, RunStart, StepEvent};
use crate::output::prompt::TermPrompter;
use crate::output::Printer;
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
    pub journal: PathBuf,
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
}

impl Context {
    pub fn new(config: Config, printer: Printer, settings: Settings) -> Context {
        Context {
            config,
            printer,
            settings,
            prompter: TermPrompter::detect(),
            inventory: OnceLock::new(),
            run_log: OnceLock::new(),
            redactor: Arc::new(Redactor::default()),
            connections: Mutex::new(HashMap::new()),
        }
    }

    pub fn dry_run(&self) -> bool {
        self.settings.dry_run
    }

    pub fn ticket(&self) -> Option<&Ticket> {
        self.settings.ticket.as_ref()
    }

    /// Opens the journal file.
    /// The journal: this run's own connection once the run is journaled, else a new one. A
    /// second connection in the same process must not be opened: closing it would drop the
    /// POSIX locks SQLite holds for the first, and another process could then delete the
    /// write-ahead log that run is still writing to (its later events lost).
    pub fn open_journal(&self) -> Result<Arc<Journal>> {
        match self.run_log() {
            Some(log) => Ok(log.journal().clone()),
            None => Ok(Arc::new(Journal::open(&self.settings.journal)?)),
        }
    }

    /// Starts journaling this run under the ticket; every later connection is recorded.
    pub fn start_run(&self, ticket: Ticket, start: RunStart) -> Result<Arc<RunLog>> {
        let journal = self.open_journal()?;
        let log = Arc::new(RunLog::start(
            journal,
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
        let raw: Box<dyn Transport> = if host.is_local() {
            Box::new(LocalTransport::new())
        } else {
            let via = match &host.jump {
                Some(name) => Some(self.endpoint_by_name(name, &host.name)?),
                None => None,
            };
            Box::new(SshTransport::connect(
                &endpoint(host),
                via.as_ref(),
                &self.settings.ssh,
                self.prompter(),
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

    fn endpoint_by_name(&self, jump: &str, for_host: &str) -> Result<Endpoint, TransportError> {
        let inv = self
            .inventory()
            .map_err(|e| TransportError::Other(format!("{e:#}")))?;
        let spec = inv.get(jump).filter(|h| !h.is_local()).ok_or_else(|| {
            TransportError::Other(format!(
                "{for_host}: jump host `{jump}` is not in the inventory"
            ))
        })?;
        Ok(endpoint(spec))
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
