//! The `selfreview` command: parses arguments, runs the library, prints, sets the exit code.

use std::panic::AssertUnwindSafe;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;

mod cli;

/// Set when printing failed because whatever reads the output (`| head`, a closed window)
/// has gone: the run then stops quietly, as other command-line tools do.
static READER_GONE: AtomicBool = AtomicBool::new(false);

/// Whether a panic is the standard library's on printing to a pipe that was closed.
fn is_closed_pipe(info: &std::panic::PanicHookInfo<'_>) -> bool {
    let said = info.to_string();
    said.contains("failed printing to std")
        && [
            "Broken pipe",
            "os error 32)",
            "os error 109)",
            "os error 232)",
        ]
        .iter()
        .any(|why| said.contains(why))
}

fn main() -> ExitCode {
    // A panic inside the spreadsheet reader is caught and reported as a damaged file; one on
    // printing to a closed pipe stops the run quietly; only other panics, which are bugs,
    // are printed.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if is_closed_pipe(info) {
            READER_GONE.store(true, Ordering::SeqCst);
        } else if !selfreview::spreadsheet::in_guarded() {
            default_hook(info);
        }
    }));
    match std::panic::catch_unwind(AssertUnwindSafe(run)) {
        Ok(code) => code,
        Err(_) if READER_GONE.load(Ordering::SeqCst) => {
            selfreview::fsutil::temporaries::remove_live();
            ExitCode::SUCCESS
        }
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn run() -> ExitCode {
    // Ctrl-C: remove the temporary files being written, so an interrupted pack leaves
    // nothing behind, then stop as interrupted programs do.
    let _ = ctrlc::set_handler(|| {
        selfreview::fsutil::temporaries::remove_live();
        std::process::exit(130);
    });
    let args = cli::Cli::parse();
    let out = cli::output::Output::new(args.json, args.quiet);
    match cli::run(args, &out) {
        Ok(code) => code,
        Err(err) => {
            out.failure(&err);
            ExitCode::from(cli::exit_code(&err))
        }
    }
}
