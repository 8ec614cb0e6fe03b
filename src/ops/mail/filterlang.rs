//! The filter languages `mail check` reads: exim's filter files (cPanel, DirectAdmin) and
//! Sieve scripts (dovecot), each rule as what it does with a message (discard, bounce, pipe,
//! redirect, copy, file into a folder, reply) under the conditions of its `if`s. Parsing only:
//! nothing here runs or trusts the text.

/// What one rule does with a message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Discard,
    Bounce,
    Freeze,
    Pipe(String),
    Redirect(String),
    /// A copy elsewhere; the mailbox still gets the message.
    Copy(String),
    Folder(String),
    /// Sieve `vacation`: an automatic reply, with its subject when the script sets one.
    Vacation(Option<String>),
}

/// One action of a filter, with the rule's name and condition when it has them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Action {
    pub rule: Option<String>,
    pub condition: Option<String>,
    pub effect: Effect,
}

impl Action {
    /// The mail never reaches the mailbox.
    pub fn loses_mail(&self) -> bool {
        matches!(
            self.effect,
            Effect::Discard | Effect::Bounce | Effect::Pipe(_) | Effect::Redirect(_)
        )
    }

    pub fn describe(&self) -> String {
        let what = match &self.effect {
            Effect::Discard => "discards the message".to_string(),
            Effect::Bounce => "bounces the message".to_string(),
            Effect::Freeze => "freezes the message in the queue".to_string(),
            Effect::Pipe(c) => format!("pipes the message to {c}"),
            Effect::Redirect(a) => format!("redirects the message to {a}"),
            Effect::Copy(a) => format!("sends a copy to {a}"),
            Effect::Folder(f) => format!("files the message into {f}"),
            Effect::Vacation(_) => "replies automatically".to_string(),
        };
        let rule = self
            .rule
            .as_ref()
            .map(|r| format!("rule {r:?} "))
            .unwrap_or_default();
        match &self.condition {
            Some(c) => format!("{rule}{what} when {c}"),
            None => format!("{rule}{what}, every message"),
        }
    }
}

/// Words and quoted strings of a filter; `#` comments kept as their own tokens (a cPanel
/// rule's name is the comment before its `if`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Word(String),
    Quoted(String),
    Comment(String),
}

fn tokens(text: &str, punctuation: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut chars = line.trim().chars().peekable();
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut Vec<Token>| {
            if !word.is_empty() {
                out.push(Token::Word(std::mem::take(word)));
            }
        };
        while let Some(c) = chars.next() {
            match c {
                '#' if word.is_empty() => {
                    out.push(Token::Comment(chars.collect::<String>().trim().to_string()));
                    break;
                }
                '"' => {
                    flush(&mut word, &mut out);
                    let mut q = String::new();
                    while let Some(c) = chars.next() {
                        match c {
                            '\\' => q.extend(chars.next()),
                            '"' => break,
                            c => q.push(c),
                        }
                    }
                    out.push(Token::Quoted(q));
                }
                c if c.is_whitespace() => flush(&mut word, &mut out),
                c if punctuation.contains(c) => {
                    flush(&mut word, &mut out);
                    out.push(Token::Word(c.to_string()));
                }
                c => word.push(c),
            }
        }
        flush(&mut word, &mut out);
    }
    out
}

fn text_of(t: &Token) -> String {
    match t {
        Token::Word(w) => w.clone(),
        Token::Quoted(q) => format!("{q:?}"),
        Token::Comment(c) => c.clone(),
    }
}

fn arg_of(t: Option<&Token>) -> String {
    match t {
        Some(Token::Word(w)) | Some(Token::Quoted(w)) => w.clone(),
        _ => String::new(),
    }
}

/// An action under the open `if`s (`name`: the rule's, when it is under one).
fn under(name: &Option<String>, conditions: &[String], effect: Effect) -> Action {
    Action {
        rule: name.clone().filter(|_| !conditions.is_empty()),
        condition: (!conditions.is_empty()).then(|| conditions.join(" and ")),
        effect,
    }
}

/// The actions of an exim filter file (`save`, `deliver`, `pipe`, `fail`, `freeze`, each
/// with the `if` it is under).
pub fn exim_filter(text: &str) -> Vec<Action> {
    let toks = tokens(text, "");
    let mut out = Vec::new();
    let (mut name, mut pending) = (None::<String>, None::<String>);
    let mut conditions: Vec<String> = Vec::new();
    let mut unseen = false;
    let mut i = 0;
    let word = |i: usize| match toks.get(i) {
        Some(Token::Word(w)) => w.as_str(),
        _ => "",
    };
    while i < toks.len() {
        match (&toks[i], word(i)) {
            // A rule's name; not the `# Exim filter` line every filter file starts with.
            (Token::Comment(c), _) if !c.to_ascii_lowercase().starts_with("exim filter") => {
                pending = Some(c.clone())
            }
            (_, kw @ ("if" | "elif")) => {
                if kw == "elif" {
                    conditions.pop();
                } else {
                    name = pending.take();
                }
                let mut cond = Vec::new();
                i += 1;
                while i < toks.len() && word(i) != "then" {
                    if !matches!(toks[i], Token::Comment(_)) {
                        cond.push(text_of(&toks[i]));
                    }
                    i += 1;
                }
                conditions.push(cond.join(" "));
            }
            (_, "else") => {
                if let Some(c) = conditions.pop() {
                    conditions.push(format!("not ({c})"));
                }
            }
            (_, "endif") => {
                conditions.pop();
            }
            // `seen finish`: the message counts as delivered and nothing else happens.
            (_, "seen") if word(i + 1) == "finish" => {
                out.push(under(&name, &conditions, Effect::Discard))
            }
            (_, "unseen") => {
                unseen = true;
                i += 1;
                continue;
            }
            (_, cmd @ ("save" | "deliver" | "pipe" | "fail" | "freeze")) => {
                let arg = arg_of(toks.get(i + 1));
                let effect = match cmd {
                    "save" if arg == "/dev/null" => Effect::Discard,
                    "save" => Effect::Folder(arg),
                    "deliver" if unseen => Effect::Copy(arg),
                    "deliver" => Effect::Redirect(arg),
                    "pipe" => Effect::Pipe(arg),
                    "fail" => Effect::Bounce,
                    _ => Effect::Freeze,
                };
                out.push(under(&name, &conditions, effect));
            }
            _ => {}
        }
        unseen = false;
        i += 1;
    }
    out
}

/// The actions of a Sieve script (`discard`, `reject`, `redirect`, `fileinto`, `vacation`,
/// each with the `if` it is under).
pub fn sieve(text: &str) -> Vec<Action> {
    let toks = tokens(text, "{};,[]");
    let mut out = Vec::new();
    // The condition of each open block (None: a block without one, as `else`).
    let mut blocks: Vec<Option<String>> = Vec::new();
    let mut pending: Option<String> = None;
    let word = |i: usize| match toks.get(i) {
        Some(Token::Word(w)) => w.to_ascii_lowercase(),
        _ => String::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        match word(i).as_str() {
            "if" | "elsif" => {
                let mut cond = Vec::new();
                i += 1;
                while i < toks.len() && word(i) != "{" {
                    if !matches!(toks[i], Token::Comment(_)) {
                        cond.push(text_of(&toks[i]));
                    }
                    i += 1;
                }
                pending = Some(cond.join(" "));
                continue;
            }
            "{" => blocks.push(pending.take()),
            "}" => {
                blocks.pop();
            }
            cmd @ ("discard" | "reject" | "ereject" | "redirect" | "fileinto" | "vacation") => {
                // The command's arguments up to its `;`.
                let start = i + 1;
                while i < toks.len() && word(i) != ";" {
                    i += 1;
                }
                let args = &toks[start..i.min(toks.len())];
                let tagged = |tag: &str| {
                    args.iter()
                        .position(|t| matches!(t, Token::Word(w) if w.eq_ignore_ascii_case(tag)))
                };
                let last = args
                    .iter()
                    .rev()
                    .find_map(|t| match t {
                        Token::Quoted(q) => Some(q.clone()),
                        _ => None,
                    })
                    .unwrap_or_default();
                let effect = match cmd {
                    "discard" => Effect::Discard,
                    "reject" | "ereject" => Effect::Bounce,
                    "redirect" if tagged(":copy").is_some() => Effect::Copy(last),
                    "redirect" => Effect::Redirect(last),
                    "fileinto" => Effect::Folder(last),
                    _ => Effect::Vacation(tagged(":subject").map(|p| arg_of(args.get(p + 1)))),
                };
                let conds: Vec<&str> = blocks.iter().flatten().map(String::as_str).collect();
                out.push(Action {
                    rule: None,
                    condition: (!conds.is_empty()).then(|| conds.join(" and ")),
                    effect,
                });
            }
            _ => {}
        }
        i += 1;
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// An exim filter in cPanel's shape: the loop guard, then a `#NAME` comment before each
    /// rule.
    pub(in crate::ops::mail) const VFILTER: &str = r#"# Exim filter
headers charset "UTF-8"
if not first_delivery and error_message then finish endif

#Drop spammer
if
 $header_from: contains "spammer@example.com"
then
 save "/dev/null" 660
endif

#Boss copy
if
 $header_subject: contains "invoice"
then
 unseen deliver "boss@example.com"
endif
"#;

    #[test]
    fn exim_filters_name_what_each_rule_does() {
        let a = exim_filter(VFILTER);
        assert_eq!(a.len(), 2, "{a:?}");
        assert_eq!(a[0].effect, Effect::Discard);
        assert_eq!(a[0].rule.as_deref(), Some("Drop spammer"));
        assert_eq!(
            a[0].condition.as_deref(),
            Some(r#"$header_from: contains "spammer@example.com""#)
        );
        assert_eq!(a[1].effect, Effect::Copy("boss@example.com".into()));
        let seen = exim_filter("if $h_subject: contains \"x\" then\n seen finish\nendif\n");
        assert_eq!(seen[0].effect, Effect::Discard);
        let all = exim_filter("deliver \"elsewhere@example.net\"\n");
        assert_eq!(
            all[0].effect,
            Effect::Redirect("elsewhere@example.net".into())
        );
        assert!(all[0].condition.is_none());
    }

    #[test]
    fn hostile_text_stays_data() {
        // An unterminated quote ends with its line; nothing panics.
        let a = exim_filter("# Exim filter\ndeliver \"x@example.com\n");
        assert_eq!(a[0].effect, Effect::Redirect("x@example.com".into()));
        assert!(sieve("if { } } redirect").len() <= 1);
        assert!(exim_filter("if\nthen\nelif\nelse endif endif").is_empty());
    }

    #[test]
    fn sieve_scripts_and_vacation() {
        let s = r#"require ["fileinto", "vacation"];
# spam to its folder
if header :contains "X-Spam-Flag" "YES" { fileinto "Junk"; stop; }
elsif address :is "from" "x@example.com" { discard; }
vacation :days 1 :subject "Away" "I am away";
"#;
        let a = sieve(s);
        assert_eq!(a[0].effect, Effect::Folder("Junk".into()));
        assert_eq!(a[1].effect, Effect::Discard);
        assert!(a[1].condition.as_deref().unwrap().contains("x@example.com"));
        assert_eq!(a[2].effect, Effect::Vacation(Some("Away".into())));
        assert!(a[2].condition.is_none());
    }
}
