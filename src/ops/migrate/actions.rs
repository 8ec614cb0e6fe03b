//! What a migration run will do, as the actions of its plan: built from the commands the run
//! itself sends (the panel's packaging, the home stream, the removals), so that the plan shown
//! before the question and printed by `--dry-run` is the run.

use anyhow::Result;

use super::home;
use super::run::{arrived, make_workdir, remove_archive, remove_workdir, workdir, Migration};
use super::steps::{self, Step};
use crate::app::Action;
use crate::inventory::HostSpec;
use crate::ops::transfer::Route;
use crate::panel::{Account, Packaging};
use crate::transport::Cmd;

/// `produce` on the source streamed into `consume` on the target (`to`): pulled by the
/// target's own ssh with a one-off key, or relayed through hostops.
pub fn stream(
    route: Route,
    from: &HostSpec,
    to: &str,
    what: &str,
    (produce, consume): (&Cmd, &Cmd),
    why: String,
) -> Action {
    match route {
        Route::Direct => Action::step(
            to,
            format!(
                "pull {what} from {0} over ssh (a one-off key allowing only the first command, {0}'s verified host key pinned): {produce} | {consume}",
                from.name
            ),
            why,
        ),
        Route::Relay => Action::step(
            "hostops",
            format!(
                "relay {what}: {produce} on {} | {consume} on {to}",
                from.name
            ),
            why,
        ),
    }
}

impl Migration<'_> {
    /// The run's actions in order: the temporary directory on both servers, each account's
    /// steps not done yet (a resumed run skips what the run it continues did; the steps of
    /// one stage run side by side), and the directory removed once every account is done.
    pub fn actions(&self, accounts: &[Account]) -> Result<Vec<Action>> {
        let packaging = self.panel.packaging_on(&self.from.name)?;
        let dir = workdir(self.panel.as_ref(), &self.done.origin);
        let both = [&self.from.name, &self.to.name];
        let mut out: Vec<Action> = both
            .iter()
            .map(|h| {
                Action::run(
                    *h,
                    make_workdir(&dir),
                    "the migration's temporary directory",
                )
            })
            .collect();
        for a in accounts {
            let streamed = packaging.streamed_home(a);
            let todo = steps::stages(streamed.is_some())
                .iter()
                .flat_map(|stage| stage.iter())
                .flat_map(|lane| lane.iter())
                .filter(|&&step| !self.done.finished(&a.user, step.as_str()));
            for &step in todo {
                out.extend(self.step_actions(packaging, a, step, &dir, streamed.as_deref()));
            }
        }
        out.extend(both.iter().map(|h| {
            Action::run(
                *h,
                remove_workdir(&dir),
                "once every account is done (kept for --resume when one fails)",
            )
        }));
        Ok(out)
    }

    fn step_actions(
        &self,
        packaging: &dyn Packaging,
        a: &Account,
        step: Step,
        dir: &str,
        home: Option<&str>,
    ) -> Vec<Action> {
        let (from, to, user) = (&self.from.name, &self.to.name, &a.user);
        let why = |what: &str| format!("{user}, {}: {what}", step.as_str());
        let archive = packaging.archive_path(a, dir);
        let target = arrived(dir, &archive);
        let staged = home::staged(dir, user);
        match (step, home) {
            (Step::Home, Some(home)) => vec![
                Action::run(to, home::fresh_dir(&staged), why("an empty place for the home")),
                stream(
                    self.request.route,
                    &self.from,
                    to,
                    "the home",
                    (&home::produce(home), &home::consume(&staged)),
                    why("on connections of its own, while package, transfer and restore run"),
                ),
            ],
            (Step::Package, _) => vec![Action::run(
                from,
                packaging.package_command(a, dir),
                why("the panel's own packaging"),
            )],
            (Step::Transfer, _) => vec![match self.request.route {
                Route::Direct => Action::step(
                    to,
                    format!("pull {archive} from {from} into {target} over ssh (a one-off key, {from}'s verified host key pinned)"),
                    why("SHA-256 computed on both servers while it streams, and compared"),
                ),
                Route::Relay => Action::step(
                    "hostops",
                    format!("relay {archive} on {from} to {target} on {to}"),
                    why("SHA-256 computed on both servers while it streams, and compared"),
                ),
            }],
            (Step::Restore, _) => vec![Action::run(
                to,
                packaging.restore_command(a, &target),
                why(if self.done.resumed {
                    "the panel's own restore (what an interrupted restore left is removed first; a failed restore removes the partial account)"
                } else {
                    "the panel's own restore (a failed restore removes the partial account)"
                }),
            )],
            (Step::PlaceHome, Some(home)) => vec![Action::run(
                to,
                home::place_command(&staged, home, user),
                why("the streamed home put in place, owned by the account"),
            )],
            (Step::Verify, _) => vec![Action::step(
                to,
                format!(
                    "list the accounts: {user} with its {} domain(s) and {} database(s)",
                    a.domains.len(),
                    a.databases.len()
                ),
                why("the restored account is complete"),
            )],
            (Step::Cleanup, _) => vec![
                Action::run(
                    to,
                    remove_archive(&target),
                    why("the archive is no longer needed"),
                ),
                Action::run(
                    from,
                    remove_archive(&archive),
                    why("kept until now, so that a resumed run can copy it again"),
                ),
            ],
            (Step::Home | Step::PlaceHome, None) => Vec::new(),
        }
    }
}
