//! `hostops web ...`: a domain's Apache answer explained (`web check`): the request made on
//! the server through its own Apache, the error-log lines it caused, the `.htaccess` files
//! and permissions along its path, the PHP handler.

mod check;
mod config;
mod directives;
mod edit;
mod errorlog;
mod htaccess;
mod htpasswd;
mod probe;
mod rewrite;
mod verdict;
mod vhost;

pub use check::{check, host_of, CheckOptions, CheckReport};
pub use config::{show, ShowReport};
pub use edit::{edit, undo, Edit, EditReport, Want};
pub use htpasswd::{htpasswd, Htpasswd, HtpasswdReport, Source};

use serde::Serialize;

/// One problem found: what it is, where (file and line where known), how to fix it, and the
/// error-log line confirming it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: &'static str,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub what: String,
    pub fix: String,
    pub evidence: Option<String>,
}
