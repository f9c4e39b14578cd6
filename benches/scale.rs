//! Scale benchmarks: selfreview against the tools a school's data person would reach for.
//!
//! Generates large inputs deterministically under `target/bench-data/`, then times each
//! command with GNU time (wall seconds and peak resident memory) and prints a Markdown
//! table of figures and ratios, also saved as `target/bench-data/results.md`:
//!
//! - import of a 1,000,000-row incident CSV, against pandas `read_csv`, DuckDB and Polars,
//!   each reading the whole file into a table with the date parsed (DuckDB and Polars use
//!   both cores);
//! - import of a 10,000,000-row (1 GB) incident CSV, for memory: generated, imported once and
//!   deleted;
//! - import of a 200,000-row incident xlsx, against python-calamine and openpyxl;
//! - pack of a review citing a 1 GiB video, against `zip -r` and `zip -0 -r`;
//! - score of a review with 50 reviewers' workbooks.
//!
//! Run with `cargo bench --bench scale` (add `-- --quick` for small inputs that check the
//! harness itself, `-- --prepare` only to generate the inputs, or `-- --only=pack,score` to
//! measure only the named groups of rows: imports, big-csv, pack, zip-deflate, score). Needs python3 with pandas,
//! DuckDB, Polars, python-calamine and openpyxl, GNU time and zip; `benches/setup.sh`
//! installs them.

use std::fmt::Write as _;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

const CATEGORIES: [&str; 8] = [
    "Cyberbullying",
    "Inappropriate content",
    "Gaming",
    "Sexting",
    "Filtering alert",
    "Scam",
    "Unwanted contact",
    "Online reputation",
];
const CODES: [&str; 21] = [
    "A1.1", "A1.2", "A1.3", "A2.1", "A2.2", "A2.3", "B1.1", "B1.2", "B2.1", "B3.1", "B4.1", "B4.2",
    "C1.1", "C1.2", "C1.3", "C1.4", "C2.1", "C2.2", "C2.3", "C2.4", "D1.1",
];

/// A small deterministic generator, so every run measures the same data.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

struct Sizes {
    csv_rows: u64,
    big_csv_rows: u64,
    xlsx_rows: u32,
    video_bytes: u64,
    reviewers: usize,
}

fn incident_row(rng: &mut Lcg, i: u64) -> [String; 8] {
    let day = rng.below(1095);
    let date = chrono::NaiveDate::from_ymd_opt(2023, 11, 2).expect("valid")
        + chrono::Duration::days(day as i64);
    let cat = CATEGORIES[rng.below(8) as usize];
    let cats = if rng.below(4) == 0 {
        format!("{cat}; {}", CATEGORIES[rng.below(8) as usize])
    } else {
        cat.to_string()
    };
    [
        format!("Pupil {}", rng.below(900)),
        format!("Year {}", 1 + rng.below(6)),
        format!(
            "{} {:02}:{:02}",
            date.format("%d/%m/%Y"),
            8 + rng.below(9),
            rng.below(60)
        ),
        cats,
        format!("Details of incident {i}"),
        if rng.below(10) == 0 {
            String::new()
        } else {
            "Spoke to pupils".into()
        },
        if rng.below(3) == 0 {
            "Open".into()
        } else {
            "Closed".into()
        },
        "Class teacher".into(),
    ]
}

const HEADER: [&str; 8] = [
    "Pupil",
    "Year Group",
    "Date/Time",
    "Categories",
    "Details",
    "Actions",
    "Status",
    "Raised By",
];

fn write_csv(path: &Path, rows: u64) {
    let mut w = csv::Writer::from_writer(BufWriter::new(
        std::fs::File::create(path).expect("create csv"),
    ));
    w.write_record(HEADER).expect("write");
    let mut rng = Lcg(1);
    for i in 0..rows {
        w.write_record(incident_row(&mut rng, i)).expect("write");
    }
    w.flush().expect("flush");
}

fn write_xlsx(path: &Path, rows: u32) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in (0u16..).zip(HEADER) {
        ws.write(0, c, h).expect("write");
    }
    let mut rng = Lcg(2);
    for r in 1..=rows {
        for (c, v) in (0u16..).zip(incident_row(&mut rng, u64::from(r))) {
            ws.write(r, c, v).expect("write");
        }
    }
    wb.save(path).expect("save xlsx");
}

fn write_video(path: &Path, bytes: u64) {
    let mut w = BufWriter::new(std::fs::File::create(path).expect("create video"));
    // The start of an MP4 file, so the file is known for the video it stands for.
    w.write_all(b"\0\0\0\x20ftypisom").expect("write");
    let mut rng = Lcg(3);
    let mut block = vec![0u8; 1 << 20];
    let mut left = bytes;
    while left > 0 {
        // Every byte is one of 0xDC to 0xDF, so that no run of them reads as a name when the
        // privacy guard reads the video's ends as text: as ASCII, UTF-8 and UTF-16 alike it
        // reads as nothing but unreadable characters. (Random bytes spell out letters, and
        // CJK characters that are transliterated into syllables, and the pack would rightly
        // be refused.)
        for chunk in block.chunks_mut(4) {
            let v = rng.next();
            for (i, b) in chunk.iter_mut().enumerate() {
                *b = 0xDC | ((v >> (2 * i)) & 3) as u8;
            }
        }
        let n = left.min(block.len() as u64) as usize;
        w.write_all(&block[..n]).expect("write");
        left -= n as u64;
    }
    w.flush().expect("flush");
}

/// What a pack needs beside the workbooks: the pupil list its names are checked against,
/// and the video recorded as checked by hand (a video cannot be searched for names).
fn packable(dir: &Path) {
    std::fs::write(
        dir.join("evidence/pupil-list.csv"),
        "Forename,Surname\nAmy,Lee\nBen,Hart\n",
    )
    .expect("write pupil list");
    let toml = dir.join("review.toml");
    let text = std::fs::read_to_string(&toml).expect("review.toml");
    let text = text
        .replace(
            "# [[evidence]]\n# kind = \"pupils\"",
            "[[evidence]]\nkind = \"pupils\"",
        )
        .replace(
            "# path = \"evidence/pupil-list.csv\"",
            "path = \"evidence/pupil-list.csv\"",
        )
        .replace(
            "checked-by-hand = []",
            "checked-by-hand = [\"assembly.mp4\"]",
        );
    std::fs::write(&toml, text).expect("write review.toml");
}

fn run(bin: &Path, args: &[&str]) {
    let status = Command::new(bin)
        .args(args)
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run selfreview");
    assert!(
        status.success() || status.code() == Some(1),
        "selfreview {args:?} failed"
    );
}

fn workbook(path: &Path, reviewer: &str, rng: &mut Lcg) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet().set_name("Scores").expect("name");
    for (c, h) in (0u16..).zip([
        "Code",
        "Aspect",
        "Benchmark",
        "Level",
        "Commentary",
        "Evidence",
    ]) {
        ws.write(0, c, h).expect("write");
    }
    for (r, code) in (1u32..).zip(CODES) {
        ws.write(r, 0, code).expect("write");
        ws.write(r, 2, 2).expect("write");
        ws.write(r, 3, 1 + rng.below(4) as u32).expect("write");
        ws.write(r, 4, "The school does this every term and keeps records of it; staff, governors and learners all know their part and the group checks the effect each year.").expect("write");
    }
    let info = wb.add_worksheet().set_name("Instructions").expect("name");
    for (r, (l, v)) in (0u32..).zip([
        ("Reviewer", reviewer),
        ("Framework", "online-safety-21"),
        ("Framework version", "1.0.0"),
    ]) {
        info.write(r, 0, l).expect("write");
        info.write(r, 1, v).expect("write");
    }
    wb.save(path).expect("save workbook");
}

fn review(bin: &Path, dir: &Path, reviewers: usize, video: Option<u64>) {
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("clean");
    }
    run(
        bin,
        &[
            "init",
            dir.to_str().expect("utf-8 path"),
            "--school",
            "Bench Primary",
            "--review-date",
            "2026-11-01",
            // The generated workbooks are laid out on the 21 aspects.
            "--framework",
            "online-safety-21",
        ],
    );
    let mut rng = Lcg(4);
    for n in 0..reviewers {
        workbook(
            &dir.join(format!("scores/reviewer-{n:02}.xlsx")),
            &format!("Reviewer {n:02}"),
            &mut rng,
        );
    }
    if let Some(bytes) = video {
        write_video(&dir.join("evidence/assembly.mp4"), bytes);
        packable(dir);
        // Cite the video from the first workbook.
        let path = dir.join("scores/reviewer-00.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let ws = wb.add_worksheet().set_name("Scores").expect("name");
        for (c, h) in (0u16..).zip([
            "Code",
            "Aspect",
            "Benchmark",
            "Level",
            "Commentary",
            "Evidence",
        ]) {
            ws.write(0, c, h).expect("write");
        }
        for (r, code) in (1u32..).zip(CODES) {
            ws.write(r, 0, code).expect("write");
            ws.write(r, 3, 2).expect("write");
            ws.write(
                r,
                4,
                "Assemblies on online safety are filmed and shared with parents each term.",
            )
            .expect("write");
            if code == "B1.1" {
                ws.write(r, 5, "assembly.mp4").expect("write");
            }
        }
        let info = wb.add_worksheet().set_name("Instructions").expect("name");
        for (r, (l, v)) in (0u32..).zip([
            ("Reviewer", "Reviewer 00"),
            ("Framework", "online-safety-21"),
            ("Framework version", "1.0.0"),
        ]) {
            info.write(r, 0, l).expect("write");
            info.write(r, 1, v).expect("write");
        }
        wb.save(path).expect("save");
    }
}

/// Scores the review once and checks that every workbook was counted, so that the timed
/// runs consolidate the reviewers' levels rather than set workbooks aside.
fn counts_every_workbook(bin: &Path, dir: &Path, reviewers: usize) {
    let out = Command::new(bin)
        .args(["-C", dir.to_str().expect("utf-8 path"), "score", "--json"])
        .output()
        .expect("run selfreview score");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("error["),
        "selfreview score set workbooks aside:\n{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("score --json");
    let counted = json["workbooks"].as_array().map_or(0, Vec::len);
    assert_eq!(counted, reviewers, "score counted {counted} workbooks");
}

/// Wall seconds and peak resident memory in MiB.
type Figures = (f64, f64);

/// A task: selfreview's figures, the alternative's name and its figures.
type Comparison = (String, Figures, String, Figures);

/// The median wall time and the largest peak memory of `runs` runs of a command: a
/// shared disk makes single timings of large writes noisy.
fn measure(label: &str, cmd: &[&str], cwd: &Path, runs: usize, before_each: &dyn Fn()) -> Figures {
    let mut times = Vec::new();
    let mut peak: f64 = 0.0;
    for _ in 0..runs {
        before_each();
        let (t, m) = measure_once(label, cmd, cwd);
        times.push(t);
        peak = peak.max(m);
    }
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], peak)
}

/// Like [`measure`] for selfreview and its alternatives together, taking turns run by run
/// so that a slow spell on a shared machine falls on all, not on whichever ran last.
fn measure_turns(commands: &[(&str, &[&str])], cwd: &Path, runs: usize) -> Vec<Figures> {
    measure_turns_with(commands, cwd, runs, &|_| {})
}

/// As [`measure_turns`], calling `before` with the command's index ahead of each of its
/// runs (outside the timing).
fn measure_turns_with(
    commands: &[(&str, &[&str])],
    cwd: &Path,
    runs: usize,
    before: &dyn Fn(usize),
) -> Vec<Figures> {
    let mut figures: Vec<(Vec<f64>, f64)> = vec![(Vec::new(), 0.0); commands.len()];
    for _ in 0..runs {
        for (i, (label, cmd)) in commands.iter().enumerate() {
            before(i);
            let (t, m) = measure_once(label, cmd, cwd);
            figures[i].0.push(t);
            figures[i].1 = figures[i].1.max(m);
        }
    }
    figures
        .into_iter()
        .map(|(mut times, peak)| {
            times.sort_by(f64::total_cmp);
            (times[times.len() / 2], peak)
        })
        .collect()
}

/// Wall seconds and peak resident memory (MiB) of a command, from GNU time.
fn measure_once(label: &str, cmd: &[&str], cwd: &Path) -> Figures {
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%e %M")
        .args(cmd)
        .current_dir(cwd)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("GNU time runs");
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap_or("");
    let mut parts = last.split_whitespace();
    let secs: f64 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(f64::NAN);
    let kib: f64 = parts
        .next()
        .and_then(|s| s.parse().ok())
        .unwrap_or(f64::NAN);
    let ok = out.status.success() || out.status.code() == Some(1) || out.status.code() == Some(12);
    assert!(ok, "{label} failed: {err}");
    eprintln!("{label}: {secs:.2} s, {:.1} MiB", kib / 1024.0);
    (secs, kib / 1024.0)
}

/// The generated inputs every comparison reads.
struct Inputs {
    bin: PathBuf,
    data: PathBuf,
    csv: PathBuf,
    xlsx: PathBuf,
    scored: PathBuf,
    packed: PathBuf,
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let sizes = if quick {
        Sizes {
            csv_rows: 20_000,
            big_csv_rows: 200_000,
            xlsx_rows: 5_000,
            video_bytes: 16 << 20,
            reviewers: 5,
        }
    } else {
        Sizes {
            csv_rows: 1_000_000,
            big_csv_rows: 10_000_000,
            xlsx_rows: 200_000,
            video_bytes: 1 << 30,
            reviewers: 50,
        }
    };
    let inputs = prepare(&sizes);
    if std::env::args().any(|a| a == "--prepare") {
        return;
    }
    let only = Only::from_args();
    let mut rows = Vec::new();
    if only.wants("imports") {
        rows.extend(import_rows(&sizes, &inputs));
    }
    if only.wants("big-csv") {
        rows.push(big_csv_row(&sizes, &inputs));
    }
    if only.wants("pack") {
        rows.extend(pack_rows(&sizes, &inputs, &only));
    }
    let b = inputs.bin.to_str().expect("utf-8 path");
    let nothing = || {};
    let ours_score = only.wants("score").then(|| {
        measure(
            "selfreview score",
            &[b, "-C", inputs.scored.to_str().expect("utf-8"), "score"],
            &inputs.data,
            3,
            &nothing,
        )
    });
    let md = table(&sizes, &rows, ours_score);
    println!("{md}");
    std::fs::write(inputs.data.join("results.md"), md).expect("write results");
}

/// Which groups of rows to measure: all of them, or those named by `--only=a,b` (imports,
/// big-csv, pack, zip-deflate, score), so that one group can be measured again on its own.
struct Only(Option<Vec<String>>);

impl Only {
    fn from_args() -> Self {
        let named = std::env::args()
            .find_map(|a| a.strip_prefix("--only=").map(str::to_owned))
            .map(|list| list.split(',').map(str::to_owned).collect());
        Self(named)
    }

    fn wants(&self, group: &str) -> bool {
        self.0
            .as_ref()
            .is_none_or(|names| names.iter().any(|n| n == group))
    }
}

/// Generates the large inputs once, in target/bench-data, and the review folders.
fn prepare(sizes: &Sizes) -> Inputs {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_selfreview"));
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    std::fs::create_dir_all(&data).expect("data folder");
    let csv = data.join(format!("incidents-{}.csv", sizes.csv_rows));
    if !csv.exists() {
        eprintln!("generating {}", csv.display());
        write_csv(&csv, sizes.csv_rows);
    }
    let xlsx = data.join(format!("incidents-{}.xlsx", sizes.xlsx_rows));
    if !xlsx.exists() {
        eprintln!("generating {}", xlsx.display());
        write_xlsx(&xlsx, sizes.xlsx_rows);
    }
    let scored = data.join(format!("review-{}", sizes.reviewers));
    review(&bin, &scored, sizes.reviewers, None);
    counts_every_workbook(&bin, &scored, sizes.reviewers);
    let packed = data.join("review-video");
    review(&bin, &packed, 1, Some(sizes.video_bytes));
    Inputs {
        bin,
        data,
        csv,
        xlsx,
        scored,
        packed,
    }
}

/// Importing the incident log as CSV and as xlsx, against pandas, DuckDB, Polars,
/// python-calamine and openpyxl.
fn import_rows(sizes: &Sizes, inputs: &Inputs) -> Vec<Comparison> {
    let b = inputs.bin.to_str().expect("utf-8 path");
    let csv = inputs.csv.to_str().expect("utf-8 path");
    let xlsx = inputs.xlsx.to_str().expect("utf-8 path");
    let data = &inputs.data;
    let format = "%d/%m/%Y %H:%M";
    let pandas = format!(
        "import pandas as pd; pd.read_csv('{csv}', parse_dates=['Date/Time'], date_format='{format}')"
    );
    // Each engine reads the whole file into a table of its own, the date column parsed.
    let duckdb = format!(
        "import duckdb; duckdb.sql(\"CREATE TABLE t AS SELECT * FROM read_csv('{csv}', timestampformat='{format}')\")"
    );
    let polars = format!(
        "import polars as pl; pl.read_csv('{csv}').with_columns(pl.col('Date/Time').str.strptime(pl.Datetime, '{format}'))"
    );
    let pycal = format!(
        "from python_calamine import CalamineWorkbook; CalamineWorkbook.from_path('{xlsx}').get_sheet_by_index(0).to_python()"
    );
    let openpyxl = format!(
        "import openpyxl; ws = openpyxl.load_workbook('{xlsx}', read_only=True).active; [r for r in ws.iter_rows(values_only=True)]"
    );

    let mut rows: Vec<Comparison> = Vec::new();
    let import_args = ["import", "--as-of", "2026-11-01", "--kind", "incidents"];
    let nothing = || {};
    let ours_csv_cmd = [&[b][..], &import_args[..], &[csv]].concat();
    let alternatives = [
        ("pandas read_csv (date parsed)", pandas),
        ("DuckDB read_csv into a table (date parsed)", duckdb),
        ("Polars read_csv (date parsed)", polars),
    ];
    let mut commands: Vec<(&str, Vec<&str>)> = vec![("selfreview import csv", ours_csv_cmd)];
    for (label, code) in &alternatives {
        commands.push((label, vec!["python3", "-c", code]));
    }
    let commands: Vec<(&str, &[&str])> = commands.iter().map(|(l, c)| (*l, &c[..])).collect();
    let figures = measure_turns(&commands, data, 5);
    for ((label, _), theirs) in alternatives.iter().zip(&figures[1..]) {
        rows.push((
            format!("import {} CSV rows", sizes.csv_rows),
            figures[0],
            (*label).into(),
            *theirs,
        ));
    }
    let ours_xlsx_cmd = [&[b][..], &import_args[..], &[xlsx]].concat();
    let figures = measure_turns(
        &[
            ("selfreview import xlsx", &ours_xlsx_cmd),
            ("python-calamine", &["python3", "-c", &pycal]),
        ],
        data,
        5,
    );
    let op = measure("openpyxl", &["python3", "-c", &openpyxl], data, 1, &nothing);
    rows.push((
        format!("import {} xlsx rows", sizes.xlsx_rows),
        figures[0],
        "python-calamine to lists".into(),
        figures[1],
    ));
    rows.push((
        format!("import {} xlsx rows", sizes.xlsx_rows),
        figures[0],
        "openpyxl read-only".into(),
        op,
    ));
    rows
}

/// Importing a CSV ten times the size, for its memory: generated on disk, imported once,
/// then deleted. There is no alternative; the ratio is to the alternative's figures of a
/// row that has none.
fn big_csv_row(sizes: &Sizes, inputs: &Inputs) -> Comparison {
    let b = inputs.bin.to_str().expect("utf-8 path");
    let big = inputs
        .data
        .join(format!("incidents-{}.csv", sizes.big_csv_rows));
    eprintln!("generating {}", big.display());
    write_csv(&big, sizes.big_csv_rows);
    let path = big.to_str().expect("utf-8 path");
    let nothing = || {};
    let ours = measure(
        "selfreview import big csv",
        &[
            b,
            "import",
            "--as-of",
            "2026-11-01",
            "--kind",
            "incidents",
            path,
        ],
        &inputs.data,
        1,
        &nothing,
    );
    std::fs::remove_file(&big).expect("delete the big CSV");
    (
        format!("import {} CSV rows", sizes.big_csv_rows),
        ours,
        "–".into(),
        (f64::NAN, f64::NAN),
    )
}

/// Packing a review with a large video, against zip with and without compression. The pack
/// and `zip -0 -r` take turns, each writing afresh (zip would otherwise update the archive
/// left by the run before), so that a slow spell of the shared disk falls on both.
fn pack_rows(sizes: &Sizes, inputs: &Inputs, only: &Only) -> Vec<Comparison> {
    let b = inputs.bin.to_str().expect("utf-8 path");
    let data = &inputs.data;
    let packed = &inputs.packed;
    let zip_out = data.join("zip-out.zip");
    let pack_out = data.join("pack-out.zip");
    let clear = || {
        let _ = std::fs::remove_file(&zip_out);
        let _ = std::fs::remove_file(&pack_out);
    };
    let video = packed.to_str().expect("utf-8");
    let (pack_out_s, zip_out_s) = (
        pack_out.to_str().expect("utf-8"),
        zip_out.to_str().expect("utf-8"),
    );
    let ours: &[&str] = &[b, "-C", video, "pack", "-o", pack_out_s];
    let zip0: &[&str] = &["zip", "-q", "-0", "-r", zip_out_s, "evidence"];
    // Each removes only its own output, so the last pack is still there to look at.
    let figures = measure_turns_with(
        &[("selfreview pack", ours), ("zip -0 -r", zip0)],
        packed,
        3,
        &|turn| {
            let _ = std::fs::remove_file(if turn == 0 { &pack_out } else { &zip_out });
        },
    );
    // A refused pack, or one that left the video out, would be timed as a fast pack.
    let packed_bytes = std::fs::metadata(&pack_out).map_or(0, |m| m.len());
    assert!(
        packed_bytes > sizes.video_bytes,
        "selfreview pack wrote {packed_bytes} bytes, less than the video it cites"
    );
    let task = format!("pack with a {} MiB video", sizes.video_bytes >> 20);
    let mut rows = vec![(task.clone(), figures[0], "zip -0 -r".into(), figures[1])];
    // Deflating the gigabyte takes minutes; `--only=pack` leaves it out.
    if only.wants("zip-deflate") {
        let z = measure(
            "zip -r",
            &["zip", "-q", "-r", zip_out_s, "evidence"],
            packed,
            1,
            &clear,
        );
        rows.push((task, figures[0], "zip -r".into(), z));
    }
    clear();
    rows
}

/// The results as a Markdown table for BENCHMARKS.md.
fn table(sizes: &Sizes, rows: &[Comparison], ours_score: Option<Figures>) -> String {
    let mut md = String::new();
    let _ = writeln!(
        md,
        "| task | selfreview | alternative | alternative's figures | time ratio | memory |"
    );
    let _ = writeln!(md, "|---|---|---|---|---|---|");
    for (task, (s, m), alt, (as_, am)) in rows {
        if as_.is_nan() {
            let _ = writeln!(
                md,
                "| {task} | {s:.2} s, {m:.0} MiB | {alt} | – | – | {m:.0} MiB |"
            );
            continue;
        }
        let _ = writeln!(
            md,
            "| {task} | {s:.2} s, {m:.0} MiB | {alt} | {as_:.2} s, {am:.0} MiB | {:.2}× | {m:.0} MiB |",
            s / as_
        );
    }
    if let Some((secs, mib)) = ours_score {
        let _ = writeln!(
            md,
            "| score {} reviewers' workbooks | {secs:.2} s, {mib:.0} MiB | – | – | – | {mib:.0} MiB |",
            sizes.reviewers
        );
    }
    md
}
