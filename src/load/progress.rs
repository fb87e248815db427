//! Progress of a large file read by the engine worker (`worker.rs`): what the progress bar
//! shows. Pure, so tested natively; `ui/frame/progress.rs` renders it.

use junheng_core::format::{number, Kind};

use crate::i18n::K;

/// A stage of a load in the worker, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Chunks of the file are sent to the worker.
    Reading,
    /// The worker decodes the text and parses the table.
    Parsing,
    /// The table comes to the page, which computes every measure.
    Computing,
}

impl Stage {
    /// The stage named by the worker's message.
    pub fn from_wire(stage: &str) -> Option<Stage> {
        match stage {
            "reading" => Some(Stage::Reading),
            "parsing" => Some(Stage::Parsing),
            // "sending": the worker hands the table over; the page computes right after.
            "computing" | "sending" => Some(Stage::Computing),
            _ => None,
        }
    }

    /// Label key.
    pub fn label(self) -> K {
        match self {
            Stage::Reading => K::ProgressReading,
            Stage::Parsing => K::ProgressParsing,
            Stage::Computing => K::ProgressComputing,
        }
    }
}

/// Where a load in the worker stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// File name.
    pub name: String,
    /// Current stage.
    pub stage: Stage,
    /// Bytes sent to the worker.
    pub bytes: f64,
    /// Size of the file.
    pub total: f64,
    /// Data rows parsed (0 until parsing is done).
    pub rows: usize,
}

impl Progress {
    /// Overall completion in percent, 0–100: reading is the first 40 %, parsing up to 70 %,
    /// computing the rest.
    pub fn percent(&self) -> u32 {
        let read = if self.total > 0.0 {
            (self.bytes / self.total).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let p = match self.stage {
            Stage::Reading => 40.0 * read,
            Stage::Parsing => 40.0,
            Stage::Computing => 70.0,
        };
        p.round() as u32
    }

    /// "12.0 / 96.5 MB" while reading.
    pub fn megabytes(&self) -> String {
        let mb = |b: f64| number(b / (1024.0 * 1024.0), Kind::Value(1));
        format!("{} / {} MB", mb(self.bytes), mb(self.total))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(stage: Stage, bytes: f64) -> Progress {
        Progress {
            name: "f.csv".into(),
            stage,
            bytes,
            total: 100.0,
            rows: 0,
        }
    }

    #[test]
    fn percent_grows_through_the_stages() {
        assert_eq!(at(Stage::Reading, 0.0).percent(), 0);
        assert_eq!(at(Stage::Reading, 50.0).percent(), 20);
        assert_eq!(at(Stage::Reading, 500.0).percent(), 40);
        assert_eq!(at(Stage::Parsing, 100.0).percent(), 40);
        assert_eq!(at(Stage::Computing, 100.0).percent(), 70);
        let empty = Progress {
            total: 0.0,
            ..at(Stage::Reading, 0.0)
        };
        assert_eq!(empty.percent(), 40);
    }

    #[test]
    fn stages_and_megabytes_read() {
        assert_eq!(Stage::from_wire("parsing"), Some(Stage::Parsing));
        assert_eq!(Stage::from_wire("sending"), Some(Stage::Computing));
        assert_eq!(Stage::from_wire("other"), None);
        let p = Progress {
            bytes: 8.0 * 1024.0 * 1024.0,
            total: 96.5 * 1024.0 * 1024.0,
            ..at(Stage::Reading, 0.0)
        };
        assert_eq!(p.megabytes(), "8.0 / 96.5 MB");
        // Through the one formatter: grouped, half away from zero.
        let big = Progress {
            bytes: 0.25 * 1024.0 * 1024.0,
            total: 1536.25 * 1024.0 * 1024.0,
            ..at(Stage::Reading, 0.0)
        };
        assert_eq!(big.megabytes(), "0.3 / 1,536.3 MB");
    }
}
