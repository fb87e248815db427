//! The load ticket: every load takes a number, and a result that arrives after a newer load
//! started (a workbook still being read, a worker's table) is dropped.

use std::sync::atomic::{AtomicU64, Ordering};

/// Number of the latest load.
static LOADS: AtomicU64 = AtomicU64::new(0);

/// One load's number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ticket(u64);

impl Ticket {
    /// Starts a load: every earlier ticket stops being the latest. Cancelling takes one too,
    /// so that the cancelled load's late answer is dropped.
    pub fn next() -> Ticket {
        Ticket(LOADS.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Whether no load started since this one.
    pub fn is_latest(self) -> bool {
        LOADS.load(Ordering::Relaxed) == self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_newer_load_supersedes_an_older_one() {
        let first = Ticket::next();
        assert!(first.is_latest());
        let second = Ticket::next();
        assert!(!first.is_latest());
        assert!(second.is_latest());
        assert_ne!(first, second);
    }
}
