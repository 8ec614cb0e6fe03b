//! The `hostops` binary: everything lives in the library; this only hands over argv.

fn main() {
    std::process::exit(hostops::main_entry());
}
