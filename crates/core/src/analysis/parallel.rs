//! `f` over a list, on every core natively and one after the other on wasm32: the columns'
//! passes and the indicators are each computed exactly as alone, so the result does not
//! depend on the number of threads.

/// `f` over `items`, results in input order. Natively the items are shared among the CPU
/// cores (each item is computed exactly as alone, so the result does not depend on the
/// number of threads); on wasm32, which has no threads, one after the other.
pub(super) fn map_in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let threads = parallelism();
        if threads > 1 && items.len() > 1 {
            let chunk = items.len().div_ceil(threads);
            let f = &f;
            return std::thread::scope(|scope| {
                let workers: Vec<_> = items
                    .chunks(chunk)
                    .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
                    .collect();
                workers
                    .into_iter()
                    .flat_map(|w| w.join().expect("an indicator worker panicked"))
                    .collect()
            });
        }
    }
    items.iter().map(f).collect()
}

/// The threads of [`map_in_parallel`]: the CPU cores natively, 1 on wasm32.
pub(super) fn parallelism() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    #[cfg(target_arch = "wasm32")]
    let threads = 1;
    threads
}
