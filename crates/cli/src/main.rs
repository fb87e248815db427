//! `junheng`: the engine of the junheng page, for scripts.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [command, file] = args.as_slice() else {
        eprintln!("usage: junheng profile FILE.csv");
        return ExitCode::from(2);
    };
    if command != "profile" {
        eprintln!("junheng: unknown command {command:?}\nusage: junheng profile FILE.csv");
        return ExitCode::from(2);
    }
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("junheng: {file}: {e}");
            return ExitCode::from(3);
        }
    };
    let table = match junheng_core::ingest::read_csv(&bytes, file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("junheng: {file}: {e}");
            return ExitCode::from(3);
        }
    };
    let weight = junheng_core::profile::detect_weight(&table);
    for p in junheng_core::profile::profile(&table, weight) {
        let cv = p.cv.map_or("null".to_string(), |v| v.to_string());
        println!("{}\t{}\t{}", p.header, p.n, cv);
    }
    ExitCode::SUCCESS
}
