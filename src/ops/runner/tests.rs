//! Unit tests of the step runner on a toy operation of three steps with typed outputs: a
//! failure injected at each step (undo order, journal rows, error), resume after a failure and
//! after a killed run, and lanes that run at the same time.

use std::sync::Mutex;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::*;
use crate::context::tests::journaled;

const OP: &str = "toy";
const ORIGIN: &str = "run1";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Toy {
    A,
    B,
    C,
}

impl StepName for Toy {
    fn name(self) -> &'static str {
        match self {
            Toy::A => "a",
            Toy::B => "b",
            Toy::C => "c",
        }
    }
}

/// B's output.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Bee {
    size: u32,
    label: String,
}

/// Runs A (output 21), B (output a `Bee`) and C (output what it read of A's and B's),
/// logging every run and undo; fails at `fail`, panics (a killed run) at `kill`.
#[derive(Default)]
struct Three {
    fail: Option<Toy>,
    kill: Option<Toy>,
    /// How long A takes.
    slow_a: Duration,
    log: Mutex<Vec<String>>,
}

impl Three {
    fn failing(step: Toy) -> Three {
        Three {
            fail: Some(step),
            ..Three::default()
        }
    }

    fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }
}

impl Steps for Three {
    type Step = Toy;

    fn run(&self, step: Toy, earlier: &Outputs<Toy>, _: &Task) -> Result<Output> {
        self.log
            .lock()
            .unwrap()
            .push(format!("run {}", step.name()));
        if self.kill == Some(step) {
            panic!("killed in {}", step.name());
        }
        if self.fail == Some(step) {
            anyhow::bail!("{} broke", step.name());
        }
        match step {
            Toy::A => {
                std::thread::sleep(self.slow_a);
                A.output(&21)
            }
            Toy::B => B.output(&Bee {
                size: 7,
                label: "bee".into(),
            }),
            Toy::C => {
                let (a, b) = (earlier.get(&A)?, earlier.get(&B)?);
                C.output(&vec![format!("{a}"), format!("{}:{}", b.label, b.size)])
            }
        }
    }

    fn undo(&self, step: Toy, output: &Output) -> String {
        let what = match step {
            Toy::A => format!("{}", A.read(output).unwrap()),
            Toy::B => B.read(output).unwrap().label,
            Toy::C => C.read(output).unwrap().join(","),
        };
        self.log
            .lock()
            .unwrap()
            .push(format!("undo {} {what}", step.name()));
        format!("undid {}", step.name())
    }
}

const A: Typed<Toy, u32> = Typed::new(Toy::A);
const B: Typed<Toy, Bee> = Typed::new(Toy::B);
const C: Typed<Toy, Vec<String>> = Typed::new(Toy::C);

const ONE_STAGE: &[&[&[Toy]]] = &[&[&[Toy::A, Toy::B, Toy::C]]];
const STAGES: &[&[&[Toy]]] = &[&[&[Toy::A]], &[&[Toy::B]], &[&[Toy::C]]];
const ALL: [Toy; 3] = [Toy::A, Toy::B, Toy::C];

fn run(ctx: &Context, j: &Journaled, steps: &Three, stages: &[&[&[Toy]]]) -> Ran<Toy> {
    let runner = Runner {
        ctx,
        operation: OP,
        journaled: j,
        unit: "u",
        announce: false,
    };
    runner.run(steps, stages).unwrap()
}

/// The rows journaled: `(step, ok, error)`.
fn rows(ctx: &Context) -> Vec<(String, bool, Option<String>)> {
    let events = ctx.open_journal().unwrap().ticket_events("T-1").unwrap();
    step_rows(&events, OP)
        .map(|s| {
            assert_eq!((s.unit.as_str(), s.origin.as_str()), ("u", ORIGIN));
            (s.step.clone(), s.ok, s.error.clone())
        })
        .collect()
}

fn names(steps: impl IntoIterator<Item = Toy>) -> Vec<&'static str> {
    steps.into_iter().map(Toy::name).collect()
}

#[test]
fn every_step_is_journaled_once_with_its_output_and_duration() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let steps = Three {
        slow_a: Duration::from_millis(30),
        ..Three::default()
    };
    let ran = run(&ctx, &Journaled::new(ORIGIN), &steps, ONE_STAGE);
    assert!(ran.failure.is_none());
    assert_eq!(names(ran.finished.iter().map(|f| f.step)), ["a", "b", "c"]);
    assert!(ran.finished.iter().all(|f| !f.resumed));
    let c = ran.outputs.get(&C).unwrap();
    assert_eq!(c, ["21", "bee:7"]);
    assert_eq!(steps.log(), ["run a", "run b", "run c"]);

    let events = ctx.open_journal().unwrap().ticket_events("T-1").unwrap();
    let rows: Vec<_> = step_rows(&events, OP).collect();
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.ok && r.error.is_none()));
    assert!(rows[0].duration_ms >= 30, "{}", rows[0].duration_ms);
    assert_eq!(
        rows[1].detail,
        serde_json::json!({"size": 7, "label": "bee"})
    );
}

#[test]
fn a_failure_at_each_step_of_a_stage_undoes_the_finished_ones_latest_first() {
    for (k, failing) in ALL.into_iter().enumerate() {
        let tmp = tempfile::tempdir().unwrap();
        let ctx = journaled(tmp.path());
        let steps = Three::failing(failing);
        let ran = run(&ctx, &Journaled::new(ORIGIN), &steps, ONE_STAGE);
        let name = failing.name();

        let failure = ran.failure.expect(name);
        assert_eq!(failure.step, failing);
        assert_eq!(format!("{:#}", failure.error), format!("{name} broke"));
        let before = &ALL[..k];
        assert_eq!(
            names(failure.undone.iter().map(|(s, _)| *s)),
            names(before.iter().rev().copied()),
            "{name}"
        );
        assert!(ran.finished.is_empty(), "{name}: the stage was undone");

        // Each undo got its step's typed output, latest first.
        let mut log: Vec<String> = ALL[..=k]
            .iter()
            .map(|s| format!("run {}", s.name()))
            .collect();
        let undos = ["undo b bee", "undo a 21"];
        log.extend(undos[2 - k..].iter().map(|s| s.to_string()));
        assert_eq!(steps.log(), log, "{name}");

        let mut want: Vec<(String, bool, Option<String>)> = before
            .iter()
            .map(|s| (s.name().to_string(), true, None))
            .collect();
        want.push((name.into(), false, Some(format!("{name} broke"))));
        want.extend(before.iter().rev().map(|s| {
            let why = format!(
                "undone: the {name} step failed ({name} broke): undid {}",
                s.name()
            );
            (s.name().to_string(), false, Some(why))
        }));
        assert_eq!(rows(&ctx), want, "{name}");
    }
}

#[test]
fn a_failure_in_a_later_stage_keeps_the_earlier_stages_done() {
    for (k, failing) in ALL.into_iter().enumerate() {
        let tmp = tempfile::tempdir().unwrap();
        let ctx = journaled(tmp.path());
        let steps = Three::failing(failing);
        let ran = run(&ctx, &Journaled::new(ORIGIN), &steps, STAGES);
        let failure = ran.failure.expect("a failure");
        assert_eq!(failure.step, failing);
        assert!(failure.undone.is_empty());
        assert_eq!(
            names(ran.finished.iter().map(|f| f.step)),
            names(ALL[..k].iter().copied())
        );
        let got: Vec<(String, bool)> = rows(&ctx).into_iter().map(|(s, ok, _)| (s, ok)).collect();
        let mut want: Vec<(String, bool)> =
            ALL[..k].iter().map(|s| (s.name().into(), true)).collect();
        want.push((failing.name().into(), false));
        assert_eq!(got, want);
    }
}

/// What the journal holds of the toy operation now.
fn reread(ctx: &Context) -> Journaled {
    let events = ctx.open_journal().unwrap().ticket_events("T-1").unwrap();
    Journaled::read(&events, OP, ORIGIN)
}

#[test]
fn resume_skips_the_finished_steps_and_reads_their_outputs_back() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let first = run(
        &ctx,
        &Journaled::new(ORIGIN),
        &Three::failing(Toy::C),
        STAGES,
    );
    assert_eq!(first.failure.map(|f| f.step), Some(Toy::C));

    let done = reread(&ctx);
    assert!(done.resumed);
    assert!(done.finished("u", "a") && done.finished("u", "b") && !done.finished("u", "c"));
    let bee: Option<Bee> = done.output("u", "b").unwrap();
    assert_eq!(bee.map(|b| b.size), Some(7));

    let steps = Three::default();
    let ran = run(&ctx, &done, &steps, STAGES);
    assert!(ran.failure.is_none());
    // Only C ran, from the outputs A and B left in the journal.
    assert_eq!(steps.log(), ["run c"]);
    let c = ran.outputs.get(&C).unwrap();
    assert_eq!(c, ["21", "bee:7"]);
    let resumed: Vec<(&str, bool)> = ran
        .finished
        .iter()
        .map(|f| (f.step.name(), f.resumed))
        .collect();
    assert_eq!(resumed, [("a", true), ("b", true), ("c", false)]);
    // The resumed steps are not journaled again.
    let got: Vec<String> = rows(&ctx).into_iter().map(|(s, _, _)| s).collect();
    assert_eq!(got, ["a", "b", "c", "c"]);
}

#[test]
fn an_undone_step_is_done_again_on_resume() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    run(
        &ctx,
        &Journaled::new(ORIGIN),
        &Three::failing(Toy::C),
        ONE_STAGE,
    );
    let done = reread(&ctx);
    assert!(!done.finished("u", "a") && !done.finished("u", "b"));
    let steps = Three::default();
    assert!(run(&ctx, &done, &steps, ONE_STAGE).failure.is_none());
    assert_eq!(steps.log(), ["run a", "run b", "run c"]);
}

#[test]
fn a_run_killed_in_a_step_resumes_at_that_step() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    let killed = Three {
        kill: Some(Toy::B),
        ..Three::default()
    };
    let died = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        run(&ctx, &Journaled::new(ORIGIN), &killed, STAGES)
    }));
    assert!(died.is_err());
    // A ended; B never did: no row, no end of the run.
    let got: Vec<(String, bool)> = rows(&ctx).into_iter().map(|(s, ok, _)| (s, ok)).collect();
    assert_eq!(got, [("a".to_string(), true)]);

    let steps = Three::default();
    let ran = run(&ctx, &reread(&ctx), &steps, STAGES);
    assert!(ran.failure.is_none());
    assert_eq!(steps.log(), ["run b", "run c"]);
    let c = ran.outputs.get(&C).unwrap();
    assert_eq!(c, ["21", "bee:7"]);
}

#[test]
fn lanes_run_together_and_a_failure_undoes_the_other_lane_too() {
    let tmp = tempfile::tempdir().unwrap();
    let ctx = journaled(tmp.path());
    // A (slow) beside B then C; C fails after B finished, before A did.
    let steps = Three {
        fail: Some(Toy::C),
        slow_a: Duration::from_millis(300),
        ..Three::default()
    };
    let lanes: &[&[&[Toy]]] = &[&[&[Toy::A], &[Toy::B, Toy::C]]];
    let ran = run(&ctx, &Journaled::new(ORIGIN), &steps, lanes);
    let failure = ran.failure.expect("C fails");
    // Latest first: A ended after B, which only happens when the lanes run together (one after
    // the other, slow A would end first).
    assert_eq!(names(failure.undone.iter().map(|(s, _)| *s)), ["a", "b"]);
    let mut got: Vec<(String, bool)> = rows(&ctx).into_iter().map(|(s, ok, _)| (s, ok)).collect();
    got.sort();
    let want = [
        ("a", false),
        ("a", true),
        ("b", false),
        ("b", true),
        ("c", false),
    ];
    assert_eq!(got, want.map(|(s, ok)| (s.to_string(), ok)));
}
