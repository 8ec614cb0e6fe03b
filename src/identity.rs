//! Who is running hostops and on which machine: recorded on every run so the next support
//! level sees who tried what.

/// The local user name.
pub fn operator() -> String {
    std::env::var("USER")
        .or_else(|_| std::env::var("LOGNAME"))
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(passwd_name)
}

/// The name of the current uid in the password database, or `uidN`.
fn passwd_name() -> String {
    // SAFETY: getuid cannot fail; getpwuid returns null or a pointer to a static record whose
    // name is a NUL-terminated string, copied out before any other libc call.
    unsafe {
        let uid = libc::getuid();
        let pw = libc::getpwuid(uid);
        if pw.is_null() || (*pw).pw_name.is_null() {
            return format!("uid{uid}");
        }
        std::ffi::CStr::from_ptr((*pw).pw_name)
            .to_string_lossy()
            .into_owned()
    }
}

/// This machine's host name.
pub fn machine() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_string())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "unknown".into())
}

/// Whether a hostops process with this pid is alive on this machine.
pub fn hostops_alive(pid: u32) -> bool {
    std::fs::read(format!("/proc/{pid}/cmdline"))
        .map(|c| String::from_utf8_lossy(&c).contains("hostops"))
        .unwrap_or(false)
}
