//! The `selfreview` command: parses arguments, runs the library, prints, sets the exit code.

use std::process::ExitCode;

use clap::Parser;

mod cli;

fn main() -> ExitCode {
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
