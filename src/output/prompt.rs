//! Questions on a terminal (dialoguer), asked with the progress lines cleared. Without a
//! terminal nothing is ever asked.

use std::io::IsTerminal;

use super::progress::without_lines;
use crate::transport::ssh::Prompter;

/// Asks on the terminal when stdin and stderr are terminals; otherwise always says no.
pub struct TermPrompter {
    enabled: bool,
}

impl TermPrompter {
    pub fn detect() -> TermPrompter {
        TermPrompter {
            enabled: std::io::stdin().is_terminal() && std::io::stderr().is_terminal(),
        }
    }
}

impl Prompter for TermPrompter {
    fn confirm(&self, question: &str) -> bool {
        self.enabled
            && without_lines(|| {
                dialoguer::Confirm::new()
                    .with_prompt(question)
                    .default(false)
                    .interact()
                    .unwrap_or(false)
            })
    }

    fn secret(&self, prompt: &str) -> Option<String> {
        if !self.enabled {
            return None;
        }
        without_lines(|| {
            dialoguer::Password::new()
                .with_prompt(prompt.trim_end_matches([':', ' ']))
                .allow_empty_password(true)
                .interact()
                .ok()
        })
    }

    fn can_prompt(&self) -> bool {
        self.enabled
    }
}
