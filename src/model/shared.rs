//! `Shared<T>`: an `Arc` that compares by identity, so a memo holding a large value (a table,
//! an analysis) can tell "same as before" in O(1) instead of comparing every cell.

use std::ops::Deref;
use std::sync::Arc;

/// A shared, immutable value; two `Shared` are equal when they are the same allocation.
#[derive(Debug)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_by_identity_not_by_value() {
        let a = Shared::new(vec![1, 2, 3]);
        let b = a.clone();
        let c = Shared::new(vec![1, 2, 3]);
        assert!(a == b);
        assert!(a != c);
        assert_eq!(a.len(), 3);
    }
}
