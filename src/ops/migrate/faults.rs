//! Unit tests of `migrate run` against scripted hosts: a failure injected at each step, and
//! what the run then does (rollback commands, journal rows, exit status), and `--resume`.

use std::path::PathBuf;
use std::sync::Arc;

use super::home;
use super::run::{workdir, AccountOutcome, Migration, RunOptions};
use super::steps::{self, Done, Request, Step, OPERATION};
use crate::context::tests::{journaled, steps as journaled_steps};
use crate::context::Context;
use crate::inventory::HostSpec;
use crate::ops::transfer::Route;
use crate::panel::{self, Account, Panel, PanelKind};
use crate::transport::fake::{Fake, Matcher, Reply};
use crate::transport::{self, Transport};

const ORIGIN: &str = "run1";

fn host(name: &str) -> HostSpec {
    HostSpec {
        name: name.into(),
        address: format!("{name}.fake"),
        port: 22,
        user: "root".into(),
        identity_files: Vec::new(),
        known_hosts: PathBuf::from("/nonexistent/known_hosts"),
        jump: None,
        groups: Vec::new(),
        source: "inventory",
        unsupported: None,
    }
}

fn bob() -> Account {
    Account {
        user: "bob".into(),
        domains: vec!["bob.example".into()],
        databases: vec!["bob_wp".into()],
        db_users: vec!["bob_wp".into()],
        ..Account::default()
    }
}

/// DirectAdmin: its package holds the home directory, so the steps run one after the other.
const DA: PanelKind = PanelKind::Directadmin;
/// cPanel: packaged without the home directory, which streams meanwhile.
const CPANEL: PanelKind = PanelKind::Cpanel;

fn driver(kind: PanelKind) -> Box<dyn Panel> {
    panel::driver(kind)
}

fn migration<'a>(
    ctx: &'a Context,
    kind: PanelKind,
    src: &Arc<Fake>,
    dst: &Arc<Fake>,
    done: Done,
) -> Migration<'a> {
    Migration {
        ctx,
        request: Request {
            from: "h1".into(),
            to: "h2".into(),
            accounts: vec!["bob".into()],
            route: Route::Relay,
            scheduled: None,
        },
        from: host("h1"),
        to: host("h2"),
        panel: driver(kind),
        src: src.clone() as Arc<dyn Transport>,
        dst: dst.clone() as Arc<dyn Transport>,
        done,
        sizes: Default::default(),
    }
}

fn run(m: &Migration) -> AccountOutcome {
    let opts = RunOptions {
        parallel: 1,
        fail_fast: false,
    };
    m.run(&[bob()], &opts).unwrap().remove(0)
}

fn dir() -> String {
    workdir(driver(DA).as_ref(), ORIGIN)
}

/// The archive on the source, and where it goes on the target.
fn archive(kind: PanelKind) -> String {
    driver(kind)
        .packaging()
        .expect("a packaging panel")
        .archive_path(&bob(), &dir())
}

fn staged() -> String {
    home::staged(&dir(), "bob")
}

/// The target lists its accounts (bob, with his domain, among them or not) once more.
fn lists_accounts(kind: PanelKind, dst: &Fake, with_bob: bool) {
    if kind == CPANEL {
        let acct = if with_bob {
            r#"{"user":"bob","domain":"bob.example","owner":"root","diskused":"1M"}"#
        } else {
            ""
        };
        let json =
            format!(r#"{{"metadata":{{"result":1,"reason":"OK"}},"data":{{"acct":[{acct}]}}}}"#);
        let listaccts = ["whmapi1", "--output=json", "listaccts"];
        dst.expect(Matcher::argv(listaccts), Reply::ok(json));
        return;
    }
    let users = if with_bob {
        "\n@@user\nbob\n@@conf:bob\ndomain=bob.example\ncreator=admin\n\n@@domains:bob\nbob.example\n"
    } else {
        "\n"
    };
    dst.expect(Matcher::script("data/users/*/"), Reply::ok(users));
}

/// A failed restore may have created part of the account: it is looked for (listed and as a
/// system user) and removed.
fn removes_partial(kind: PanelKind, dst: &Fake) {
    lists_accounts(kind, dst, true);
    dst.expect(
        Matcher::argv(["id", "-u", "--", "bob"]),
        Reply::ok("1001\n"),
    );
    let remove = driver(kind)
        .packaging()
        .expect("a packaging panel")
        .remove_command(&bob());
    dst.expect(Matcher::argv(remove.argv().to_vec()), Reply::ok(""));
}

/// The database queries of an account listing, answered whenever asked.
fn databases(dst: &Fake) {
    let sql = |what: &'static str| {
        Matcher::when("mysql", what, move |c| {
            String::from_utf8_lossy(&c.stdin).contains(what)
        })
    };
    dst.allow(sql("SHOW DATABASES"), Reply::ok("bob_wp\nmysql\n"))
        .allow(sql("mysql.user"), Reply::ok("bob_wp\n"))
        .allow(Matcher::program("find"), Reply::ok(""))
        .allow(
            Matcher::argv(["cat", "/etc/userdatadomains"]),
            Reply::ok(
                "bob.example: bob==root==main==bob.example==/home/bob/public_html==10.0.0.2:80\n",
            ),
        );
}

/// A command's reply: `done` on stdout when `ok`, else exit 1 with `error` on stderr.
fn answer(ok: bool, done: &str, error: &str) -> Reply {
    if ok {
        Reply::ok(done)
    } else {
        Reply::fails(1, error)
    }
}

/// Scripts `step` on the hosts: as it goes when `ok`, else failing (with what the step itself
/// cleans up after the failure).
fn script(kind: PanelKind, step: Step, ok: bool, src: &Fake, dst: &Fake) {
    let (dir, archive) = (dir(), archive(kind));
    let tmp = format!("{dir}/.hostops-xfer.AAAA");
    match step {
        Step::Package => {
            let cmd = driver(kind)
                .packaging()
                .expect("a packaging panel")
                .package_command(&bob(), &dir);
            let reply = answer(ok, "pkgacct completed\n", "tar: no space left on device");
            src.expect(Matcher::argv(cmd.argv().to_vec()), reply);
        }
        Step::Transfer => {
            dst.expect(
                Matcher::script("kind=$3"),
                Reply::ok(format!("{archive}\n")),
            )
            .expect(Matcher::script("mktemp -d"), Reply::ok(format!("{tmp}\n")));
            src.expect(
                Matcher::argv(["stat", "-L", "-c", "%s", "--", &archive]),
                Reply::ok("7\n"),
            )
            .expect(
                Matcher::script("tee /dev/fd/3"),
                Reply::output(0, "ARCHIVE", "5a1d\n"),
            );
            let received = answer(ok, "5a1d\n", "tee: write error: No space left on device");
            dst.expect(Matcher::script("tee -- \"$1\""), received);
            if ok {
                dst.expect(Matcher::script("changed while the copy ran"), Reply::ok(""));
            }
            dst.expect(Matcher::argv(["rm", "-rf", "--", &tmp]), Reply::ok(""));
            if ok {
                dst.expect(
                    Matcher::argv(["stat", "-c", "%s", "--", &archive]),
                    Reply::ok("7\n"),
                );
            }
        }
        Step::Restore => {
            let cmd = driver(kind)
                .packaging()
                .expect("a packaging panel")
                .restore_command(&bob(), &archive);
            let reply = answer(ok, "", "Error restoring the databases");
            dst.expect(Matcher::argv(cmd.argv().to_vec()), reply);
        }
        // Fails as a restore that created no account: the target does not list it.
        Step::Verify => lists_accounts(kind, dst, ok),
        Step::Cleanup => {
            let reply = if ok {
                Reply::ok("")
            } else {
                Reply::fails(1, "rm: cannot remove: Read-only file system")
            };
            dst.expect(Matcher::argv(["rm", "-f", "--", &archive]), reply);
            if ok {
                src.expect(Matcher::argv(["rm", "-f", "--", &archive]), Reply::ok(""));
            }
        }
        Step::Home => {
            dst.expect(Matcher::script("mkdir -m 0700"), Reply::ok(""));
            src.expect(
                Matcher::argv(home::produce("/home/bob").argv().to_vec()),
                Reply::ok("TAR"),
            );
            let unpacked = if ok {
                Reply::ok("")
            } else {
                Reply::fails(2, "tar: Cannot write: No space left on device")
            };
            dst.expect(
                Matcher::argv(home::consume(&staged()).argv().to_vec()),
                unpacked,
            );
            if !ok {
                dst.expect(Matcher::argv(["rm", "-rf", "--", &staged()]), Reply::ok(""));
            }
        }
        Step::PlaceHome => {
            let place = home::place_command(&staged(), "/home/bob", "bob");
            dst.expect(
                Matcher::argv(place.argv().to_vec()),
                answer(ok, "", "mv: cannot move"),
            );
        }
    }
}

/// The hosts with the migration's temporary directory made on both.
fn hosts() -> (Arc<Fake>, Arc<Fake>) {
    let (src, dst) = (Arc::new(Fake::new("h1")), Arc::new(Fake::new("h2")));
    for t in [&src, &dst] {
        let install = ["install", "-d", "-m", "0700", "--", &dir()].map(String::from);
        t.expect(Matcher::argv(install), Reply::ok(""));
    }
    databases(&dst);
    (src, dst)
}

/// After every account succeeded, the temporary directory goes from both hosts; else the
/// source keeps only what is not empty and the target keeps it for `--resume`.
fn ends(src: &Fake, dst: &Fake, all_ok: bool) {
    let dir = dir();
    if all_ok {
        for t in [src, dst] {
            t.expect(Matcher::argv(["rm", "-rf", "--", &dir]), Reply::ok(""));
        }
    } else {
        let rmdir = ["rmdir", "--ignore-fail-on-non-empty", "--", &dir];
        src.expect(Matcher::argv(rmdir), Reply::ok(""));
    }
}

const ORDER: [Step; 5] = [
    Step::Package,
    Step::Transfer,
    Step::Restore,
    Step::Verify,
    Step::Cleanup,
];

fn rows(ctx: &Context) -> Vec<(String, bool)> {
    journaled_steps(ctx, OPERATION)
        .into_iter()
        .map(|(unit, step, ok)| {
            assert_eq!(unit, if step == "request" { "*" } else { "bob" });
            (step, ok)
        })
        .collect()
}

#[test]
fn every_step_done_leaves_nothing_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let (src, dst) = hosts();
    for step in ORDER {
        script(DA, step, true, &src, &dst);
    }
    ends(&src, &dst, true);
    let m = migration(&ctx, DA, &src, &dst, Done::new(ORIGIN));
    m.record_request().unwrap();
    let out = run(&m);
    assert!(out.ok, "{:?}", out.error);
    let done: Vec<Step> = out.steps.iter().map(|s| s.step).collect();
    assert_eq!(done, ORDER);
    let mut want = vec![("request".to_string(), true)];
    want.extend(ORDER.iter().map(|s| (s.as_str().to_string(), true)));
    assert_eq!(rows(&ctx), want);
}

#[test]
fn a_failure_at_each_step_stops_the_account_and_rolls_back_what_it_must() {
    for (k, failing) in ORDER.into_iter().enumerate() {
        let tmp = tempfile::tempdir().unwrap();
        let ctx = journaled(tmp.path());
        let (src, dst) = hosts();
        for &step in &ORDER[..k] {
            script(DA, step, true, &src, &dst);
        }
        script(DA, failing, false, &src, &dst);
        if failing == Step::Restore {
            removes_partial(DA, &dst);
        }
        ends(&src, &dst, false);
        let m = migration(&ctx, DA, &src, &dst, Done::new(ORIGIN));
        let out = run(&m);

        let name = failing.as_str();
        assert!(!out.ok, "{name}");
        assert!(
            !out.cause.as_ref().is_some_and(transport::unreachable_cause),
            "{name}"
        );
        let error = out.error.clone().unwrap_or_default();
        assert!(error.starts_with(&format!("{name} failed: ")), "{error}");
        let done: Vec<Step> = out.steps.iter().map(|s| s.step).collect();
        assert_eq!(done, ORDER[..k], "{name}");
        let cleanup = (failing == Step::Restore)
            .then(|| "the partial account bob was removed from h2".to_string());
        assert_eq!(out.cleanup, cleanup, "{name}");
        let mut want: Vec<(String, bool)> = ORDER[..k]
            .iter()
            .map(|s| (s.as_str().to_string(), true))
            .collect();
        want.push((name.to_string(), false));
        assert_eq!(rows(&ctx), want, "{name}");
    }
}

#[test]
fn a_connection_lost_during_the_restore_leaves_the_removal_to_resume() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let (src, dst) = hosts();
    script(DA, Step::Package, true, &src, &dst);
    script(DA, Step::Transfer, true, &src, &dst);
    let restore = driver(DA)
        .packaging()
        .expect("a packaging panel")
        .restore_command(&bob(), &archive(DA));
    dst.expect(Matcher::argv(restore.argv().to_vec()), Reply::lost());
    ends(&src, &dst, false);
    let out = run(&migration(&ctx, DA, &src, &dst, Done::new(ORIGIN)));
    assert!(out.cause.as_ref().is_some_and(transport::unreachable_cause));
    let cleanup = out.cleanup.unwrap_or_default();
    assert!(
        cleanup.contains("removed by `hostops migrate run --resume`"),
        "{cleanup}"
    );
    // Nothing was tried on the target after the lost restore but the end of the run.
    assert_eq!(dst.lines().last().unwrap(), &restore.display());
}

#[test]
fn resume_skips_the_steps_done_and_removes_what_an_interrupted_restore_left() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let run_id = ctx.run_log().unwrap().run_id().to_string();
    {
        // The first run: the transfer fails after the package is made.
        let (src, dst) = hosts();
        script(DA, Step::Package, true, &src, &dst);
        script(DA, Step::Transfer, false, &src, &dst);
        ends(&src, &dst, false);
        let m = migration(&ctx, DA, &src, &dst, Done::new(ORIGIN));
        m.record_request().unwrap();
        assert!(!run(&m).ok);
    }
    let journal = ctx.open_journal().unwrap();
    let (_, done) = steps::load(&journal, "T-1", &run_id).unwrap();
    assert!(done.resumed);
    assert!(done.finished("bob", Step::Package.as_str()));
    assert!(!done.finished("bob", Step::Transfer.as_str()));
    // Read back as the package step's output type.
    let packaged: Option<steps::Packaged> = done.output("bob", "package").unwrap();
    assert_eq!(packaged.unwrap().archive, archive(DA));

    let (src, dst) = hosts();
    script(DA, Step::Transfer, true, &src, &dst);
    // Resumed: whatever of bob is on the target is removed before the restore.
    removes_partial(DA, &dst);
    for step in [Step::Restore, Step::Verify, Step::Cleanup] {
        script(DA, step, true, &src, &dst);
    }
    ends(&src, &dst, true);
    let m = migration(&ctx, DA, &src, &dst, done);
    // Its plan lists only the steps still to do.
    let planned: Vec<String> = m
        .actions(&[bob()])
        .unwrap()
        .iter()
        .map(|a| a.why.clone())
        .collect();
    assert!(
        !planned.iter().any(|w| w.starts_with("bob, package")),
        "{planned:?}"
    );
    assert!(
        planned.iter().any(|w| w.starts_with("bob, transfer")),
        "{planned:?}"
    );
    let out = run(&m);
    assert!(out.ok, "{:?}", out.error);
    let resumed: Vec<(Step, bool)> = out.steps.iter().map(|s| (s.step, s.resumed)).collect();
    assert_eq!(
        resumed,
        [
            (Step::Package, true),
            (Step::Transfer, false),
            (Step::Restore, false),
            (Step::Verify, false),
            (Step::Cleanup, false)
        ]
    );
    // The package was not made again.
    let package = driver(DA)
        .packaging()
        .expect("a packaging panel")
        .package_command(&bob(), &dir())
        .display();
    assert!(!src.lines().contains(&package));
}

/// cPanel's steps in order: the home streams (its own lane) while the package is made, moved
/// and restored.
const STREAMED: [Step; 7] = [
    Step::Home,
    Step::Package,
    Step::Transfer,
    Step::Restore,
    Step::PlaceHome,
    Step::Verify,
    Step::Cleanup,
];

/// The lanes of the first stage, which run at the same time.
const HOME_LANE: [Step; 1] = [Step::Home];
const PACKAGE_LANE: [Step; 3] = [Step::Package, Step::Transfer, Step::Restore];

/// What undoing a finished `step` removes, when a step beside it failed.
fn undone(step: Step, src: &Fake, dst: &Fake) {
    let rm = |path: &str| Matcher::argv(["rm", "-rf", "--", path]);
    match step {
        Step::Home => dst.expect(rm(&staged()), Reply::ok("")),
        Step::Package => src.expect(rm(&archive(CPANEL)), Reply::ok("")),
        Step::Transfer => dst.expect(rm(&archive(CPANEL)), Reply::ok("")),
        _ => dst,
    };
}

/// The context, with the hosts the home streams between on connections of their own.
fn streaming(dir: &std::path::Path, src: &Arc<Fake>, dst: &Arc<Fake>) -> Context {
    journaled(dir).with_transports(&[
        src.clone() as Arc<dyn Transport>,
        dst.clone() as Arc<dyn Transport>,
    ])
}

#[test]
fn a_streamed_home_is_put_in_place_after_the_restore() {
    let tmp = tempfile::tempdir().unwrap();
    let (src, dst) = hosts();
    let ctx = streaming(tmp.path(), &src, &dst);
    for step in STREAMED {
        script(CPANEL, step, true, &src, &dst);
    }
    ends(&src, &dst, true);
    let out = run(&migration(&ctx, CPANEL, &src, &dst, Done::new(ORIGIN)));
    assert!(out.ok, "{:?}", out.error);
    let done: Vec<Step> = out.steps.iter().map(|s| s.step).collect();
    assert_eq!(done, STREAMED);
}

#[test]
fn a_failure_beside_the_streamed_home_undoes_the_whole_stage() {
    for failing in STREAMED {
        let tmp = tempfile::tempdir().unwrap();
        let (src, dst) = hosts();
        let ctx = streaming(tmp.path(), &src, &dst);
        let name = failing.as_str();
        let k = STREAMED.iter().position(|&s| s == failing).unwrap();
        // The rows journaled: (step, ok), in any order across lanes.
        let mut rows_wanted: Vec<(String, bool)> = Vec::new();
        let mut partial = failing.may_leave_partial_account();
        if k < 4 {
            // The failing lane stops at its failure; the other runs to its end, and what
            // either finished is undone and journaled as not done.
            for lane in [&HOME_LANE[..], &PACKAGE_LANE[..]] {
                for &step in lane {
                    if step == failing {
                        script(CPANEL, step, false, &src, &dst);
                        rows_wanted.push((name.into(), false));
                        break;
                    }
                    script(CPANEL, step, true, &src, &dst);
                    undone(step, &src, &dst);
                    partial |= step.may_leave_partial_account();
                    rows_wanted.push((step.as_str().into(), true));
                    rows_wanted.push((step.as_str().into(), false));
                }
            }
        } else {
            for &step in &STREAMED[..k] {
                script(CPANEL, step, true, &src, &dst);
                rows_wanted.push((step.as_str().into(), true));
            }
            script(CPANEL, failing, false, &src, &dst);
            rows_wanted.push((name.into(), false));
        }
        if partial {
            removes_partial(CPANEL, &dst);
        }
        ends(&src, &dst, false);
        let out = run(&migration(&ctx, CPANEL, &src, &dst, Done::new(ORIGIN)));

        assert!(!out.ok, "{name}");
        assert!(
            !out.cause.as_ref().is_some_and(transport::unreachable_cause),
            "{name}"
        );
        let error = out.error.clone().unwrap_or_default();
        assert!(error.starts_with(&format!("{name} failed: ")), "{error}");
        let done: Vec<Step> = out.steps.iter().map(|s| s.step).collect();
        let kept = if k < 4 { &[][..] } else { &STREAMED[..k] };
        assert_eq!(done, kept, "{name}");
        let cleanup = partial.then(|| "the partial account bob was removed from h2".to_string());
        assert_eq!(out.cleanup, cleanup, "{name}");
        let mut got = rows(&ctx);
        got.sort();
        rows_wanted.sort();
        assert_eq!(got, rows_wanted, "{name}");
    }
}

/// The plan a run shows is the run: every command of it is sent on its host, in the plan's
/// order where the steps run one after the other (a streamed home's lane runs beside the
/// others).
#[test]
fn every_command_the_plan_shows_is_one_the_run_sends() {
    for (kind, steps) in [(DA, &ORDER[..]), (CPANEL, &STREAMED[..])] {
        let tmp = tempfile::tempdir().unwrap();
        let (src, dst) = hosts();
        let ctx = if kind == CPANEL {
            streaming(tmp.path(), &src, &dst)
        } else {
            journaled(tmp.path())
        };
        for &step in steps {
            script(kind, step, true, &src, &dst);
        }
        ends(&src, &dst, true);
        let m = migration(&ctx, kind, &src, &dst, Done::new(ORIGIN));
        let planned = m.actions(&[bob()]).unwrap();
        assert!(run(&m).ok);
        for (host, fake) in [("h1", &src), ("h2", &dst)] {
            let sent: Vec<Vec<String>> = fake.calls().into_iter().map(|c| c.argv).collect();
            let mut at = 0;
            for a in planned.iter().filter(|a| a.host == host) {
                let crate::app::change::Work::Run { cmd, .. } = &a.work else {
                    continue;
                };
                let from = if kind == DA { at } else { 0 };
                let found = sent[from..].iter().position(|argv| argv == cmd.argv());
                let found = found.unwrap_or_else(|| panic!("{host}: planned `{cmd}` not sent"));
                at = from + found + 1;
            }
        }
    }
}

#[test]
fn a_resumed_migration_of_several_accounts_needs_their_level() {
    use super::start::{self, RunRequest, Start};
    use crate::app::policy::Level;
    let tmp = tempfile::tempdir().unwrap();
    let mut ctx = journaled(tmp.path());
    let run_id = ctx.run_log().unwrap().run_id().to_string();
    let (src, dst) = (Arc::new(Fake::new("h1")), Arc::new(Fake::new("h2")));
    let mut m = migration(&ctx, DA, &src, &dst, Done::new(ORIGIN));
    m.request.accounts.push("amy".into());
    m.record_request().unwrap();
    drop(m);
    ctx.config.level = Level::new(2);
    let pattern = regex::Regex::new(crate::ticket::DEFAULT_PATTERN).unwrap();
    ctx.settings.ticket = crate::ticket::Ticket::parse("T-1", &pattern).ok();
    let resume = RunRequest {
        start: Start::Resume(run_id),
        options: RunOptions {
            parallel: 1,
            fail_fast: false,
        },
    };
    let err = start::change(&ctx, resume).err().expect("refused");
    let refusal = err
        .downcast_ref::<crate::exit::StatusError>()
        .unwrap_or_else(|| panic!("{err:#}"));
    assert_eq!(refusal.status, crate::exit::ExitStatus::Refused);
    assert!(
        refusal
            .message
            .contains("`migrate run` of 2 accounts is a level-3 task")
            && refusal
                .message
                .contains("hostops ticket escalate T-1 --to L3"),
        "{}",
        refusal.message
    );
    // Nothing was asked of either host (a Fake fails on any command it was not told of).
    assert!(src.lines().is_empty() && dst.lines().is_empty());
}
