//! `hostops backup ...`

use clap::{ArgGroup, Args, Subcommand};

#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(subcommand)]
    pub command: BackupCommand,
}

#[derive(Debug, Subcommand)]
pub enum BackupCommand {
    /// List restore points on a server: date, type, format, size and path
    #[command(after_help = "Example: hostops --ticket INC-1234 backup list web01 --account bob")]
    List(BackupListArgs),
    /// Restore one account from a backup: preview, safety snapshot, restore, verify
    #[command(after_help = "\
Parts for --only: home (the home directory, mail aside), mail, db (every database), db:NAME,
path:RELATIVE/PATH (a file or directory inside the home). Without --only the whole account is
replaced by the panel's own restore.

Exit status: 0 restored and verified, 1 restored with differences or failed (the account is
put back from the safety snapshot), 2 bad input or no such restore point, 4 refused (not
confirmed, not enough disk for the snapshot, damaged archive).

Examples:
  hostops --ticket INC-1234 --dry-run backup restore web01 --account bob --date 2026-11-01
  hostops --ticket INC-1234 backup restore web01 --account bob --date 2026-11-01 --only db:bob_shop
  hostops --ticket INC-1234 backup restore web01 --account bob --file /backup/2026-11-01/accounts/bob.tar.gz")]
    Restore(BackupRestoreArgs),
    /// Put back the account a restore replaced, from that run's safety snapshot
    #[command(after_help = "Example: hostops --ticket INC-1234 backup undo 20261122-103001-7f3a")]
    Undo(BackupUndoArgs),
}

#[derive(Debug, Args)]
pub struct BackupListArgs {
    /// Server to look on
    pub host: String,
    /// Only this account's restore points
    #[arg(long, value_name = "USER")]
    pub account: Option<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("point").required(true).args(["date", "file"])))]
pub struct BackupRestoreArgs {
    /// Server holding the account and its backups
    pub host: String,
    /// Account to restore (or one of its domains)
    #[arg(long, value_name = "USER|DOMAIN")]
    pub account: String,
    /// Restore point by date (see `backup list`)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// Restore point by path on the server
    #[arg(long, value_name = "PATH")]
    pub file: Option<String>,
    /// Restore only this part (repeatable): home, mail, db, db:NAME, path:REL
    #[arg(long, value_name = "PART")]
    pub only: Vec<String>,
    /// Skip the safety snapshot (faster; a failed restore cannot then be undone)
    #[arg(long)]
    pub no_snapshot: bool,
}

#[derive(Debug, Args)]
pub struct BackupUndoArgs {
    /// The run ID of the restore (`hostops log show` lists them)
    #[arg(value_name = "RUN_ID")]
    pub run_id: String,
}
