//! Byte streams that count and hash what passes through them, so copies and the journal
//! learn size and SHA-256 without a second read and without holding the data in memory.

use std::io::{self, Read, Write};

use sha2::{Digest, Sha256};

use crate::hex::hex;

/// Passes writes through to `inner`, counting, hashing and keeping the first `keep` bytes.
pub struct Tee<W> {
    inner: W,
    hasher: Sha256,
    bytes: u64,
    keep: usize,
    kept: Vec<u8>,
}

impl<W: Write> Tee<W> {
    pub fn new(inner: W, keep: usize) -> Self {
        Tee {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
            keep,
            kept: Vec::new(),
        }
    }

    pub fn finish(self) -> Digested {
        Digested {
            bytes: self.bytes,
            sha256: hex(&self.hasher.finalize()),
            head: self.kept,
        }
    }
}

impl<W: Write> Write for Tee<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.inner.write(buf)?;
        let written = &buf[..n];
        self.hasher.update(written);
        self.bytes += n as u64;
        let room = self.keep.saturating_sub(self.kept.len());
        self.kept.extend_from_slice(&written[..room.min(n)]);
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Passes reads through from `inner`, counting and hashing, and reporting progress.
pub struct HashingReader<'a, R> {
    inner: R,
    hasher: Sha256,
    bytes: u64,
    on_read: &'a (dyn Fn(u64) + Sync),
}

impl<'a, R: Read> HashingReader<'a, R> {
    pub fn new(inner: R, on_read: &'a (dyn Fn(u64) + Sync)) -> Self {
        HashingReader {
            inner,
            hasher: Sha256::new(),
            bytes: 0,
            on_read,
        }
    }

    pub fn finish(self) -> Digested {
        Digested {
            bytes: self.bytes,
            sha256: hex(&self.hasher.finalize()),
            head: Vec::new(),
        }
    }
}

impl<R: Read> Read for HashingReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.bytes += n as u64;
        (self.on_read)(n as u64);
        Ok(n)
    }
}

/// Passes reads through from `inner`, counting them: for the journal, which keeps the size
/// of a command's input but not its hash.
pub struct CountingReader<R> {
    inner: R,
    pub bytes: u64,
}

impl<R: Read> CountingReader<R> {
    pub fn new(inner: R) -> Self {
        CountingReader { inner, bytes: 0 }
    }
}

impl<R: Read> Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
}

/// What a [`Tee`] or [`HashingReader`] saw.
#[derive(Clone, Debug)]
pub struct Digested {
    pub bytes: u64,
    pub sha256: String,
    pub head: Vec<u8>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tee_counts_hashes_and_keeps_a_head() {
        let mut out = Vec::new();
        let mut tee = Tee::new(&mut out, 4);
        tee.write_all(b"hello ").unwrap();
        tee.write_all(b"world").unwrap();
        let d = tee.finish();
        assert_eq!(out, b"hello world");
        assert_eq!(d.bytes, 11);
        assert_eq!(d.head, b"hell");
        assert_eq!(
            d.sha256,
            "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9"
        );
    }
}
