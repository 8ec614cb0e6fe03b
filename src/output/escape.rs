//! Server-supplied text shown to people: control characters (ESC, CR, BEL, C1 controls, bidi
//! overrides) are shown escaped (`\e`, `\r`, `\x07`, `\u{202e}`) so that a server cannot
//! drive the engineer's terminal. Tabs and newlines are layout and stay.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `s` with every control character escaped.
pub fn text(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_char(&mut out, c);
    }
    Cow::Owned(out)
}

/// Like [`text`], but colour and style sequences (SGR: `ESC [ digits ; ... m`), which hostops'
/// own messages and tables carry, pass; any other control is escaped.
pub fn keeping_colour(s: &str) -> Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let sgr = rest
            .strip_prefix("\u{1b}[")
            .and_then(|r| {
                r.find(|c: char| !(c.is_ascii_digit() || c == ';'))
                    .map(|i| (r, i))
            })
            .filter(|(r, i)| r[*i..].starts_with('m'))
            .map(|(_, i)| 2 + i + 1);
        match sgr {
            Some(n) => {
                out.push_str(&rest[..n]);
                rest = &rest[n..];
            }
            None => {
                push_char(&mut out, c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
    Cow::Owned(out)
}

/// Escapes a byte stream for a terminal, chunk by chunk: a UTF-8 character split between two
/// chunks is carried over, bytes that are not UTF-8 are shown as `\xNN`.
#[derive(Default)]
pub struct Bytes {
    carry: Vec<u8>,
}

impl Bytes {
    /// Appends the escaped form of `chunk` to `out`.
    pub fn feed(&mut self, chunk: &[u8], out: &mut Vec<u8>) {
        let joined;
        let mut rest: &[u8] = if self.carry.is_empty() {
            chunk
        } else {
            self.carry.extend_from_slice(chunk);
            joined = std::mem::take(&mut self.carry);
            &joined
        };
        let mut text = String::new();
        loop {
            match std::str::from_utf8(rest) {
                Ok(s) => {
                    text.push_str(&self::text(s));
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    text.push_str(&self::text(std::str::from_utf8(good).unwrap_or_default()));
                    match e.error_len() {
                        // A character cut at the end of the chunk: wait for its other bytes.
                        None => {
                            self.carry = bad.to_vec();
                            break;
                        }
                        Some(n) => {
                            for b in &bad[..n] {
                                let _ = write!(text, "\\x{b:02x}");
                            }
                            rest = &bad[n..];
                        }
                    }
                }
            }
        }
        out.extend_from_slice(text.as_bytes());
    }

    /// What is left over at the end of the stream (an unfinished character), escaped.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        for b in std::mem::take(&mut self.carry) {
            out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
        }
    }
}

fn needs_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_char(out: &mut String, c: char) {
    if !needs_escape(c) {
        out.push(c);
        return;
    }
    let _ = match c {
        '\u{1b}' => write!(out, "\\e"),
        '\r' => write!(out, "\\r"),
        c if (c as u32) < 0x80 => write!(out, "\\x{:02x}", c as u32),
        c => write!(out, "\\u{{{:x}}}", c as u32),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_escaped_and_layout_stays() {
        assert_eq!(
            text("a\u{1b}]0;x\u{7}\u{1b}[2Jb\r\n\tc\u{9b}d\u{202e}"),
            "a\\e]0;x\\x07\\e[2Jb\\r\n\tc\\u{9b}d\\u{202e}"
        );
        assert!(matches!(text("plain bøb"), Cow::Borrowed(_)));
    }

    #[test]
    fn colour_passes_and_other_sequences_do_not() {
        assert_eq!(
            keeping_colour("\u{1b}[32mok\u{1b}[0m \u{1b}[2J\u{1b}]0;t\u{7}\r"),
            "\u{1b}[32mok\u{1b}[0m \\e[2J\\e]0;t\\x07\\r"
        );
    }

    #[test]
    fn a_stream_keeps_characters_split_between_chunks() {
        let mut e = Bytes::default();
        let mut out = Vec::new();
        let s = "ø\u{1b}x".as_bytes();
        e.feed(&s[..1], &mut out);
        e.feed(&s[1..], &mut out);
        e.feed(b"\xff!", &mut out);
        e.feed(b"\xc3", &mut out);
        e.finish(&mut out);
        assert_eq!(out, "ø\\ex\\xff!\\xc3".as_bytes());
    }
}
