//! Parsing on a second thread: one thread reads the file, guards its quoting and splits it
//! into records with the csv crate; the thread that asked for the rows decodes the fields
//! it needs and folds them. Records are handed over in batches, and the batches' buffers
//! are handed back to be filled again, so nothing is allocated per row once the first
//! batches are made; at most [`IN_FLIGHT`] batches are between the threads, so memory stays
//! flat however long the file.
//!
//! Only the reading thread ever sees the file's bytes, in order, so a record ends exactly
//! where the csv crate says it does: a quoted cell with line breaks or delimiters in it is
//! never cut.

use std::io::Read;
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};
use std::thread::JoinHandle;

use csv::ByteRecord;

use super::guard::Guard;

/// Records per batch, at most.
const BATCH: usize = 4096;
/// Bytes per batch past which it is sent, however few its records.
const BATCH_BYTES: usize = 1024 * 1024;
/// Batches sent and not yet taken.
const IN_FLIGHT: usize = 2;
/// A record buffer grown past this is dropped when handed back, not kept for reuse.
const KEEP_CAPACITY: usize = 64 * 1024;

/// What the reading thread sends.
pub enum Message {
    /// Records, the first `.1` of the batch.
    Records(Vec<ByteRecord>, usize),
    /// The file could not be read on: the problem, worded for the school.
    Failed(String),
    /// Every record was read.
    End,
}

/// The reading thread, seen from the thread that takes its records.
pub struct Split {
    records: Option<Receiver<Message>>,
    spent: Sender<Vec<ByteRecord>>,
    thread: Option<JoinHandle<()>>,
}

impl Split {
    /// Starts reading `reader` on a thread of its own.
    pub fn start(reader: csv::Reader<Guard<Box<dyn Read + Send>>>) -> std::io::Result<Split> {
        let (send, records) = sync_channel(IN_FLIGHT);
        let (spent, returned) = channel();
        let thread = std::thread::Builder::new()
            .name("csv reader".into())
            .spawn(move || read_all(reader, &send, &returned))?;
        Ok(Split {
            records: Some(records),
            spent,
            thread: Some(thread),
        })
    }

    /// The next message; a thread that stopped without saying why is said to have.
    pub fn next(&mut self) -> Message {
        let got = self.records.as_ref().and_then(|r| r.recv().ok());
        got.unwrap_or_else(|| {
            Message::Failed("it could not be read as CSV: its reader stopped part-way".into())
        })
    }

    /// Hands a batch's buffers back to be filled again.
    pub fn give_back(&mut self, mut batch: Vec<ByteRecord>) {
        for record in &mut batch {
            if record.as_slice().len() > KEEP_CAPACITY {
                *record = ByteRecord::new();
            }
        }
        // The reader may have finished; its buffers are then only dropped.
        let _ = self.spent.send(batch);
    }
}

impl Drop for Split {
    fn drop(&mut self) {
        // With no one to take them, the reader's next batch is refused and it ends.
        self.records = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The reading thread: every record, in batches, then the end or the problem.
fn read_all(
    mut reader: csv::Reader<Guard<Box<dyn Read + Send>>>,
    send: &SyncSender<Message>,
    returned: &Receiver<Vec<ByteRecord>>,
) {
    loop {
        let mut batch = returned.try_recv().unwrap_or_default();
        let (mut n, mut bytes) = (0, 0);
        let mut last = None;
        while n < BATCH && bytes < BATCH_BYTES {
            if n == batch.len() {
                batch.push(ByteRecord::new());
            }
            match reader.read_byte_record(&mut batch[n]) {
                Ok(true) => {
                    // The parser's own line is that of the blank lines before the row, if
                    // any: the guard knows the line the row began on.
                    if let Some(line) = reader.get_mut().take_start() {
                        let mut at = batch[n]
                            .position()
                            .cloned()
                            .unwrap_or_else(csv::Position::new);
                        at.set_line(line);
                        batch[n].set_position(Some(at));
                    }
                    bytes += batch[n].as_slice().len() + batch[n].len();
                    n += 1;
                }
                Ok(false) => {
                    last = Some(Message::End);
                    break;
                }
                Err(e) => {
                    let message = match reader.get_ref().problem() {
                        Some(problem) => problem.to_string(),
                        None => format!(
                            "it could not be read as CSV near line {}: {e}",
                            reader.position().line()
                        ),
                    };
                    last = Some(Message::Failed(message));
                    break;
                }
            }
        }
        if n > 0 && send.send(Message::Records(batch, n)).is_err() {
            return;
        }
        if let Some(last) = last {
            let _ = send.send(last);
            return;
        }
    }
}
