//! The `selfreview` command: parses arguments, runs the library, prints, sets the exit code.

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
    // A panic inside the spreadsheet reader is caught and reported as a damaged file; only
    // other panics, which are bugs, are printed.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !selfreview::spreadsheet::in_guarded() {
            default_hook(info);
        }
    }));
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
            ExitCode::from(cli::EXIT_FAILED)
        }
    }
}
