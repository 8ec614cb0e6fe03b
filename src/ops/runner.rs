//! One journaled step runner for multi-step changes (migration, backup restore): stages run
//! in order, the lanes of a stage at the same time, the steps of a lane one after the other.
//! Each step has a typed output, journaled once when the step ends (ok with its output, or
//! failed with its error, and its duration); a step an earlier run of the same operation (same
//! origin run) finished is skipped, its output read back from the journal; when a step fails,
//! the steps of its stage that finished are undone, latest first, each given its typed output,
//! and journaled as not done so that a resume does them again.
//!
//! The rows are the journal's `Event::Step` as before (operation, origin, unit, step, ok,
//! error, detail, duration): journals written before the runner resume with it.

use std::marker::PhantomData;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::context::Context;
use crate::journal::{Event, StoredEvent};
use crate::output::Task;

/// A step's output as journaled (the row's detail): written from and read back into the
/// step's own output type.
#[derive(Clone, Debug, Serialize)]
#[serde(transparent)]
pub struct Output(serde_json::Value);

impl Output {
    fn of<T: Serialize>(value: &T) -> Result<Output> {
        Ok(Output(serde_json::to_value(value)?))
    }

    fn read<T: DeserializeOwned>(&self) -> Result<T> {
        Ok(T::deserialize(&self.0)?)
    }
}

/// A step with the type of its output: its output is written and read back only as that
/// type (one constant per step says which).
pub struct Typed<S, T> {
    pub step: S,
    output: PhantomData<fn() -> T>,
}

impl<S: StepName, T: Serialize + DeserializeOwned> Typed<S, T> {
    pub const fn new(step: S) -> Typed<S, T> {
        Typed {
            step,
            output: PhantomData,
        }
    }

    /// `value`, as the step's output.
    pub fn output(&self, value: &T) -> Result<Output> {
        Output::of(value)
    }

    /// What the step left, read back.
    pub fn read(&self, output: &Output) -> Result<T> {
        output
            .read()
            .with_context(|| format!("reading what the {} step left", self.step.name()))
    }
}

/// What names a step of an operation (in the journal, in errors).
pub trait StepName: Copy + Eq + Send + Sync {
    fn name(self) -> &'static str;
}

/// The steps of one unit of an operation (an account): what each does and how a finished one
/// is undone.
pub trait Steps: Sync {
    type Step: StepName;

    /// Does `step`; `earlier` holds the outputs of the steps finished before it.
    fn run(&self, step: Self::Step, earlier: &Outputs<Self::Step>, task: &Task) -> Result<Output>;

    /// Undoes finished `step` (which left `output`) after a step of its stage failed; says
    /// what it did, in words. Steps that leave nothing to remove keep this.
    fn undo(&self, _step: Self::Step, _output: &Output) -> String {
        "undone".to_string()
    }
}

/// The outputs of the steps of one unit finished so far, in this run or an earlier one.
#[derive(Clone, Debug)]
pub struct Outputs<S> {
    done: Vec<(S, Output)>,
}

impl<S: StepName> Outputs<S> {
    /// The output `step` left, read as its type.
    pub fn get<T: Serialize + DeserializeOwned>(&self, step: &Typed<S, T>) -> Result<T> {
        let (_, output) = self
            .done
            .iter()
            .find(|(s, _)| *s == step.step)
            .with_context(|| format!("the {} step has not finished", step.step.name()))?;
        step.read(output)
    }

    fn has(&self, step: S) -> bool {
        self.done.iter().any(|(s, _)| *s == step)
    }
}

/// What the journal holds of an operation started by run `origin`: the steps each unit
/// finished, with their outputs (none for a fresh run).
#[derive(Clone, Debug, Default)]
pub struct Journaled {
    pub origin: String,
    /// Whether this is a resumed run (an earlier one may have stopped in the middle of a step).
    pub resumed: bool,
    done: Vec<(String, String, Output)>,
}

impl Journaled {
    /// A fresh run of an operation, started by run `origin`.
    pub fn new(origin: &str) -> Journaled {
        Journaled {
            origin: origin.to_string(),
            resumed: false,
            done: Vec::new(),
        }
    }

    /// The steps of `operation` started by run `origin` finished in `events` (a ticket's): the
    /// last row of a step wins, so a step journaled as done and later undone is not done.
    pub fn read(events: &[StoredEvent], operation: &str, origin: &str) -> Journaled {
        let mut j = Journaled::new(origin);
        j.resumed = true;
        for s in step_rows(events, operation).filter(|s| s.origin == origin) {
            j.done.retain(|(u, st, _)| !(*u == s.unit && *st == s.step));
            if s.ok {
                j.done
                    .push((s.unit.clone(), s.step.clone(), Output(s.detail.clone())));
            }
        }
        j
    }

    /// Whether `unit` finished `step`.
    pub fn finished(&self, unit: &str, step: &str) -> bool {
        self.find(|u, s| u == unit && s == step).is_some()
    }

    /// The output of `step` of `unit`, when it finished.
    pub fn output<T: DeserializeOwned>(&self, unit: &str, step: &str) -> Result<Option<T>> {
        self.find(|u, s| u == unit && s == step)
            .map(Output::read)
            .transpose()
    }

    /// The output of `step` for whichever unit finished it (operations of one unit).
    pub fn any<T: DeserializeOwned>(&self, step: &str) -> Result<Option<T>> {
        self.find(|_, s| s == step).map(Output::read).transpose()
    }

    fn find(&self, pred: impl Fn(&str, &str) -> bool) -> Option<&Output> {
        self.done
            .iter()
            .find(|(u, s, _)| pred(u, s))
            .map(|(_, _, o)| o)
    }

    fn outputs<S: StepName>(&self, unit: &str, steps: impl Iterator<Item = S>) -> Outputs<S> {
        let done = steps
            .filter_map(|s| {
                self.find(|u, name| u == unit && name == s.name())
                    .map(|o| (s, o.clone()))
            })
            .collect();
        Outputs { done }
    }

    /// Journals `step` of `unit` with its result (no-op when not journaling).
    pub fn record<T: Serialize>(
        &self,
        ctx: &Context,
        operation: &str,
        unit: &str,
        step: &str,
        result: &Result<T>,
        took: Duration,
    ) -> Result<()> {
        let result = match result {
            Ok(v) => Ok(Output::of(v)?.0),
            Err(e) => Err(format!("{e:#}")),
        };
        ctx.record_step(operation, &self.origin, unit, step, &result, took)
    }
}

/// The step rows of `operation` in `events`.
fn step_rows<'e>(
    events: &'e [StoredEvent],
    operation: &'e str,
) -> impl Iterator<Item = &'e crate::journal::StepEvent> + 'e {
    events.iter().filter_map(move |e| match &e.event {
        Event::Step(s) if s.operation == operation => Some(s),
        _ => None,
    })
}

/// The origin of the rows run `run_id` journaled for `operation` in `events`.
pub fn origin_of(events: &[StoredEvent], operation: &str, run_id: &str) -> Option<String> {
    events.iter().find_map(|e| match &e.event {
        Event::Step(s) if e.run_id == run_id && s.operation == operation => Some(s.origin.clone()),
        _ => None,
    })
}

/// Every finished `step` of `operation` in `events` whose output reads as `T`, oldest first,
/// with the run that journaled it.
pub fn outputs_of<T: DeserializeOwned>(
    events: &[StoredEvent],
    operation: &str,
    step: &str,
) -> Vec<(String, T)> {
    events
        .iter()
        .filter_map(|e| match &e.event {
            Event::Step(s) if s.operation == operation && s.step == step && s.ok => {
                T::deserialize(&s.detail)
                    .ok()
                    .map(|t| (e.run_id.clone(), t))
            }
            _ => None,
        })
        .collect()
}

/// A step done in this run or, `resumed`, by an earlier one.
#[derive(Debug)]
pub struct Finished<S> {
    pub step: S,
    pub resumed: bool,
    pub duration: Duration,
}

/// The step that failed, its error, and what undoing the steps of its stage said.
#[derive(Debug)]
pub struct Failure<S> {
    pub step: S,
    pub error: anyhow::Error,
    /// The steps of the failing stage that had finished, undone, latest first.
    pub undone: Vec<(S, String)>,
}

/// How a run of the steps of one unit went.
#[derive(Debug)]
pub struct Ran<S> {
    /// In stage order, each stage's lanes in order; without the steps undone.
    pub finished: Vec<Finished<S>>,
    pub outputs: Outputs<S>,
    pub failure: Option<Failure<S>>,
}

/// Runs the steps of one unit of an operation.
pub struct Runner<'a> {
    pub ctx: &'a Context,
    pub operation: &'a str,
    pub journaled: &'a Journaled,
    pub unit: &'a str,
    /// Whether each step also says `UNIT: STEP ...` on stderr when no terminal shows its
    /// spinner.
    pub announce: bool,
}

/// The result of one step: when it ended and how long it took.
type Ended<S> = (S, Instant, Duration, Result<Output>);

/// A step of the current stage that finished.
struct Done<S> {
    step: S,
    ended: Instant,
    took: Duration,
    output: Output,
}

impl Runner<'_> {
    /// Runs `stages` in order up to the first stage with a failed step. Errs only when an
    /// undone step cannot be journaled.
    pub fn run<T: Steps>(&self, steps: &T, stages: &[&[&[T::Step]]]) -> Result<Ran<T::Step>> {
        let all = stages.iter().flat_map(|s| s.iter()).flat_map(|l| l.iter());
        let mut ran = Ran {
            finished: Vec::new(),
            outputs: self.journaled.outputs(self.unit, all.copied()),
            failure: None,
        };
        for stage in stages {
            let mut lanes = Vec::new();
            for lane in *stage {
                let (done, todo): (Vec<_>, Vec<_>) =
                    lane.iter().partition(|&&s| ran.outputs.has(s));
                ran.finished.extend(done.into_iter().map(|&step| Finished {
                    step,
                    resumed: true,
                    duration: Duration::ZERO,
                }));
                lanes.push(todo.into_iter().copied().collect::<Vec<_>>());
            }
            let results: Vec<Ended<T::Step>> = std::thread::scope(|s| {
                let running: Vec<_> = lanes
                    .iter()
                    .map(|lane| {
                        let earlier = &ran.outputs;
                        s.spawn(move || self.lane(steps, lane, earlier))
                    })
                    .collect();
                running
                    .into_iter()
                    .flat_map(|r| r.join().expect("lane thread"))
                    .collect()
            });
            let mut failed = None;
            let mut finished = Vec::new();
            for (step, ended, took, result) in results {
                match result {
                    Ok(output) => finished.push(Done {
                        step,
                        ended,
                        took,
                        output,
                    }),
                    Err(e) => {
                        failed.get_or_insert((step, e));
                    }
                }
            }
            if let Some((step, error)) = failed {
                ran.failure = Some(self.undo_stage(steps, step, error, finished)?);
                return Ok(ran);
            }
            for done in finished {
                ran.outputs.done.push((done.step, done.output));
                ran.finished.push(Finished {
                    step: done.step,
                    resumed: false,
                    duration: done.took,
                });
            }
        }
        Ok(ran)
    }

    /// A stage is done as a whole: when `step` of it fails, the others it finished are
    /// undone, latest first, and journaled as not done.
    fn undo_stage<T: Steps>(
        &self,
        steps: &T,
        step: T::Step,
        error: anyhow::Error,
        mut finished: Vec<Done<T::Step>>,
    ) -> Result<Failure<T::Step>> {
        let why = format!("{error:#}");
        finished.sort_by_key(|d| std::cmp::Reverse(d.ended));
        let mut undone = Vec::new();
        for d in finished {
            let said = steps.undo(d.step, &d.output);
            let row: Result<()> = Err(anyhow::anyhow!(
                "undone: the {} step failed ({why}): {said}",
                step.name()
            ));
            self.record(d.step, &row, d.took)
                .with_context(|| format!("cannot journal the {} step", d.step.name()))?;
            undone.push((d.step, said));
        }
        Ok(Failure {
            step,
            error,
            undone,
        })
    }

    /// Runs the steps of one lane in order, up to the first that fails, journaling each as it
    /// ends (so that a resume skips it).
    fn lane<T: Steps>(
        &self,
        steps: &T,
        lane: &[T::Step],
        earlier: &Outputs<T::Step>,
    ) -> Vec<Ended<T::Step>> {
        let mut mine = earlier.clone();
        let mut results = Vec::new();
        for &step in lane {
            let started = Instant::now();
            let label = format!("{}: {}", self.unit, step.name());
            let task = if self.announce {
                self.ctx.printer.step(&label)
            } else {
                self.ctx.printer.task(&label)
            };
            let result = steps.run(step, &mine, &task);
            drop(task);
            let took = started.elapsed();
            let result = match self.record(step, &result, took) {
                Ok(()) => result,
                Err(e) => Err(e.context(format!("cannot journal the {} step", step.name()))),
            };
            let output = result.as_ref().ok().cloned();
            results.push((step, Instant::now(), took, result));
            match output {
                Some(o) => mine.done.push((step, o)),
                None => break,
            }
        }
        results
    }

    fn record<S: StepName, T: Serialize>(
        &self,
        step: S,
        r: &Result<T>,
        took: Duration,
    ) -> Result<()> {
        self.journaled
            .record(self.ctx, self.operation, self.unit, step.name(), r, took)
    }
}

#[cfg(test)]
mod tests;
