//! Against real OpenSSH servers (tests/lab/lab).
