//! How the CLI's tests run the real binary: with stdin written from
//! another thread (so neither side blocks on a full pipe), or with stdout
//! closed early, as `| head` does.

use std::io::{Read, Write};
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;

pub const BIN: &str = env!("CARGO_BIN_EXE_decision-guide");

/// Starts the binary with stdin, stdout and stderr piped.
pub fn spawn(args: &[&str]) -> Child {
    Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary starts")
}

/// Writes `input` to the child's stdin from another thread, then closes it.
/// A command may exit before reading all of it (a usage error does, and so
/// does one whose stdout was closed): a broken pipe is expected then.
pub fn feed(child: &mut Child, input: Vec<u8>) -> JoinHandle<()> {
    let mut pipe = child.stdin.take().expect("stdin");
    std::thread::spawn(move || match pipe.write_all(&input) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("write stdin: {e}"),
        _ => {}
    })
}

/// Runs the binary to the end with `stdin` as its input.
pub fn run(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = spawn(args);
    let writer = feed(&mut child, stdin.as_ref().to_vec());
    let out = child.wait_with_output().expect("binary runs");
    writer.join().expect("stdin writer");
    out
}

/// Runs a command and closes its stdout after reading `keep` bytes, mid
/// output when there is more (`keep` 0: a reader gone before it writes).
pub fn run_closing_stdout(args: &[&str], stdin: &[u8], keep: usize) -> Output {
    let mut child = spawn(args);
    let writer = feed(&mut child, stdin.to_vec());
    let mut out = child.stdout.take().expect("stdout");
    let mut first = vec![0u8; keep];
    let _ = out.read_exact(&mut first);
    drop(out);
    let o = child.wait_with_output().expect("binary runs");
    writer.join().expect("stdin writer");
    o
}
