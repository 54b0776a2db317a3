//! Short names for what the wasm and its wasm-bindgen glue call each other
//! by. wasm-bindgen names every import `__wbg_<name>_<16 hex digits>` and
//! exports the Rust names (`widget_result_json`,
//! `wasm_bindgen__convert__closures_____invoke__h…`): about 90 imports and
//! 25 exports whose names cost the wasm and the glue 3.5 KB gzip together,
//! hashes being what gzip cannot shorten. [`minify`] renames both sides
//! (`a`, `b`, … `ba`, …), after `wasm-opt`, before the glue is bundled.
//!
//! The glue reaches an import as a key of its imports object and an export
//! only as `wasm.NAME`; `memory` keeps its name (the element reads
//! `exports.memory`). A name the glue does not spell out as such stays
//! unrenamed in the wasm too, so a glue that changes shape fails loudly
//! (an import left unresolved) instead of quietly.

use std::path::Path;

use anyhow::{bail, Context, Result};

/// Renames the imports from the glue and the exports of `wasm` in place,
/// and the same names in the glue `js`.
pub fn minify(wasm: &Path, js: &Path) -> Result<()> {
    let bytes = std::fs::read(wasm).with_context(|| format!("read {}", wasm.display()))?;
    let glue = std::fs::read_to_string(js).with_context(|| format!("read {}", js.display()))?;
    let (bytes, imports, exports) = rename(&bytes)?;
    let glue = rename_in_glue(&glue, &imports, &exports)?;
    std::fs::write(wasm, bytes)?;
    std::fs::write(js, glue)?;
    Ok(())
}

/// The `n`th short name: `a`…`z`, `A`…`Z`, then `ba`, `bb`, ….
fn short(mut n: usize) -> String {
    const ABC: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut out = Vec::new();
    loop {
        out.push(ABC[n % ABC.len()]);
        n /= ABC.len();
        if n == 0 {
            break;
        }
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// (old, new) pairs.
type Renames = Vec<(String, String)>;

/// The module with its glue imports and its exports renamed, and the
/// renames made.
fn rename(wasm: &[u8]) -> Result<(Vec<u8>, Renames, Renames)> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        bail!("not a wasm module");
    }
    let mut out = wasm[..8].to_vec();
    let (mut imports, mut exports) = (Vec::new(), Vec::new());
    let mut r = Reader { b: wasm, at: 8 };
    while r.at < wasm.len() {
        let id = r.byte()?;
        let len = r.uleb()? as usize;
        let body = r.take(len)?;
        let body = match id {
            2 => rename_imports(body, &mut imports)?,
            7 => rename_exports(body, &mut exports)?,
            _ => body.to_vec(),
        };
        out.push(id);
        leb(&mut out, body.len() as u64);
        out.extend_from_slice(&body);
    }
    Ok((out, imports, exports))
}

/// The import section with every import from a `./…` module (the glue)
/// renamed.
fn rename_imports(body: &[u8], renames: &mut Renames) -> Result<Vec<u8>> {
    let mut r = Reader { b: body, at: 0 };
    let count = r.uleb()?;
    let mut out = Vec::new();
    leb(&mut out, count);
    for _ in 0..count {
        let module = r.name()?;
        let name = r.name()?;
        let start = r.at;
        match r.byte()? {
            0 => {
                r.uleb()?;
            }
            1 => {
                r.byte()?;
                r.limits()?;
            }
            2 => r.limits()?,
            3 => {
                r.byte()?;
                r.byte()?;
            }
            4 => {
                r.byte()?;
                r.uleb()?;
            }
            k => bail!("import kind {k} unknown"),
        }
        let desc = &body[start..r.at];
        let name = if module.starts_with("./") {
            let new = short(renames.len());
            renames.push((name.to_owned(), new.clone()));
            new
        } else {
            name.to_owned()
        };
        put_name(&mut out, module);
        put_name(&mut out, &name);
        out.extend_from_slice(desc);
    }
    Ok(out)
}

/// The export section with every export but `memory` renamed.
fn rename_exports(body: &[u8], renames: &mut Renames) -> Result<Vec<u8>> {
    let mut r = Reader { b: body, at: 0 };
    let count = r.uleb()?;
    let mut out = Vec::new();
    leb(&mut out, count);
    for _ in 0..count {
        let name = r.name()?;
        let start = r.at;
        r.byte()?;
        r.uleb()?;
        let desc = &body[start..r.at];
        let name = if name == "memory" {
            name.to_owned()
        } else {
            // Export names must differ from each other, not from imports.
            let new = short(renames.len());
            renames.push((name.to_owned(), new.clone()));
            new
        };
        put_name(&mut out, &name);
        out.extend_from_slice(desc);
    }
    Ok(out)
}

/// The glue with the same renames: each import as an identifier (the key
/// of the imports object), each export where it follows `wasm.`. Every
/// name must be found.
fn rename_in_glue(glue: &str, imports: &Renames, exports: &Renames) -> Result<String> {
    let imports: std::collections::HashMap<&str, &str> = imports
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let exports: std::collections::HashMap<&str, &str> = exports
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = String::with_capacity(glue.len());
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
    let mut rest = glue;
    while let Some(start) = rest.find(is_ident) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let end = tail.find(|c: char| !is_ident(c)).unwrap_or(tail.len());
        let word = &tail[..end];
        let after_wasm = out.ends_with("wasm.");
        let new = if after_wasm {
            exports.get(word)
        } else {
            imports.get(word)
        };
        match new {
            Some(new) => {
                seen.insert(word);
                out.push_str(new);
            }
            None => out.push_str(word),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    let missing: Vec<&str> = imports
        .keys()
        .filter(|k| !seen.contains(*k))
        .copied()
        .collect();
    if !missing.is_empty() {
        bail!("the glue does not name these imports: {missing:?}");
    }
    Ok(out)
}

struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8> {
        let b = *self.b.get(self.at).context("wasm truncated")?;
        self.at += 1;
        Ok(b)
    }

    fn uleb(&mut self) -> Result<u64> {
        let (mut v, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
            if shift > 63 {
                bail!("LEB128 too long");
            }
        }
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let s = self.b.get(self.at..self.at + n).context("wasm truncated")?;
        self.at += n;
        Ok(s)
    }

    fn name(&mut self) -> Result<&'a str> {
        let n = self.uleb()? as usize;
        std::str::from_utf8(self.take(n)?).context("a name that is not UTF-8")
    }

    /// Table and memory limits: flags, minimum, and the maximum if flagged.
    fn limits(&mut self) -> Result<()> {
        let flags = self.byte()?;
        self.uleb()?;
        if flags & 1 != 0 {
            self.uleb()?;
        }
        Ok(())
    }
}

fn leb(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn put_name(out: &mut Vec<u8>, name: &str) {
    leb(out, name.len() as u64);
    out.extend_from_slice(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_are_distinct() {
        let names: std::collections::HashSet<String> = (0..3000).map(short).collect();
        assert_eq!(names.len(), 3000);
        assert_eq!(
            (short(0), short(51), short(52)),
            ("a".into(), "Z".into(), "ba".into())
        );
    }

    #[test]
    fn the_glue_is_renamed_by_identifier() -> Result<()> {
        let imports = vec![("__wbg_f_0123".to_owned(), "a".to_owned())];
        let exports = vec![("widget_start".to_owned(), "b".to_owned())];
        let glue = "x = { __wbg_f_0123: function() {} }; wasm.widget_start(); widget_start(); __wbg_f_01234;";
        assert_eq!(
            rename_in_glue(glue, &imports, &exports)?,
            "x = { a: function() {} }; wasm.b(); widget_start(); __wbg_f_01234;"
        );
        assert!(rename_in_glue("nothing", &imports, &exports).is_err());
        Ok(())
    }
}
