//! Static files compressed once, at the highest brotli quality (server only).
//!
//! The static file handler (`leptos_axum`'s, a `tower_http` `ServeDir` that looks for
//! precompressed `.br` siblings) sends `app.wasm.br` to a browser that accepts brotli, and the
//! compression middleware leaves an already-encoded response alone. Compressing per request
//! can only afford a fast quality (the WASM bundle is 154 KB that way); compressed once at
//! quality 11 it is 128 KB, and costs no CPU per request.
//!
//! [`prepare`] runs at start: it first deletes every `.br` file older than its source (a new
//! build must never be answered with the previous build's bytes), then compresses, in the
//! background and in a short-lived child process, what has no up-to-date `.br` yet — writing
//! each to a temporary name and renaming it, so a half-written file is never served. Until
//! then, files are compressed per request as before. A read-only site folder only costs that
//! fallback.

use std::path::{Path, PathBuf};

/// The folders of the site that hold the application's and the vendored libraries' files.
pub const FOLDERS: [&str; 2] = ["pkg", "vendor"];

/// The kinds of file worth compressing (fonts and images are compressed already).
const EXTENSIONS: [&str; 5] = ["wasm", "js", "css", "svg", "json"];

/// Brotli's highest quality.
const QUALITY: u32 = 11;

/// The smallest brotli window (log2 of its size, 10 to 24) that holds `len` bytes: the
/// compression is as good as with the largest, and its memory stays small.
pub(crate) fn window_for(len: usize) -> u32 {
    (len.max(1).next_power_of_two().trailing_zeros()).clamp(10, 24)
}

/// Removes stale `.br` files now, then compresses the rest in the background: in a child
/// process (the server binary's `precompress` command, [`PRECOMPRESS`]) when there is one, so
/// the compressor's memory — about 12 MB at quality 11, which the allocator would otherwise keep
/// for the server's lifetime — goes back to the system when it is done; else on a blocking
/// thread.
pub fn prepare(site_root: &Path) {
    let sources = FOLDERS
        .iter()
        .flat_map(|folder| files_under(&site_root.join(folder)))
        .collect::<Vec<_>>();
    let stale = remove_stale(&sources);
    if !sources.iter().any(|p| compressible(p) && !fresh(p)) {
        return;
    }
    let root = site_root.to_owned();
    tokio::task::spawn_blocking(move || {
        let started = std::time::Instant::now();
        let child = std::env::current_exe().and_then(|exe| {
            std::process::Command::new(exe)
                .arg(PRECOMPRESS)
                .arg(&root)
                .stdin(std::process::Stdio::null())
                .status()
        });
        let outcome = match child {
            Ok(status) if status.success() => Ok("a child process"),
            Ok(status) => Err(format!("the precompress process ended with {status}")),
            Err(err) => {
                tracing::info!(error = %err, "no precompress process: compressing in the server");
                compress_all(&root)
                    .map(|_| "the server")
                    .map_err(|e| e.to_string())
            }
        };
        match outcome {
            Ok(by) => tracing::info!(
                by,
                stale_removed = stale,
                ms = started.elapsed().as_millis() as u64,
                "static files precompressed"
            ),
            Err(err) => tracing::warn!(error = %err, "could not precompress the static files"),
        }
    });
}

/// The server binary's command that runs [`compress_all`] on the site folder given after it.
pub const PRECOMPRESS: &str = "precompress";

/// Compresses every compressible file under the site's [`FOLDERS`] that has no up-to-date
/// `.br` yet. Returns how many it compressed.
pub fn compress_all(site_root: &Path) -> std::io::Result<usize> {
    let mut done = 0;
    for path in FOLDERS
        .iter()
        .flat_map(|folder| files_under(&site_root.join(folder)))
        .filter(|p| compressible(p) && !fresh(p))
    {
        compress(&path)?;
        done += 1;
    }
    Ok(done)
}

/// Every file under `dir`, recursively (none when it does not exist).
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => out.extend(files_under(&path)),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
    out
}

fn compressible(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e))
}

fn brotli_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".br");
    PathBuf::from(name)
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Whether `path` has a `.br` at least as new as itself.
fn fresh(path: &Path) -> bool {
    match (modified(path), modified(&brotli_path(path))) {
        (Some(source), Some(compressed)) => compressed >= source,
        _ => false,
    }
}

/// Deletes the `.br` files whose source is newer or gone. Returns how many.
fn remove_stale(files: &[PathBuf]) -> usize {
    let mut removed = 0;
    for path in files {
        let Some(source) = path
            .to_str()
            .and_then(|p| p.strip_suffix(".br"))
            .map(Path::new)
        else {
            continue;
        };
        let stale = match (modified(source), modified(path)) {
            (Some(s), Some(c)) => c < s,
            _ => true,
        };
        if stale && std::fs::remove_file(path).is_ok() {
            removed += 1;
        }
    }
    removed
}

fn compress(path: &Path) -> std::io::Result<()> {
    use std::io::Write;
    let data = std::fs::read(path)?;
    let target = brotli_path(path);
    let temporary = PathBuf::from(format!("{}.{}.tmp", target.display(), std::process::id()));
    {
        let file = std::fs::File::create(&temporary)?;
        let mut writer =
            brotli::CompressorWriter::new(file, 64 * 1024, QUALITY, window_for(data.len()));
        writer.write_all(&data)?;
        writer.flush()?;
    }
    std::fs::rename(&temporary, &target)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_window_fits_the_file() {
        assert_eq!(window_for(0), 10);
        assert_eq!(window_for(1000), 10);
        assert_eq!(window_for(350_000), 19);
        assert_eq!(window_for(1 << 19), 19);
        assert_eq!(window_for(100 << 20), 24);
    }

    #[test]
    fn compresses_once_and_replaces_stale_copies() {
        let root = std::env::temp_dir().join(format!("spazi-static-{}", std::process::id()));
        let pkg = root.join("pkg");
        std::fs::create_dir_all(&pkg).unwrap();
        let js = pkg.join("app.js");
        let text = "console.log('spazi');\n".repeat(500);
        std::fs::write(&js, &text).unwrap();
        std::fs::write(pkg.join("font.woff2"), b"binary").unwrap();

        let files = files_under(&root.join("pkg"));
        assert_eq!(remove_stale(&files), 0);
        assert!(!fresh(&js));
        compress(&js).unwrap();
        assert!(fresh(&js));
        let mut round_trip = String::new();
        brotli::Decompressor::new(std::fs::File::open(brotli_path(&js)).unwrap(), 4096)
            .read_to_string(&mut round_trip)
            .unwrap();
        assert_eq!(round_trip, text);
        assert!(std::fs::metadata(brotli_path(&js)).unwrap().len() < 200);
        assert!(!compressible(&pkg.join("font.woff2")));

        // A new build of the source: its old compressed copy goes at once.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&js, "console.log('new');").unwrap();
        let files = files_under(&root.join("pkg"));
        assert_eq!(remove_stale(&files), 1);
        assert!(!brotli_path(&js).exists());
        // A compressed copy whose source is gone goes too.
        std::fs::write(pkg.join("gone.js.br"), b"x").unwrap();
        assert_eq!(remove_stale(&files_under(&root.join("pkg"))), 1);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
